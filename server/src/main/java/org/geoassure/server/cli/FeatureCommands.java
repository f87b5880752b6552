package org.geoassure.server.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.FeatureStore.StoredFeature;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.progress.ProgressCsvReader;
import org.geoassure.server.cli.RowWriter.Col;
import org.geoassure.server.cli.RowWriter.Kind;
import org.locationtech.jts.geom.Geometry;

/** The feature parts of {@code ingest} and {@code query}: {@code ingest WS progress FILE}, {@code query WS features}. */
final class FeatureCommands {
    static final List<Col> COLUMNS = List.of(Col.text("layer"), Col.text("feature_id"), Col.text("name"),
            Col.text("kind"), Col.text("role"), new Col("geometry", Kind.GEOMETRY), new Col("vertices", Kind.LONG),
            new Col("triangles", Kind.LONG), Col.text("attributes"), new Col("valid_from", Kind.TIMESTAMP),
            new Col("valid_to", Kind.TIMESTAMP), new Col("recorded_at", Kind.TIMESTAMP));

    private FeatureCommands() {
    }

    /** The store's feature part, or exit 2 naming what the engine lacks. */
    static FeatureStore features(WorkspaceStore store) {
        if (store instanceof FeatureStore f) {
            return f;
        }
        throw new InvalidContentException("this workspace's engine does not store features yet (the embedded "
                + "GeoPackage engine does)");
    }

    /** {@code ingest WS progress FILE}: dated face lines, roadways, goaf and old workings (one transaction). */
    static int ingestProgress(IngestCommand c) {
        if (c.files.size() != 1) {
            throw new InvalidContentException("FILE: progress takes one CSV file");
        }
        String layer = c.layer == null ? "progress" : c.layer;
        String role = c.role == null ? "face" : c.role;
        try (WorkspaceStore store = c.ws.open()) {
            FeatureStore fs = features(store);
            ProgressCsvReader.Result read = ProgressCsvReader.read(c.files.get(0), role);
            Provenance p = new Provenance(List.of(read.source()), c.user != null ? c.user
                    : System.getProperty("user.name"), Map.of("default_role", role), List.of());
            IngestRecord rec = named(c.files.get(0), () -> fs.writeFeatures(layer, read.writes(), p));
            c.spec.commandLine().getOut().printf("ingest #%d recorded at %s: layer %s: %d new, %d changed, %d unchanged "
                    + "features from %d rows%n", rec.id(), rec.recordedAt(), layer, rec.holesNew(), rec.holesChanged(),
                    rec.holesUnchanged(), read.writes().size());
        }
        return 0;
    }

    /**
     * {@code ingest WS features FILE...}: GOCAD, Shapefile, GeoJSON, DXF, GeoPackage, ESRI ASCII grid or point CSV files
     * (by content) into layers, reprojected to the workspace CRS when the file (or {@code --crs}) names another. Every
     * file is read, checked and reprojected before anything is written; then one ingest per layer written. A GeoPackage
     * gives one layer per feature table, named after it ({@code --layer} then names the tables to read).
     */
    static int ingestFeatures(IngestCommand c) {
        if (c.files.isEmpty()) {
            throw new InvalidContentException("FILE: features needs at least one GOCAD, Shapefile, GeoJSON, DXF, "
                    + "GeoPackage, ESRI ASCII grid or point CSV file");
        }
        java.time.Instant valid = Times.parse("--valid-from", c.validFrom);
        org.geoassure.ingest.feature.FeatureOptions options = org.geoassure.ingest.feature.FeatureOptions.defaults();
        if (c.encoding != null) {
            options = options.withEncoding(java.nio.charset.Charset.forName(c.encoding));
        }
        try (WorkspaceStore store = c.ws.open()) {
            FeatureStore fs = features(store);
            org.geoassure.geodb.crs.Crs target = org.geoassure.geodb.crs.Crs.forCode(store.info().crs());
            List<Prepared> prepared = new ArrayList<>();
            for (java.nio.file.Path file : c.files) {
                if (!java.nio.file.Files.isRegularFile(file)) {
                    throw new InvalidContentException(file + ": no such file");
                }
                for (Source src : sources(c, file, options)) {
                    prepared.add(prepare(c, file, src.layer(), src.read(), target, valid));
                }
            }
            for (Prepared p : prepared) {
                IngestRecord rec = named(p.file(), () -> fs.writeFeatures(p.layer(), p.writes(), p.provenance()));
                List<String> warnings = p.provenance().warnings();
                for (String w : warnings.subList(0, Math.min(20, warnings.size()))) {
                    c.spec.commandLine().getErr().println("warning: " + w);
                }
                c.spec.commandLine().getErr().flush();
                c.spec.commandLine().getOut().printf("ingest #%d recorded at %s: %s -> layer %s: %d new, %d changed, "
                        + "%d unchanged features (%s, %s); %d warnings%n", rec.id(), rec.recordedAt(),
                        p.file().getFileName(), p.layer(), rec.holesNew(), rec.holesChanged(), rec.holesUnchanged(),
                        p.provenance().parameters().get("format"), p.provenance().parameters().get("source_crs"),
                        warnings.size());
            }
        }
        return 0;
    }

