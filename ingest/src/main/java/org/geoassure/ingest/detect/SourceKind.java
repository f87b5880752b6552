package org.geoassure.ingest.detect;

/**
 * What {@link SourceDetector} recognises a file as: the {@code geoassure ingest} kind that reads it, or a kind that
 * needs options only the user can give (then {@link #ingestKind()} is null and {@link Detection#refusal()} says what
 * to run instead).
 */
public enum SourceKind {
    /** Vector and surface files ({@link org.geoassure.ingest.feature.FeatureFormat}): {@code ingest features}. */
    FEATURES("features"),
    /** LAS well logs: {@code ingest las}. */
    LAS("las"),
    /** Monitoring station list (id, name, kind, x, y, z, unit, watches): {@code ingest stations}. */
    STATIONS("stations"),
    /** Time series of readings (CSV, USGS RDB, WaterML 2.0, WaterML-JSON): {@code ingest readings}. */
    READINGS("readings"),
    /** Dated mining progress (id, date, geometry WKT): {@code ingest progress}. */
    PROGRESS("progress"),
    /** A GOCAD Voxet header (.vo): {@code ingest voxet}. */
    VOXET("voxet"),
    /** A SEG-Y file: {@code ingest segy} (it needs {@code --name}; pre-stack files are refused there). */
    SEGY("segy"),
    /** An Open Mining Format file, version 1 or 2: {@code ingest omf}. */
    OMF("omf"),
    /** A drillhole collar, survey or interval table: needs {@code ingest drillholes --collar ...}. */
    DRILLHOLE_TABLE(null),
    /** A block-model CSV: needs {@code ingest blockmodel --name --xyz|--ijk --size}. */
    BLOCK_MODEL_CSV(null);

    private final String ingestKind;

    SourceKind(String ingestKind) {
        this.ingestKind = ingestKind;
    }

    /** The {@code ingest} KIND that reads it without further options, or null. */
    public String ingestKind() {
        return ingestKind;
    }
}
