package org.geoassure.ingest.omf;

import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.SourceFile;

/**
 * What {@link OmfReader} read from one OMF file.
 *
 * @param version 1 (the binary OMF 0.9/1.0 format) or 2 (zip of index.json.gz and Parquet arrays)
 * @param project the project name (may be empty)
 * @param description the project description (may be empty)
 * @param author the project author (may be empty)
 * @param date the project date as written in the file (OMF 2 {@code date}, OMF 1 {@code date_created}); may be empty
 * @param source the file, with its SHA-256 and the number of elements read from it
 * @param elements every element in file order (a Composite's children after it), with what became of it
 * @param features the points, lines and surfaces, in element order; coordinates as in the file (OMF has no CRS)
 * @param blockModels the block models, each a regular grid at its finest block size
 * @param warnings what was read but not kept, naming the file and the element
 */
public record OmfFile(int version, String project, String description, String author, String date, SourceFile source,
        List<OmfElement> elements, List<Feature> features, List<BlockData> blockModels, List<String> warnings) {
    public OmfFile {
        Objects.requireNonNull(source, "source");
        elements = List.copyOf(elements);
        features = List.copyOf(features);
        blockModels = List.copyOf(blockModels);
        warnings = List.copyOf(warnings);
    }
}