    /** One layer read from a file. */
    private record Source(String layer, org.geoassure.ingest.feature.FeatureFile read) {
    }

    /** A layer ready to write: its features, checked and reprojected, and their provenance. */
    private record Prepared(java.nio.file.Path file, String layer, List<FeatureStore.FeatureWrite> writes,
            Provenance provenance) {
    }

    /** The layers of a file: one per GeoPackage table, else one named by --layer or the file's base name. */
    private static List<Source> sources(IngestCommand c, java.nio.file.Path file,
            org.geoassure.ingest.feature.FeatureOptions options) {
        org.geoassure.ingest.feature.FeatureFormat format;
        try {
            format = org.geoassure.ingest.feature.FeatureReaders.detect(file);
        } catch (org.geoassure.geodb.UnsupportedFormatException e) {
            if (c.xyz == null) {
                throw e;
            }
            format = org.geoassure.ingest.feature.FeatureFormat.CSV_POINTS; // columns named by --xyz, not by the header
        }
        if (c.xyz != null && format != org.geoassure.ingest.feature.FeatureFormat.CSV_POINTS) {
            throw new InvalidContentException("--xyz: " + file + " is " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + ", not a point CSV");
        }
        if (format == org.geoassure.ingest.feature.FeatureFormat.GEOPACKAGE) {
            List<String> tables = c.layer == null ? List.of() : List.of(c.layer.split(","));
            return org.geoassure.ingest.geopackage.GeoPackageReader.read(file, tables.stream().map(String::strip)
                    .toList(), options).stream().map(l -> new Source(l.table(), l.file())).toList();
        }
        String layer = c.layer != null ? c.layer : baseName(file);
        if (format == org.geoassure.ingest.feature.FeatureFormat.CSV_POINTS) {
            var o = org.geoassure.ingest.points.PointCsvOptions.defaults();
            if (c.xyz != null) {
                String[] n = c.xyz.split(",");
                if (n.length < 2 || n.length > 3 || java.util.Arrays.stream(n).anyMatch(String::isBlank)) {
                    throw new InvalidContentException("--xyz: '" + c.xyz + "' needs X,Y or X,Y,Z column names");
                }
                o = o.withColumns(n[0].strip(), n[1].strip(), n.length == 3 ? n[2].strip() : null);
            }
            if (options.encoding().isPresent()) {
                o = o.withEncoding(options.encoding().get());
            }
            return List.of(new Source(layer, org.geoassure.ingest.points.PointCsvReader.read(file, o)));
        }
        return List.of(new Source(layer, org.geoassure.ingest.feature.FeatureReaders.read(file, options)));
    }

