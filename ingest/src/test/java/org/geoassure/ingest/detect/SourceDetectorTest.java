package org.geoassure.ingest.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.geoassure.geodb.UnsupportedFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of file the project reads is recognised by content: each sample is also tried renamed to ".dat". */
class SourceDetectorTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(SourceDetectorTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource " + name + " missing", e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "las/lasio_2.0_sample_2.0.las, LAS, LAS",
        "las/lasio_1.2_sample_wrapped.las, LAS, LAS",
        "timeseries/usgs_waterservices_iv.json, READINGS, WaterML-JSON",
        "timeseries/usgs_WaterML2Example_01646500_dv.xml, READINGS, WaterML 2.0",
        "timeseries/usgs_RDB1Example_02177000_dv.rdb, READINGS, USGS RDB",
        "timeseries/pastas_head_nb1.csv, READINGS, readings CSV",
        "timeseries/pastas_nb10_Observation_well.csv, READINGS, readings CSV",
        "timeseries/usgs_ChoptankRiverFlow_01491000_dv_m3s.txt, READINGS, readings CSV",
        "gocad/auscope_tsTest.ts, FEATURES, GOCAD",
        "shapefile/naturalearth_cities.shp, FEATURES, Shapefile",
        "geojson/usgs_nldi_basin.geojson, FEATURES, GeoJSON",
        "dxf/sic97_borders.dxf, FEATURES, DXF",
        "geopackage/sample.gpkg, FEATURES, GeoPackage",
        "asciigrid/sic97_demstd.asc, FEATURES, ESRI ASCII grid",
        "points/meuse.csv, FEATURES, point CSV",
        "progress/progress.csv, PROGRESS, progress CSV",
        "drillhole/good_collar.csv, DRILLHOLE_TABLE, drillhole collar CSV",
        "drillhole/good_survey.csv, DRILLHOLE_TABLE, drillhole survey CSV",
        "drillhole/good_assay.csv, DRILLHOLE_TABLE, drillhole interval CSV",
        "blockmodels/pygslib_demo1_bmodel.csv, BLOCK_MODEL_CSV, block-model CSV",
        "blockmodels/omf_bunny_blocks.csv, BLOCK_MODEL_CSV, block-model CSV",
        "voxet/small.vo, VOXET, GOCAD Voxet",
        "segy/segyio_f3.sgy, SEGY, SEG-Y",
        "segy/segyio_f3-lsb.sgy, SEGY, SEG-Y",
        "segy/segyio_multiformats_Format5lsb.sgy, SEGY, SEG-Y",
        "segy/segyio_multiformats_Format2msb.sgy, SEGY, SEG-Y",
        "omf/omf1_plane_surface.omf, OMF, OMF 1",
        "omf/omf2_pyramid.omf, OMF, OMF 2"})
    void recognisedByContent(String name, SourceKind kind, String reader) throws IOException {
        Path f = resource(name);
        Detection d = SourceDetector.detect(f);
        assertEquals(kind, d.kind(), d.toString());
        assertEquals(reader, d.reader());
        assertEquals(kind.ingestKind() == null, !d.refusal().isEmpty());
        if (!name.endsWith(".shp")) {
            Path renamed = Files.copy(f, dir.resolve("renamed.dat"), StandardCopyOption.REPLACE_EXISTING);
            assertEquals(kind, SourceDetector.detect(renamed).kind(), "renamed " + name);
        }
    }

    @Test
    void stationLists() throws IOException {
        Path f = Files.writeString(dir.resolve("s.csv"), "id,name,kind,x,y,z,unit,watches\nP1,pz,piezometer,1,2,3,m,\n");
        assertEquals(SourceKind.STATIONS, SourceDetector.detect(f).kind());
    }

    @Test
    void aDrillholeTableSaysWhichKindToUse() {
        Detection d = SourceDetector.detect(resource("drillhole/good_collar.csv"));
        assertEquals("columns HOLEID, X, Y, Z, TD", d.seen());
        assertTrue(d.refusal().contains("geoassure ingest WS drillholes --collar"), d.refusal());
    }

    @Test
    void unknownContentNamesWhatWasSeen() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "\n\nminutes of the safety meeting\n");
        assertEquals(text + ": no reader recognises this content: text beginning \"minutes of the safety meeting\" "
                + "(extension .txt)", assertThrows(UnsupportedFormatException.class,
                        () -> SourceDetector.detect(text)).getMessage());
        Path bin = Files.write(dir.resolve("blob"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertEquals(bin + ": no reader recognises this content: a binary file beginning 89504e470d0a1a0a",
                assertThrows(UnsupportedFormatException.class, () -> SourceDetector.detect(bin)).getMessage());
        Path empty = Files.write(dir.resolve("e.csv"), new byte[0]);
        assertTrue(assertThrows(UnsupportedFormatException.class, () -> SourceDetector.detect(empty)).getMessage()
                .endsWith("an empty file (extension .csv)"));
    }
}
