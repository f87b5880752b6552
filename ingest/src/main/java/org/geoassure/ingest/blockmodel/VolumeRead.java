package org.geoassure.ingest.blockmodel;

import java.util.List;
import java.util.Map;
import org.geoassure.geodb.grid.BlockData;
import org.geoassure.geodb.model.SourceFile;

/**
 * A block model read from a gridded volume file (GOCAD Voxet, SEG-Y 3-D, ModEM): the cells, the files read, the
 * parameters of the mapping onto the block model grid (kept in the ingest's provenance) and warnings.
 *
 * @param data the model and its cells
 * @param sources the files read with their SHA-256 (the header first)
 * @param parameters how the file was mapped (vertical unit, cell-centre convention, resampling, ...)
 * @param warnings what the user should know about the result
 */
public record VolumeRead(BlockData data, List<SourceFile> sources, Map<String, String> parameters,
        List<String> warnings) {
    public VolumeRead {
        sources = List.copyOf(sources);
        parameters = Map.copyOf(parameters);
        warnings = List.copyOf(warnings);
    }
}