    private static Prepared prepare(IngestCommand c, java.nio.file.Path file, String layer,
            org.geoassure.ingest.feature.FeatureFile read, org.geoassure.geodb.crs.Crs target,
            java.time.Instant valid) {
        List<String> warnings = new ArrayList<>(read.warnings());
        org.geoassure.geodb.crs.Crs source = sourceCrs(c.crs, read, file, target, warnings);
        List<FeatureStore.FeatureWrite> writes = new ArrayList<>();
        for (Feature f : read.features()) {
            Feature g;
            try {
                g = source.equals(target) ? f : reproject(f, source, target);
            } catch (InvalidContentException e) {
                throw new InvalidContentException(file + ": feature '" + f.id() + "': " + e.getMessage());
            }
            if (g.geometry() instanceof org.locationtech.jts.geom.Polygonal) {
                // a self-intersecting outline has no inside: distances and containment would be wrong (issue 12)
                var invalid = new org.locationtech.jts.operation.valid.IsValidOp(g.geometry()).getValidationError();
                if (invalid != null) {
                    throw new InvalidContentException(file + ": feature '" + g.id() + "': " + invalid.getMessage()
                            .toLowerCase(java.util.Locale.ROOT) + " at " + invalid.getCoordinate());
                }
            }
            if (c.role != null && g.role().isEmpty()) {
                g = new Feature(g.id(), g.name(), g.kind(), c.role, g.geometry(), g.mesh(), g.attributes());
            }
            if (c.idProperty != null) {
                Object id = g.attributes().get(c.idProperty);
                if (id == null || id.toString().isBlank()) {
                    throw new InvalidContentException(file + ": feature '" + g.id() + "': --id-property "
                            + c.idProperty + " is missing or empty");
                }
                g = new Feature(id.toString(), g.name().equals(g.id()) ? id.toString() : g.name(), g.kind(),
                        g.role(), g.geometry(), g.mesh(), g.attributes());
            }
            java.time.Instant when = valid;
            if (c.dateProperty != null) {
                Object d = g.attributes().get(c.dateProperty);
                if (!(d instanceof String text)) {
                    throw new InvalidContentException(file + ": feature '" + g.id() + "': --date-property "
                            + c.dateProperty + " is " + (d == null ? "missing or null" : "not text: " + d));
                }
                when = Times.parse(file + ": feature '" + g.id() + "': " + c.dateProperty, text);
            }
            writes.add(new FeatureStore.FeatureWrite(g, when));
        }
        if (c.dateProperty != null) {
            // the versions of one feature in date order (the advance records of a face)
            writes.sort(java.util.Comparator.comparing((FeatureStore.FeatureWrite w) -> w.feature().id())
                    .thenComparing(FeatureStore.FeatureWrite::validFrom));
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("format", read.format().name().toLowerCase(java.util.Locale.ROOT));
        params.put("source_crs", source.code());
        if (c.role != null) {
            params.put("default_role", c.role);
        }
        Provenance p = new Provenance(read.sources(), c.user != null ? c.user : System.getProperty("user.name"),
                params, warnings);
        return new Prepared(file, layer, writes, p);
    }

    /** Runs a step on the features of {@code file}, naming the file in a refusal that does not (issue 12). */
    private static <T> T named(java.nio.file.Path file, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidContentException e) {
            if (e.getMessage() != null && e.getMessage().contains(file.getFileName().toString())) {
                throw e;
            }
            throw new InvalidContentException(file + ": " + e.getMessage());
        }
    }

