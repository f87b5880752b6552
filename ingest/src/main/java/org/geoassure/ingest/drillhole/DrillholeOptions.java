package org.geoassure.ingest.drillhole;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.crs.Crs;

/**
 * Options of a drillhole read. Build with {@link #builder(Crs)} or start from {@link #defaults(Crs)} and use the
 * {@code with...} methods.
 *
 * @param units length unit of depths (survey depth, from, to, total depth) and collar elevation [METRE]
 * @param dipConvention how dips are measured in the input [NEGATIVE_DOWN]
 * @param sourceCrs CRS of the collar x,y in the file, or null when it is the target CRS [null]
 * @param targetCrs the workspace CRS (required)
 * @param mapping column mapping [auto-detect]
 * @param method desurvey method for the store [MINIMUM_CURVATURE]
 * @param validFrom valid time of the batch, or null for the ingest time [null]
 * @param orphans what to do with survey and interval rows of holes that are not in the collar file [ERROR]
 * @param overlaps what to do with overlapping or duplicate intervals of one hole in one table [ERROR]
 * @param beyondTotalDepth what to do with a survey depth or interval {@code to} beyond the collar total depth [ERROR]
 * @param user who runs the ingest [the OS user]
 * @param encoding character encoding of the files [UTF-8, with or without BOM]; e.g. GB18030 or GBK for files saved
 *     by Chinese-language Excel, windows-1252 for old Western ones
 */
