/**
 * The JSON form of the typed query API: {@link org.geoassure.server.query.JsonQuery} reads a query document into a
 * target and a {@link org.geoassure.geodb.query.Selection}, with the same rules as the options of
 * {@code geoassure query}, and writes it back in a canonical form.
 *
 * <pre>{@code
 * {
 *   "from": "intervals",
 *   "table": "lithology",
 *   "near": {"point": [494930.3, 6803192.0, 256.3], "within": 150},
 *   "where": ["CET_Litho = 'granite'", {"column": "CU", "op": ">=", "value": 0.5}],
 *   "holes": ["1146526"],
 *   "asOf": "2025-06-01",
 *   "recordedAsOf": "2025-06-01T08:00:00Z"
 * }
 * }</pre>
 *
 * <h2>Fields</h2>
 * <ul>
 *   <li>{@code from} (required): {@code boreholes}, {@code stations} or {@code intervals}.</li>
 *   <li>{@code table}: the interval table; required with {@code intervals}, refused otherwise.</li>
 *   <li>At most one spatial condition (3D, workspace CRS, metres):
 *     {@code "near": {"point": [x, y, z], "within": d}} (distance to a point),
 *     {@code "line": {"points": [[x, y, z], [x, y, z], ...], "within": d}} (distance to a polyline of at least two
 *     points), or {@code "box": {"min": [x, y, z], "max": [x, y, z]}} (min &lt;= max on every axis).</li>
 *   <li>{@code where}: conditions that must all hold (interval tables). Each is a string in the syntax of
 *     {@code --where} ({@code "CU >= 0.5"}, {@code "CET_Litho in ('vein', 'granite')"},
 *     {@code "CU is not null"}) or an object: {@code {"column": "CU", "op": ">=", "value": 0.5}},
 *     {@code {"column": "CET_Litho", "op": "in", "values": ["vein", "granite"]}},
 *     {@code {"column": "CU", "op": "is null"}}. Operators: {@code = <> != < <= > >= in}, {@code is null},
 *     {@code is not null} (any case). A value is a string or a number; a number is passed on as written, and its type
 *     comes from the column, as on the command line.</li>
 *   <li>{@code holes}: hole ids (non-empty strings; leave the field out for all holes).</li>
 *   <li>{@code asOf} (valid time) and {@code recordedAsOf} (record time): a date {@code "2025-06-01"} (00:00 UTC)
 *     or a UTC instant {@code "2025-06-01T08:00:00Z"}. Absent means now.</li>
 * </ul>
 *
 * <h2>Strictness</h2>
 * Numbers must be JSON numbers (not strings) and finite; distances are &gt;= 0; a point is exactly three numbers.
 * Unknown fields, duplicate keys, a second spatial condition and values of the wrong JSON type are errors, never
 * ignored: a misspelt {@code "whithin"} must not silently widen a safety query. Every error is an
 * {@link org.geoassure.geodb.InvalidContentException} that says where, as {@code source:line: path: reason}, the path
 * in JSONPath form:
 * <pre>
 * query.json:3: $.near.within: must be a number &gt;= 0, got -5
 * request body:5: $.where[1].op: "=&gt;" is not one of =, &lt;&gt;, !=, &lt;, &lt;=, &gt;, &gt;=, in, is null, is not null
 * </pre>
 * Malformed JSON gives the line and column where the parser stopped.
 *
 * <h2>Canonical form</h2>
 * {@link org.geoassure.server.query.JsonQuery#toJson()} writes one line: the fields in the order above, conditions as
 * objects, hole ids sorted, times as UTC instants. Reading it back gives the same query.
 */
package org.geoassure.server.query;
