package org.geoassure.samples.mine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.store.BlockModelStore;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.drillhole.DrillholeOptions;
import org.geoassure.ingest.drillhole.DrillholeReader;
import org.geoassure.ingest.drillhole.ReadResult;
import org.geoassure.ingest.progress.ProgressCsvReader;

/**
 * Loads the files of {@link DemoMine} into a workspace (in {@link DemoMine#CRS}) through the same readers the
 * command line uses: drillholes, mining progress, fault traces and the resistivity block model.
 */
public final class DemoMineLoader {
    /** Layer of the faces, roadways, goaf and old workings. */
    public static final String PROGRESS = "progress";
    /** Layer of the fault traces. */
    public static final String STRUCTURES = "structures";
    /** Layer of the ground surface. */
    public static final String SURFACES = "topography";
    /** Name of the resistivity block model. */
    public static final String RESISTIVITY = "resistivity";

    private DemoMineLoader() {
    }

    /** What each load wrote. */
    public record Loaded(IngestRecord drillholes, IngestRecord progress, IngestRecord structures,
            BlockModelStore.Version resistivity, IngestRecord stations, IngestRecord readings, IngestRecord logs) {
    }

    /** Ingests everything; the store must be embedded (features and block models). */
    public static Loaded load(WorkspaceStore store, DemoMine.Files files, String user) {
        Map<String, java.nio.file.Path> intervals = new LinkedHashMap<>();
        intervals.put("lithology", files.lithology());
        intervals.put("coal_quality", files.coalQuality());
        ReadResult read = DrillholeReader.read(files.collar(), files.survey(), intervals,
                DrillholeOptions.builder(Crs.forCode(store.info().crs())).user(user).build());
        IngestRecord holes = store.ingest(read.batch());
        FeatureStore features = (FeatureStore) store;
        ProgressCsvReader.Result progress = ProgressCsvReader.read(files.progress(), "face");
        IngestRecord p = features.writeFeatures(PROGRESS, progress.writes(),
                new Provenance(List.of(progress.source()), user, Map.of(), List.of()));
        IngestRecord f = writeFile(features, STRUCTURES, files.faults(), "fault", user);
        writeFile(features, SURFACES, files.topography(), "topography", user);
        org.geoassure.ingest.blockmodel.VolumeRead vol = org.geoassure.ingest.voxet.VoxetReader.read(
                files.resistivity(), RESISTIVITY);
        BlockModelStore.Version v = ((BlockModelStore) store).writeBlockModel(vol.data(),
                "synthetic resistivity (ohm.m) of the demo mine", new Provenance(vol.sources(), user, vol.parameters(),
                        vol.warnings()));
        org.geoassure.geodb.store.SeriesStore series = (org.geoassure.geodb.store.SeriesStore) store;
        org.geoassure.ingest.series.StationCsvReader.Result st = org.geoassure.ingest.series.StationCsvReader.read(
                files.piezometers());
        IngestRecord stations = series.ingestStations(st.stations(), new Provenance(List.of(st.source()), user,
                Map.of(), List.of()));
        List<org.geoassure.geodb.series.Readings> batches = new java.util.ArrayList<>();
        List<org.geoassure.geodb.model.SourceFile> sources = new java.util.ArrayList<>();
        for (java.nio.file.Path r : files.readings()) {
            String id = r.getFileName().toString().replace(".csv", "");
            org.geoassure.ingest.series.SeriesReadResult read2 = org.geoassure.ingest.series.SeriesReader.read(r,
                    org.geoassure.ingest.series.SeriesFormat.CSV,
                    org.geoassure.ingest.series.SeriesOptions.defaults().withStation(id));
            read2.series().forEach(x -> batches.add(x.readings()));
            sources.add(read2.source());
        }
        IngestRecord readings = series.ingestReadings(batches, new Provenance(sources, user, Map.of(), List.of()));
        // LAS logs, each attached to its hole by the ~Well UWI
        List<org.geoassure.geodb.model.LogData> logs = new java.util.ArrayList<>();
        List<org.geoassure.geodb.model.SourceFile> lasSources = new java.util.ArrayList<>();
        for (java.nio.file.Path l : files.logs()) {
            org.geoassure.ingest.las.LasFile las = org.geoassure.ingest.las.LasReader.read(l,
                    org.geoassure.ingest.las.LasOptions.defaults());
            org.geoassure.ingest.las.LasTable table = las.log().orElseThrow();
            String hole = las.item(org.geoassure.ingest.las.SectionKind.WELL, "UWI").orElseThrow().value();
            double[] depths = table.curves().get(0).toArray();
            List<org.geoassure.geodb.model.LogCurve> curves = new java.util.ArrayList<>();
            List<double[]> values = new java.util.ArrayList<>();
            for (var cv : table.curves().subList(1, table.curves().size())) {
                curves.add(new org.geoassure.geodb.model.LogCurve(cv.mnemonic(), cv.unit(),
                        cv.definition().description()));
                values.add(cv.toArray());
            }
            String sha = sha256(l);
            var src = new org.geoassure.geodb.model.SourceFile("las", l.getFileName().toString(), sha, depths.length);
            logs.add(new org.geoassure.geodb.model.LogData(hole, "gr-den", "M", curves, depths, values, src));
            lasSources.add(src);
        }
        IngestRecord logRec = store.ingestLogs(logs, new Provenance(lasSources, user, Map.of("hole_by", "uwi"),
                List.of()));
        // the monitoring rules, checked by the same reader as 'geoassure alerts WS rules'
        try {
            org.geoassure.ingest.rules.RulesJson.read(files.rules());
            ((org.geoassure.geodb.store.WarningStore) store).writeRules(java.nio.file.Files.readString(files.rules()),
                    "demo mine rules", new Provenance(List.of(new org.geoassure.geodb.model.SourceFile("rules",
                            files.rules().getFileName().toString(), sha256(files.rules()), 0)), user, Map.of(),
                            List.of()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Loaded(holes, p, f, v, stations, readings, logRec);
    }

    private static String sha256(java.nio.file.Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(file)));
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The geology is older than any record: faults and the ground surface are valid from this date. */
    static final java.time.Instant GEOLOGY = java.time.Instant.parse("1900-01-01T00:00:00Z");

    /** A GOCAD, Shapefile, GeoJSON or DXF file into a layer (valid from {@link #GEOLOGY}), each feature given the role. */
    private static IngestRecord writeFile(FeatureStore store, String layer, java.nio.file.Path file, String role,
            String user) {
        var read = org.geoassure.ingest.feature.FeatureReaders.read(file,
                org.geoassure.ingest.feature.FeatureOptions.defaults());
        List<FeatureStore.FeatureWrite> writes = new java.util.ArrayList<>();
        for (var x : read.features()) {
            writes.add(new FeatureStore.FeatureWrite(new org.geoassure.geodb.model.Feature(x.id(), x.name(), x.kind(),
                    role, x.geometry(), x.mesh(), x.attributes()), GEOLOGY));
        }
        return store.writeFeatures(layer, writes, new Provenance(read.sources(), user, Map.of("role", role),
                read.warnings()));
    }
}
