package org.geoassure.ingest.drillhole;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.ingest.Progress;
import org.geoassure.ingest.drillhole.internal.DrillholeRead;

/**
 * Reads drillhole tables (a collar file, an optional survey file and any number of from-to interval files) into
 * a validated {@link org.geoassure.geodb.model.DrillholeBatch}.
 *
 * <h2>Files</h2>
 * Delimited text, UTF-8 with or without a byte-order mark, with a header line. The delimiter (comma, tab or
 * semicolon) is detected from the header line; fields may be quoted as in RFC 4180; CRLF, LF and CR line endings
 * are accepted; blank lines are skipped. Columns with an empty header and only empty values (an index column, a
 * trailing delimiter) are ignored. A row with more or fewer fields than the header (empty trailing fields aside)
 * is an error. Null values are empty, {@code NA}, {@code N/A} and {@code NULL} (case ignored). Files are
 * streamed; progress is reported as bytes read over the total size of all files.
 *
 * <h2>Columns</h2>
 * Found by header name, ignoring case, spaces, underscores, hyphens and a unit suffix such as {@code (m)}:
 * <ul>
 * <li>hole id: HOLEID, HOLE, BHID, DHID, HOLENAME, BOREHOLE, BOREHOLEID, WELL, WELLID (every file);
 * <li>collar: x (X, EAST, EASTING, XCOLLAR, COLLARX, EASTINGS), y (Y, NORTH, NORTHING, YCOLLAR, COLLARY),
 *     z (Z, RL, ELEV, ELEVATION, ZCOLLAR, COLLARZ, COLLARRL), optional total depth (LENGTH, TD, TOTALDEPTH,
 *     MAXDEPTH, EOH, DEPTH), azimuth, dip and date (DATE, DRILLDATE, ENDDATE, COMPLETIONDATE, DATECOMPLETED,
 *     STARTDATE: the hole's valid-from, {@code yyyy-MM-dd} at 00:00 UTC or an ISO instant);
 * <li>survey: depth (DEPTH, AT, MD, DISTANCE, SURVEYDEPTH), azimuth (AZIMUTH, AZI, AZ, BRG, BEARING), dip (DIP,
 *     INCL, INCLINATION, INC);
 * <li>intervals: from (FROM, DEPTHFROM, FROMM, MFROM, FROMDEPTH, SAMPFROM), to (TO, DEPTHTO, TOM, MTO, TODEPTH,
 *     SAMPTO); every other column is an attribute, NUMBER when all its values are numbers, else TEXT, its name
 *     made into an identifier (other characters become '_', a leading digit gets a '_' prefix).
 * </ul>
 * When several headers match a role, the first listed name wins and a warning says so; a
 * {@link ColumnMapping} names columns explicitly.
 *
 * <h2>Rules</h2>
 * Errors (all collected, thrown together as {@link DrillholeValidationException}, each {@code file:line: reason}):
 * missing or non-numeric collar coordinates; duplicate hole ids in the collar file; survey or interval rows of
 * holes not in the collar file (unless skipped by {@link DrillholeOptions.OrphanPolicy#SKIP}); depths beyond the
 * collar total depth (unless {@link DrillholeOptions.DepthPolicy#WARN}); azimuths outside [0, 360]; dips outside the
 * convention's range; non-numeric or negative depths; {@code from >= to}; overlapping or duplicate intervals
 * (unless {@link DrillholeOptions.OverlapPolicy#WARN}); duplicate survey depths in a hole; unusable attribute
 * names. Warnings: holes without survey stations, survey stations deeper than twice the hole's known depth (a
 * sentinel such as {@code AT = 90000}), ambiguous headers, skipped orphans, and rule breaks that a policy lets
 * through.
 *
 * <h2>Output</h2>
 * Lengths in metres, dips negative down, azimuth 360 as 0, collar x,y reprojected to the target CRS, stations and
 * intervals sorted by depth, holes in collar-file order, every given interval table present for every hole (an
 * empty list when the hole has no rows there). The provenance lists each file with its SHA-256 and row count,
 * the user, the options and detected columns as text, and the warnings (at most 1000).
 */
public final class DrillholeReader {
    private DrillholeReader() {
    }

    /**
     * Reads drillhole files.
     *
     * @param collar collar file
     * @param survey survey file, or null when there is none (holes then use their collar orientation, or vertical)
     * @param intervals interval files by table name, in the order to read them (a {@link LinkedHashMap})
     * @param options units, conventions, CRS, mapping, policies
     * @param progress progress listener, or null
     * @return the batch and the warnings
     * @throws DrillholeValidationException listing every rule broken, each {@code file:line: reason}
     * @throws InvalidContentException if a file does not exist or a table name is not a valid identifier
     * @throws StorageException if a file cannot be read
     */
    public static ReadResult read(Path collar, Path survey, Map<String, Path> intervals, DrillholeOptions options,
            Progress progress) {
        Objects.requireNonNull(collar, "collar");
        Objects.requireNonNull(options, "options");
        Map<String, Path> tables = intervals == null ? Map.of() : new LinkedHashMap<>(intervals);
        tables.forEach((k, v) -> {
            Objects.requireNonNull(k, "interval table name");
            Objects.requireNonNull(v, "interval file of " + k);
        });
        return new DrillholeRead(options, progress).run(collar, survey, tables);
    }

    /** {@link #read(Path, Path, Map, DrillholeOptions, Progress)} without progress reports. */
    public static ReadResult read(Path collar, Path survey, Map<String, Path> intervals, DrillholeOptions options) {
        return read(collar, survey, intervals, options, Progress.NONE);
    }
}