public record DrillholeOptions(LengthUnit units, DipConvention dipConvention, Crs sourceCrs, Crs targetCrs,
        ColumnMapping mapping, DesurveyMethod method, Instant validFrom, OrphanPolicy orphans, OverlapPolicy overlaps,
        DepthPolicy beyondTotalDepth, String user, java.nio.charset.Charset encoding) {

    /** Rows whose hole is not in the collar file. */
    public enum OrphanPolicy {
        /** Each such hole is an error. */
        ERROR,
        /** The rows are skipped with one warning per hole and file (first line and row count). */
        SKIP;

        /** Lower-case name for provenance and command lines. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Overlapping or duplicate intervals of one hole in one table. */
    public enum OverlapPolicy {
        /** Each overlap is an error naming both lines. */
        ERROR,
        /** Each overlap is a warning naming both lines; all rows are kept. */
        WARN;

        /** Lower-case name for provenance and command lines. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A survey depth or interval bottom deeper than the collar's total depth. */
    public enum DepthPolicy {
        /** Each such row is an error. */
        ERROR,
        /** Each such row is a warning; the row is kept as it is. */
        WARN;

        /** Lower-case name for provenance and command lines. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks the required options; a null mapping becomes {@link ColumnMapping#auto()} and a null or blank user
     * the OS user.
     */
    public DrillholeOptions {
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(dipConvention, "dipConvention");
        Objects.requireNonNull(targetCrs, "targetCrs");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(orphans, "orphans");
        Objects.requireNonNull(overlaps, "overlaps");
        Objects.requireNonNull(beyondTotalDepth, "beyondTotalDepth");
        if (encoding == null) {
            encoding = java.nio.charset.StandardCharsets.UTF_8;
        }
        if (mapping == null) {
            mapping = ColumnMapping.auto();
        }
        if (user == null || user.isBlank()) {
            String os = System.getProperty("user.name");
            user = os == null || os.isBlank() ? "unknown" : os;
        }
    }

    /** Defaults for a workspace CRS: metres, negative-down dips, auto-detected columns, strict policies. */
    public static DrillholeOptions defaults(Crs targetCrs) {
        return new DrillholeOptions(LengthUnit.METRE, DipConvention.NEGATIVE_DOWN, null, targetCrs, ColumnMapping.auto(),
                DesurveyMethod.MINIMUM_CURVATURE, null, OrphanPolicy.ERROR, OverlapPolicy.ERROR, DepthPolicy.ERROR, null,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A builder starting from {@link #defaults(Crs)}. */
    public static Builder builder(Crs targetCrs) {
        return new Builder(defaults(targetCrs));
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The CRS of the collar x,y in the file: {@link #sourceCrs()} or, when null, the target CRS. */
    public Crs effectiveSourceCrs() {
        return sourceCrs == null ? targetCrs : sourceCrs;
    }

    /** These options with another length unit. */
    public DrillholeOptions withUnits(LengthUnit v) {
        return toBuilder().units(v).build();
    }

    /** These options with another dip convention. */
    public DrillholeOptions withDipConvention(DipConvention v) {
        return toBuilder().dipConvention(v).build();
    }

    /** These options with another source CRS (null: same as target). */
    public DrillholeOptions withSourceCrs(Crs v) {
        return toBuilder().sourceCrs(v).build();
    }

    /** These options with another target CRS. */
    public DrillholeOptions withTargetCrs(Crs v) {
        return toBuilder().targetCrs(v).build();
    }

    /** These options with another column mapping (null: auto-detect). */
    public DrillholeOptions withMapping(ColumnMapping v) {
        return toBuilder().mapping(v).build();
    }

    /** These options with another desurvey method. */
    public DrillholeOptions withMethod(DesurveyMethod v) {
        return toBuilder().method(v).build();
    }

    /** These options with another valid time (null: ingest time). */
    public DrillholeOptions withValidFrom(Instant v) {
        return toBuilder().validFrom(v).build();
    }

    /** These options with another orphan policy. */
    public DrillholeOptions withOrphans(OrphanPolicy v) {
        return toBuilder().orphans(v).build();
    }

    /** These options with another overlap policy. */
    public DrillholeOptions withOverlaps(OverlapPolicy v) {
        return toBuilder().overlaps(v).build();
    }

    /** These options with another policy for depths beyond the total depth. */
    public DrillholeOptions withBeyondTotalDepth(DepthPolicy v) {
        return toBuilder().beyondTotalDepth(v).build();
    }

    /** These options with another user name (null: the OS user). */
    public DrillholeOptions withUser(String v) {
        return toBuilder().user(v).build();
    }

    /** Mutable builder of {@link DrillholeOptions}; not thread-safe. */
    public static final class Builder {
        private LengthUnit units;
        private DipConvention dipConvention;
        private Crs sourceCrs;
        private Crs targetCrs;
        private ColumnMapping mapping;
        private DesurveyMethod method;
        private Instant validFrom;
        private OrphanPolicy orphans;
        private OverlapPolicy overlaps;
        private DepthPolicy beyondTotalDepth;
        private String user;
        private java.nio.charset.Charset encoding;

        private Builder(DrillholeOptions o) {
            units = o.units;
            dipConvention = o.dipConvention;
            sourceCrs = o.sourceCrs;
            targetCrs = o.targetCrs;
            mapping = o.mapping;
            method = o.method;
            validFrom = o.validFrom;
            orphans = o.orphans;
            overlaps = o.overlaps;
            beyondTotalDepth = o.beyondTotalDepth;
            user = o.user;
            encoding = o.encoding;
        }

        /** Length unit of depths and collar elevation. */
        public Builder units(LengthUnit v) {
            units = v;
            return this;
        }

        /** Dip convention of the input. */
        public Builder dipConvention(DipConvention v) {
            dipConvention = v;
            return this;
        }

        /** CRS of the collar x,y in the file (null: the target CRS). */
        public Builder sourceCrs(Crs v) {
            sourceCrs = v;
            return this;
        }

        /** Workspace CRS. */
        public Builder targetCrs(Crs v) {
            targetCrs = v;
            return this;
        }

        /** Column mapping (null: auto-detect). */
        public Builder mapping(ColumnMapping v) {
            mapping = v;
            return this;
        }

        /** Desurvey method. */
        public Builder method(DesurveyMethod v) {
            method = v;
            return this;
        }

        /** Valid time of the batch (null: ingest time). */
        public Builder validFrom(Instant v) {
            validFrom = v;
            return this;
        }

        /** Orphan-row policy. */
        public Builder orphans(OrphanPolicy v) {
            orphans = v;
            return this;
        }

        /** Overlap policy. */
        public Builder overlaps(OverlapPolicy v) {
            overlaps = v;
            return this;
        }

        /** Policy for depths beyond the collar total depth. */
        public Builder beyondTotalDepth(DepthPolicy v) {
            beyondTotalDepth = v;
            return this;
        }

        /** User name (null: the OS user). */
        public Builder user(String v) {
            user = v;
            return this;
        }

        /** Character encoding of the files (null: UTF-8). */
        public Builder encoding(java.nio.charset.Charset v) {
            encoding = v;
            return this;
        }

        /** The options. */
        public DrillholeOptions build() {
            return new DrillholeOptions(units, dipConvention, sourceCrs, targetCrs, mapping, method, validFrom, orphans,
                    overlaps, beyondTotalDepth, user, encoding);
        }
    }
}
