/**
 * The SQL front end of the query engine (Apache Calcite): see {@link org.geoassure.geodb.query.sql.SqlQueries}.
 * Implementation classes (schema, tables, spatial functions) are in {@code internal}.
 */
package org.geoassure.geodb.query.sql;
