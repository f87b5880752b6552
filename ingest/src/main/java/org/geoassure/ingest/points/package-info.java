/**
 * Point sets from delimited text: {@link org.geoassure.ingest.points.PointCsvReader} reads a CSV (comma, tab or
 * semicolon, detected from the header line; RFC 4180 quoting) with x, y, optional z and any attribute columns into
 * one {@link org.geoassure.geodb.model.FeatureKind#POINTS} feature per row, because attributes belong to features in
 * the data model (a MultiPoint could not carry per-point values).
 *
 * <ul>
 *   <li>columns: given ({@link org.geoassure.ingest.points.PointCsvOptions#withColumns}) or found by the usual names
 *       (x/easting/east/e/lon..., y/northing/north/n/lat..., z/elevation/elev/rl/height...), ignoring case;</li>
 *   <li>id: an id column (id, point_id, name, station...) whose values must be unique, else "line N"; the display
 *       name is a text column called name, else the id;</li>
 *   <li>attributes: every other column; an empty field is null, an integer without leading zeros a Long (so codes
 *       such as 007 stay text), another number a Double, anything else text;</li>
 *   <li>numbers: with semicolons as delimiter a decimal comma ({@code 12,5}) is a decimal point;</li>
 *   <li>z: NaN when there is no z column or the field is empty (never 0); the format states no CRS.</li>
 * </ul>
 *
 * <p>Streams the file; an empty or non-numeric coordinate, a repeated id, or a row with more fields than the header is
 * an {@link org.geoassure.geodb.InvalidContentException} naming the line.
 */
package org.geoassure.ingest.points;
