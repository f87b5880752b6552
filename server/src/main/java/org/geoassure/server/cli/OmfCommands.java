package org.geoassure.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.store.BlockModelStore;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.omf.OmfFile;
import org.geoassure.ingest.omf.OmfOptions;
import org.geoassure.ingest.omf.OmfReader;

/**
 * {@code ingest WS omf FILE [--layer L] [--crs EPSG:n] [--role R] [--skip-unsupported]}: an OMF 1 or 2 file's points,
 * lines and surfaces into one feature layer (one ingest), then each block model as the next version of its name (one
 * ingest each). The whole file is read and checked before the first write, so bad content writes nothing.
 */
final class OmfCommands {
    private OmfCommands() {
    }

    static int ingest(IngestCommand c) {
        if (c.files.size() != 1) {
            throw new InvalidContentException("FILE: omf takes one OMF file, got " + c.files.size());
        }
        Path file = c.files.get(0);
        if (!Files.isRegularFile(file)) {
            throw new InvalidContentException(file + ": no such file");
        }
        java.time.Instant valid = Times.parse("--valid-from", c.validFrom);
        String user = c.user != null ? c.user : System.getProperty("user.name");
        try (WorkspaceStore store = c.ws.open()) {
            Crs target = Crs.forCode(store.info().crs());
            OmfFile read = OmfReader.read(file, OmfOptions.defaults().withSkipUnsupported(c.skipUnsupported));
            List<String> warnings = new ArrayList<>(read.warnings());
            Crs source = target;
            if (c.crs != null) {
                source = Crs.forCode(c.crs);
            } else {
                warnings.add(file.getFileName() + ": OMF states no CRS; its coordinates are taken to be in the "
                        + "workspace's " + target.code() + " (give --crs otherwise)");
            }
            if (!source.equals(target) && !read.blockModels().isEmpty()) {
                throw new InvalidContentException(file + ": --crs " + c.crs + ": the file has block models, which are "
                        + "not reprojected (a rotated grid does not stay regular); convert them to the workspace's "
                        + target.code() + " first");
            }
            FeatureStore fs = read.features().isEmpty() ? null : FeatureCommands.features(store);
            BlockModelStore bs = read.blockModels().isEmpty() ? null : BlockRows.blocks(store);
            List<FeatureStore.FeatureWrite> writes = new ArrayList<>();
            for (Feature f : read.features()) {
                Feature g = source.equals(target) ? f : FeatureCommands.reproject(f, source, target);
                if (c.role != null && g.role().isEmpty()) {
                    g = new Feature(g.id(), g.name(), g.kind(), c.role, g.geometry(), g.mesh(), g.attributes());
                }
                writes.add(new FeatureStore.FeatureWrite(g, valid));
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("format", "omf" + read.version());
            params.put("source_crs", source.code());
            if (!read.project().isEmpty()) {
                params.put("omf_project", read.project());
            }
            if (!read.date().isEmpty()) {
                params.put("omf_date", read.date());
            }
            if (c.role != null) {
                params.put("default_role", c.role);
            }
            if (c.skipUnsupported) {
                params.put("skip_unsupported", "true");
            }
            for (String w : warnings.subList(0, Math.min(20, warnings.size()))) {
                c.spec.commandLine().getErr().println("warning: " + w);
            }
            if (warnings.size() > 20) {
                c.spec.commandLine().getErr().println("warning: ... and " + (warnings.size() - 20)
                        + " more (all are kept in the ingest's provenance)");
            }
            c.spec.commandLine().getErr().flush();
            Provenance p = new Provenance(List.of(read.source()), user, params, warnings);
            String layer = c.layer != null ? c.layer : baseName(file);
            if (fs != null) {
                IngestRecord rec = fs.writeFeatures(layer, writes, p);
                c.spec.commandLine().getOut().printf("ingest #%d recorded at %s: %s -> layer %s: %d new, %d changed, "
                        + "%d unchanged features (OMF %d, %s); %d warnings%n", rec.id(), rec.recordedAt(),
                        file.getFileName(), layer, rec.holesNew(), rec.holesChanged(), rec.holesUnchanged(),
                        read.version(), source.code(), warnings.size());
            }
            for (BlockData d : read.blockModels()) {
                BlockModelStore.Version v = bs.writeBlockModel(d, "from " + file.getFileName(), p);
                BlockModel m = v.model();
                c.spec.commandLine().getOut().printf("ingest #%d recorded at %s: block model %s version %d: %d x %d x "
                        + "%d cells of %s x %s x %s m, %d stored in %d bricks; %d attributes%n", v.ingestId(),
                        v.recordedAt(), m.name(), v.version(), m.nx(), m.ny(), m.nz(), RowWriter.number(m.dx()),
                        RowWriter.number(m.dy()), RowWriter.number(m.dz()), v.cells(), v.bricks(),
                        m.attributes().size());
            }
            if (fs == null && bs == null) {
                c.spec.commandLine().getOut().printf("%s: nothing to store (%d elements, none kept)%n",
                        file.getFileName(), read.elements().size());
            }
        }
        return 0;
    }

    /**
     * {@code export WS features [--layer L]... --format omf [--out F] [--as-of T] [--recorded-as-of T]}: the features
     * valid in the time slice as one OMF 2 project (one layer: element names are the feature ids; several: layer/id).
     */
    static int export(ExportCommand c) {
        if (!c.read.format.equals("omf")) {
            throw new InvalidContentException("--format: export features writes omf (OMF 2); for csv, json or geojson "
                    + "use query WS features");
        }
        org.geoassure.geodb.query.Selection s = org.geoassure.geodb.query.Selection.all();
        if (c.read.asOf != null) {
            s = s.asOf(Times.parse("--as-of", c.read.asOf));
        }
        if (c.read.recordedAsOf != null) {
            s = s.recordedAsOf(Times.parse("--recorded-as-of", c.read.recordedAsOf));
        }
        try (WorkspaceStore store = c.ws.open()) {
            FeatureStore fs = FeatureCommands.features(store);
            for (String l : c.layers) {
                if (!fs.featureLayers().contains(l)) {
                    throw new InvalidContentException("--layer: no layer '" + l + "' (layers: " + fs.featureLayers()
                            + ")");
                }
            }
            List<FeatureStore.StoredFeature> rows;
            try (java.util.stream.Stream<FeatureStore.StoredFeature> st = fs.features(java.util.Set.copyOf(c.layers),
                    java.util.Set.of(), null, s.time())) {
                rows = st.toList();
            }
            if (rows.isEmpty()) {
                throw new InvalidContentException("--layer: no feature is valid at the time asked"
                        + (c.layers.isEmpty() ? "" : " in layers " + c.layers));
            }
            boolean oneLayer = rows.stream().map(FeatureStore.StoredFeature::layer).distinct().count() == 1;
            List<Feature> features = new ArrayList<>();
            for (FeatureStore.StoredFeature r : rows) {
                Feature f = r.feature();
                features.add(oneLayer ? f : new Feature(r.layer() + "/" + f.id(), f.name(), f.kind(), f.role(),
                        f.geometry(), f.mesh(), f.attributes()));
            }
            String project = oneLayer ? rows.get(0).layer() : String.join(", ", rows.stream()
                    .map(FeatureStore.StoredFeature::layer).distinct().toList());
            String description = "GeoAssure features of " + project + " in " + store.info().crs() + ", valid at "
                    + (s.time().validAt() == null ? "now" : s.time().validAt().toString());
            org.geoassure.ingest.omf.OmfWriter.Result[] result = new org.geoassure.ingest.omf.OmfWriter.Result[1];
            c.read.output(c.spec.commandLine().getOut(), o -> {
                try {
                    result[0] = org.geoassure.ingest.omf.OmfWriter.write(features, project, description, o.bytes());
                    o.bytes().flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            for (String w : result[0].warnings()) {
                c.spec.commandLine().getErr().println("warning: " + w);
            }
            c.spec.commandLine().getErr().println("wrote " + result[0].elements() + " OMF elements of " + rows.size()
                    + " features");
            c.spec.commandLine().getErr().flush();
        }
        return 0;
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
