package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.BlockQuery;
import org.geoassure.geodb.grid.BlockScan;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.render.mesh.ColorScale;
import org.geoassure.render.tiles.BlockTiles;

/**
 * {@code export WS tiles --model M --color-by A [--where ...] [--box ...] --out DIR [--tile-size N]}: the cells of a
 * block model that the selection keeps, as a 3D Tiles 1.1 tileset with levels of detail ({@link BlockTiles}),
 * coloured by one attribute (a linear ramp over the kept values, or the categories' colours).
 */
final class TilesExport {
    private TilesExport() {
    }

    static int write(BrickSource src, BlockQuery query, String attribute, int tileSize, Path out, String crs,
            PrintWriter log) {
        BlockModel m = src.model();
        if (attribute == null) {
            throw new InvalidContentException("tiles: --color-by ATTRIBUTE is needed (one of "
                    + m.attributes().stream().map(BlockAttribute::name).toList() + ")");
        }
        int a = m.attributeIndex(attribute);
        if (a < 0) {
            throw new InvalidContentException("--color-by: '" + attribute + "' is not an attribute of block model "
                    + m.name() + " (attributes: " + m.attributes().stream().map(BlockAttribute::name).toList() + ")");
        }
        if (out == null) {
            throw new InvalidContentException("tiles: --out DIR is needed (the tileset is a directory of files)");
        }
        if (Files.exists(out) && !isEmptyDirectory(out)) {
            throw new InvalidContentException("--out: " + out + " exists and is not an empty directory");
        }
        if (tileSize < 2 || tileSize > 256) {
            throw new InvalidContentException("--tile-size: expected 2..256 cells, got " + tileSize);
        }
        if (m.gridCells() > Integer.MAX_VALUE - 8) {
            throw new InvalidContentException("block model " + m.name() + ": " + m.gridCells() + " cells is too many "
                    + "for one tileset pass (at most " + (Integer.MAX_VALUE - 8) + ")");
        }
        BlockAttribute attr = m.attributes().get(a);
        float[] cells = new float[(int) m.gridCells()];
        java.util.Arrays.fill(cells, Float.NaN);
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        long[] kept = {0};
        BlockScan.select(src, query, List.of(attr.name()), (i, j, k, b, local) -> {
            double v = b.value(a, local);
            if (!Double.isNaN(v)) {
                cells[i + m.nx() * (j + m.ny() * k)] = (float) v;
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
                kept[0]++;
            }
        });
        if (kept[0] == 0) {
            throw new InvalidContentException("tiles: no cell of block model " + m.name() + " with a value of "
                    + attribute + " is selected");
        }
        boolean categorical = attr.type() == AttributeType.CATEGORY;
        ColorScale scale = categorical ? ColorScale.categorical(attr.categories())
                : ColorScale.ramp(range[0], range[1]);
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("attribute", attr.name());
        extras.put("cells", kept[0]);
        extras.put("legend", scale.legend());
        BlockTiles.Summary s;
        try {
            s = BlockTiles.write(m, cells, new BlockTiles.Options(tileSize, v -> scale.color(categorical
                    ? attr.categories().get((int) v) : (Object) v), categorical, true), crs, extras, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.printf("wrote %s/tileset.json: %d cells of block model %s in %d tiles over %d levels below the root "
                + "(%d with content), %,d triangles (at most %,d in a tile), %,d bytes of GLB%n", out, kept[0],
                m.name(), s.tiles(), s.depth(), s.contents(), s.triangles(), s.maxTileTriangles(), s.bytes());
        return 0;
    }

    private static boolean isEmptyDirectory(Path p) {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (var list = Files.list(p)) {
            return list.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
