package org.geoassure.geodb.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What to compute over a selection of cells (see {@link BlockScan#aggregate}). Always: the cell count and the volume
 * (cell volume, times the {@code partial} attribute when given: the fraction of the cell inside the domain, e.g.
 * {@code __in}). With a density (a constant in t/m³, or an attribute): the tonnage, volume × density. For each
 * summarised attribute: count of non-null values, arithmetic mean, min and max over cells. With a grade attribute and
 * cut-offs: the grade-tonnage curve.
 *
 * @param partial attribute holding the fraction of each cell to count, or null for whole cells
 * @param densityConstant density in t/m³, or NaN
 * @param density density attribute, or null
 * @param summaries attributes to summarise (mean, min, max)
 * @param grade grade attribute of the grade-tonnage curve, or null
 * @param cutoffs cut-offs of the curve, strictly ascending
 */
public record Aggregation(String partial, double densityConstant, String density, List<String> summaries,
        String grade, double[] cutoffs) {

    public Aggregation {
        summaries = List.copyOf(summaries);
        cutoffs = cutoffs.clone();
        if (density != null && !Double.isNaN(densityConstant)) {
            throw new IllegalArgumentException("give a density constant or a density attribute, not both");
        }
        if (!Double.isNaN(densityConstant) && !(densityConstant > 0 && Double.isFinite(densityConstant))) {
            throw new IllegalArgumentException("density must be a positive number of t/m³, got " + densityConstant);
        }
        for (int c = 0; c < cutoffs.length; c++) {
            if (!Double.isFinite(cutoffs[c]) || c > 0 && !(cutoffs[c] > cutoffs[c - 1])) {
                throw new IllegalArgumentException("cut-offs must be finite and strictly ascending: "
                        + Arrays.toString(cutoffs));
            }
        }
        if ((grade == null) != (cutoffs.length == 0)) {
            throw new IllegalArgumentException("a grade-tonnage curve needs a grade attribute and cut-offs");
        }
    }

    /** Count and volume of whole cells. */
    public static Aggregation basic() {
        return new Aggregation(null, Double.NaN, null, List.of(), null, new double[0]);
    }

    /** With a partial-percentage attribute. */
    public Aggregation partial(String attribute) {
        return new Aggregation(attribute, densityConstant, density, summaries, grade, cutoffs);
    }

    /** With a constant density (t/m³). */
    public Aggregation density(double tPerM3) {
        return new Aggregation(partial, tPerM3, null, summaries, grade, cutoffs);
    }

    /** With a density attribute (t/m³). */
    public Aggregation densityAttribute(String attribute) {
        return new Aggregation(partial, Double.NaN, attribute, summaries, grade, cutoffs);
    }

    /** With one more attribute to summarise. */
    public Aggregation summarise(String attribute) {
        List<String> s = new ArrayList<>(summaries);
        s.add(attribute);
        return new Aggregation(partial, densityConstant, density, s, grade, cutoffs);
    }

    /** With a grade-tonnage curve. */
    public Aggregation gradeTonnage(String attribute, double... cuts) {
        return new Aggregation(partial, densityConstant, density, summaries, attribute, cuts);
    }

    /** Whether a density was given (so tonnages are computed). */
    public boolean hasDensity() {
        return density != null || !Double.isNaN(densityConstant);
    }

    @Override
    public double[] cutoffs() {
        return cutoffs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Aggregation a && java.util.Objects.equals(partial, a.partial)
                && Double.compare(densityConstant, a.densityConstant) == 0 && java.util.Objects.equals(density, a.density)
                && summaries.equals(a.summaries) && java.util.Objects.equals(grade, a.grade)
                && Arrays.equals(cutoffs, a.cutoffs);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(partial, densityConstant, density, summaries, grade, Arrays.hashCode(cutoffs));
    }

    @Override
    public String toString() {
        return "Aggregation[partial=" + partial + ", density=" + (density != null ? density : densityConstant)
                + ", summaries=" + summaries + ", grade=" + grade + ", cutoffs=" + Arrays.toString(cutoffs) + "]";
    }
}
