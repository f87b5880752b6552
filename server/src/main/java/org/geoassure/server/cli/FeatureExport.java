package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.LogData;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.FeatureStore.StoredFeature;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.ingest.geojson.GeoJsonWriter;
import org.geoassure.ingest.gocad.TSurfWriter;
import org.geoassure.ingest.las.LasWriter;
import org.geoassure.ingest.points.PointCsvWriter;

/**
 * {@code export WS features --format geojson|csv|tsurf} and {@code export WS logs --format las}: the ingest module's
 * writers behind the export command. Everything is checked before the first byte is written, and {@code --out} is
 * only put in place when complete.
 */
final class FeatureExport {
    static final List<String> FORMATS = List.of("geojson", "csv", "tsurf");

    private FeatureExport() {
    }

    /** The features valid in the time slice, of {@code layers} (all when empty). */
    static int features(WorkspaceStore store, List<String> layers, Selection s, ReadOptions read, PrintWriter stdout) {
        if (!FORMATS.contains(read.format)) {
            throw new InvalidContentException("--format: '" + read.format + "' is not one of geojson, csv (points), "
                    + "tsurf (surfaces), omf (OMF 2) for features");
        }
        List<StoredFeature> rows;
        try (Stream<StoredFeature> st = FeatureCommands.features(store).features(Set.copyOf(layers), Set.of(), null,
                s.time())) {
            rows = st.toList();
        }
        if (rows.isEmpty()) {
            throw new InvalidContentException("--layer: no feature is valid at the time asked"
                    + (layers.isEmpty() ? "" : " in layers " + layers));
        }
        boolean several = rows.stream().map(StoredFeature::layer).distinct().count() > 1;
        List<Feature> features = rows.stream().map(r -> several ? rename(r) : r.feature()).toList();
        int epsg = Crs.forCode(store.info().crs()).epsg();
        read.output(stdout, w -> {
            try {
                switch (read.format) {
                    case "geojson" -> {
                        try (GeoJsonWriter.Collection c = GeoJsonWriter.open(w.text(), epsg)) {
                            for (Feature f : features) {
                                c.write(f);
                            }
                        }
                    }
                    case "csv" -> PointCsvWriter.write(features, w.text());
                    default -> TSurfWriter.write(features, w.text());
                }
                w.text().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 0;
    }

    /** Features of several layers get the id {@code layer/id}, which stays unique. */
    private static Feature rename(StoredFeature r) {
        Feature f = r.feature();
        return new Feature(r.layer() + "/" + f.id(), f.name(), f.kind(), f.role(), f.geometry(), f.mesh(),
                f.attributes());
    }

    /** One log as LAS 2.0. */
    static int las(List<LogData> logs, ReadOptions read, PrintWriter stdout) {
        if (logs.size() != 1) {
            throw new InvalidContentException("--format las: a LAS file holds one log, " + logs.size()
                    + " are selected; choose one with --hole and --log");
        }
        read.output(stdout, w -> {
            try {
                LasWriter.write(logs.get(0), w.text());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 0;
    }
}
