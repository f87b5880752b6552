package org.geoassure.ingest.feature;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.SourceFile;

/**
 * What a vector or surface reader (GOCAD, Shapefile, GeoJSON, DXF, GeoPackage table, ASCII grid, point CSV) read
 * from one data set.
 *
 * @param format the reader that read it
 * @param sources the files read, each with its SHA-256 (a Shapefile has several: .shp, .shx, .dbf, .prj, .cpg)
 * @param crs the coordinate reference system the data set states, when it states one
 * @param features the features in source order; coordinates as in the file except where the package documentation
 *     says otherwise (GOCAD {@code ZPOSITIVE Depth} is turned to elevation)
 * @param warnings what was read but not kept, or repaired, each naming the file and line (or record)
 */
public record FeatureFile(FeatureFormat format, List<SourceFile> sources, SourceCrs crs, List<Feature> features,
        List<String> warnings) {
    public FeatureFile {
        Objects.requireNonNull(format, "format");
        sources = List.copyOf(sources);
        features = List.copyOf(features);
        warnings = List.copyOf(warnings);
    }

    /** The stated CRS, if any. */
    public Optional<SourceCrs> statedCrs() {
        return Optional.ofNullable(crs);
    }
}