    private static String baseName(java.nio.file.Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /**
     * The CRS of a file's coordinates: {@code --crs} when given, else the one the file states (by EPSG code), else the
     * workspace's (with a warning). A stated CRS without a known EPSG code needs {@code --crs}.
     */
    private static org.geoassure.geodb.crs.Crs sourceCrs(String option, org.geoassure.ingest.feature.FeatureFile read,
            java.nio.file.Path file, org.geoassure.geodb.crs.Crs target, List<String> warnings) {
        if (option != null) {
            return org.geoassure.geodb.crs.Crs.forCode(option);
        }
        var stated = read.statedCrs();
        if (stated.isEmpty()) {
            warnings.add(file.getFileName() + ": the file states no CRS; its coordinates are taken to be in the "
                    + "workspace's " + target.code() + " (give --crs otherwise)");
            return target;
        }
        if (stated.get().epsg() == 0) {
            throw new InvalidContentException(file + ": the file's CRS (" + stated.get().label() + ") has no EPSG "
                    + "code GeoAssure knows; give --crs EPSG:nnnn");
        }
        return org.geoassure.geodb.crs.Crs.forCode("EPSG:" + stated.get().epsg());
    }

    /** A feature with its x, y transformed (z unchanged: heights are not reprojected). */
    static Feature reproject(Feature f, org.geoassure.geodb.crs.Crs from, org.geoassure.geodb.crs.Crs to) {
        if (f.mesh() != null) {
            Mesh m = f.mesh();
            double[] xyz = m.xyz();
            int n = m.vertexCount();
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                xy[2 * i] = xyz[3 * i];
                xy[2 * i + 1] = xyz[3 * i + 1];
            }
            from.transformTo(to, xy, n);
            for (int i = 0; i < n; i++) {
                xyz[3 * i] = xy[2 * i];
                xyz[3 * i + 1] = xy[2 * i + 1];
            }
            return Feature.ofMesh(f.id(), f.name(), f.kind(), f.role(), new Mesh(xyz, m.triangles(),
                    m.vertexProperties()), f.attributes());
        }
        Geometry g = f.geometry();
        g.apply(new org.locationtech.jts.geom.CoordinateSequenceFilter() {
            @Override
            public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
                double[] xy = {seq.getX(i), seq.getY(i)};
                from.transformTo(to, xy, 1);
                seq.setOrdinate(i, 0, xy[0]);
                seq.setOrdinate(i, 1, xy[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return new Feature(f.id(), f.name(), f.kind(), f.role(), g, null, f.attributes());
    }

    /** {@code query WS features [--layer L] [--role R] [--box|--near|--line --within] [--as-of T]}. */
    static int query(QueryCommand q, Selection s, SpatialFilter spatial) {
        if (!q.where.isEmpty() || !q.holes.isEmpty() || q.table != null) {
            throw new InvalidContentException("features: select with --layer, --role, --box, --near/--line --within and "
                    + "the time options (not --where, --hole, --table)");
        }
        try (WorkspaceStore store = q.ws.open()) {
            FeatureStore fs = features(store);
            Set<String> layers = Set.copyOf(q.layers);
            Set<String> roles = Set.copyOf(q.roles);
            q.read.output(q.spec.commandLine().getOut(), w -> {
                try (Stream<StoredFeature> rows = fs.features(layers, roles, spatial, s.time())) {
                    if (q.read.format.equals("geojson")) {
                        geoJson(rows, w.text());
                    } else {
                        try (RowWriter out = RowWriter.create(q.read.format, w, COLUMNS)) {
                            rows.forEach(f -> out.row(row(f)));
                        }
                    }
                }
            });
        }
        return 0;
    }

    private static List<Object> row(StoredFeature sf) {
        Feature f = sf.feature();
        Mesh m = f.mesh();
        List<Object> v = new ArrayList<>(COLUMNS.size());
        v.add(sf.layer());
        v.add(f.id());
        v.add(f.name());
        v.add(f.kind().name().toLowerCase(java.util.Locale.ROOT));
        v.add(f.role());
        v.add(f.geometry());
        v.add(m == null ? null : (long) m.vertexCount());
        v.add(m == null ? null : (long) m.triangleCount());
        v.add(attributesJson(f.attributes()));
        v.add(sf.valid().from());
        v.add(sf.valid().to());
        v.add(sf.recorded().from());
        return v;
    }

    static String attributesJson(Map<String, Object> attributes) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.writeStartObject();
            for (var e : attributes.entrySet()) {
                g.writeFieldName(e.getKey());
                org.geoassure.ingest.geojson.GeoJsonWriter.value(g, e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /**
     * An RFC 7946 FeatureCollection in the workspace CRS (no reprojection to WGS 84: coordinates stay metres; the
     * collection says so in a {@code crs}-free note). Surfaces and solids are written as MultiPolygons of their
     * triangles; the feature's id, layer, kind, role, name, valid period and attributes are properties.
     */
    static void geoJson(Stream<StoredFeature> rows, java.io.Writer out) {
        try {
            JsonGenerator g = new JsonFactory().createGenerator(out);
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            rows.forEach(sf -> {
                try {
                    feature(g, sf);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void feature(JsonGenerator g, StoredFeature sf) throws IOException {
        Feature f = sf.feature();
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", sf.layer() + "/" + f.id());
        g.writeFieldName("geometry");
        org.geoassure.ingest.geojson.GeoJsonWriter.geometry(g, f);
        g.writeObjectFieldStart("properties");
        g.writeStringField("layer", sf.layer());
        g.writeStringField("feature_id", f.id());
        g.writeStringField("name", f.name());
        g.writeStringField("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("role", f.role());
        g.writeStringField("valid_from", sf.valid().from().toString());
        if (sf.valid().to() == null) {
            g.writeNullField("valid_to");
        } else {
            g.writeStringField("valid_to", sf.valid().to().toString());
        }
        for (var e : f.attributes().entrySet()) {
            g.writeFieldName(e.getKey());
            org.geoassure.ingest.geojson.GeoJsonWriter.value(g, e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
