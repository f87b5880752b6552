package org.geoassure.geodb.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * A surveyed or modelled object that is not a borehole or a grid: a point set, a line set (roadway, fault trace,
 * face line), polygons (goaf outline), a surface (TIN: horizon, fault, topography) or a solid (closed mesh). This is
 * what the vector and surface readers (GOCAD, DXF, Shapefile, GeoJSON) produce.
 *
 * <p>Points, lines and polygons carry a JTS geometry in the workspace CRS, with z where the source has it (NaN
 * where it has none); surfaces and solids carry a {@link Mesh}. Exactly one of the two is set, as the kind says.
 *
 * @param id stable id within its source (e.g. the GOCAD name, the DXF handle, the Shapefile record number)
 * @param name display name (may equal the id)
 * @param kind what it is
 * @param role what it means to the mine, free text with these usual values: {@code fault}, {@code horizon},
 *     {@code topography}, {@code roadway}, {@code face}, {@code goaf}, {@code old_workings}, {@code collapse_column},
 *     {@code aquifer_top}, {@code aquifer_bottom}, {@code boundary}; empty when unknown
 * @param geometry the JTS geometry for {@link FeatureKind#POINTS}, {@link FeatureKind#LINES} and
 *     {@link FeatureKind#POLYGONS}; null otherwise
 * @param mesh the mesh for {@link FeatureKind#SURFACE} and {@link FeatureKind#SOLID}; null otherwise
 * @param attributes attribute values by name, in source order: String, Long, Double, Boolean or null
 */
public record Feature(String id, String name, FeatureKind kind, String role, Geometry geometry, Mesh mesh,
        Map<String, Object> attributes) {
    public Feature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        boolean meshKind = kind == FeatureKind.SURFACE || kind == FeatureKind.SOLID;
        if (meshKind && (mesh == null || geometry != null)) {
            throw new IllegalArgumentException("feature " + id + ": a " + kind + " has a mesh and no geometry");
        }
        if (!meshKind) {
            if (geometry == null || mesh != null) {
                throw new IllegalArgumentException("feature " + id + ": " + kind + " has a geometry and no mesh");
            }
            boolean fits = switch (kind) {
                case POINTS -> geometry instanceof Puntal;
                case LINES -> geometry instanceof Lineal;
                case POLYGONS -> geometry instanceof Polygonal;
                default -> false;
            };
            if (!fits) {
                throw new IllegalArgumentException("feature " + id + ": a " + geometry.getGeometryType()
                        + " is not " + kind);
            }
            geometry = geometry.copy();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : (attributes == null ? Map.<String, Object>of() : attributes).entrySet()) {
            Object v = e.getValue();
            if (v != null && !(v instanceof String || v instanceof Long || v instanceof Double
                    || v instanceof Boolean)) {
                throw new IllegalArgumentException("feature " + id + ": attribute " + e.getKey() + " is a "
                        + v.getClass().getSimpleName() + " (String, Long, Double or Boolean expected)");
            }
            copy.put(e.getKey(), v);
        }
        attributes = Collections.unmodifiableMap(copy);
    }

    /** A point, line or polygon feature. */
    public static Feature of(String id, String name, String role, Geometry geometry, Map<String, Object> attributes) {
        FeatureKind kind = geometry instanceof Puntal ? FeatureKind.POINTS
                : geometry instanceof Lineal ? FeatureKind.LINES
                : geometry instanceof Polygonal ? FeatureKind.POLYGONS : null;
        if (kind == null) {
            throw new IllegalArgumentException("feature " + id + ": a " + geometry.getGeometryType()
                    + " is neither points, lines nor polygons");
        }
        return new Feature(id, name, kind, role, geometry, null, attributes);
    }

    /** A surface or solid feature. */
    public static Feature ofMesh(String id, String name, FeatureKind kind, String role, Mesh mesh,
            Map<String, Object> attributes) {
        return new Feature(id, name, kind, role, null, mesh, attributes);
    }

    /** The geometry, copied (JTS geometries are mutable); null for a surface or solid. */
    @Override
    public Geometry geometry() {
        return geometry == null ? null : geometry.copy();
    }
}
