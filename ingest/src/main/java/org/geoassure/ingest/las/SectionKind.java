package org.geoassure.ingest.las;

/** What a {@code ~} section holds, from its title (first letter, or the LAS 3 suffix). */
public enum SectionKind {
    /** {@code ~V}: VERS, WRAP, DLM. */
    VERSION,
    /** {@code ~W}: well identification, STRT, STOP, STEP, NULL. */
    WELL,
    /** {@code ~C} (LAS 3: {@code ~Curve}): the curve definitions of {@code ~A}. */
    CURVE,
    /** {@code ~P} and LAS 3 {@code ~xxx_Parameter}. */
    PARAMETER,
    /** LAS 3 {@code ~xxx_Definition}: the columns of {@code ~xxx_Data}. */
    DEFINITION,
    /** {@code ~A} and LAS 3 {@code ~xxx_Data}: rows, read into a {@link LasTable}. */
    DATA,
    /** {@code ~O} and any section GeoAssure does not interpret: kept as text. */
    OTHER
}
