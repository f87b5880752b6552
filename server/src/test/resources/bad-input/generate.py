#!/usr/bin/env python3
"""Writes the bad-input corpus (issue 12) beside this script: one malformed file per defect.

Run from this directory: python3 generate.py. The files are synthetic (written here, no outside source). Each is listed
in CORPUS.txt with the command that reads it and the expected message; BadInputCorpusTest runs them all.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def put(rel, data):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))


X, Y = 39500000.0, 4000000.0   # EPSG:4527 (CGCS2000 3-degree Gauss-Krueger zone 39), the workspace's CRS
COLLAR = 'HOLEID,X,Y,Z,TD\nDH1,%.1f,%.1f,100,120\nDH2,%.1f,%.1f,101,80\n' % (X, Y, X + 50, Y)
SURVEY = 'HOLEID,DEPTH,AZIMUTH,DIP\nDH1,0,90,-60\nDH1,100,91,-61\nDH2,0,0,-90\n'
ASSAY = 'HOLEID,FROM,TO,CU\nDH1,0,10,0.5\nDH1,10,20,0.7\nDH2,0,5,0.1\n'

# the valid base the workspace holds before any bad input
put('_base/collar.csv', COLLAR)
put('_base/survey.csv', SURVEY)
put('_base/assay.csv', ASSAY)
put('_base/stations.csv', 'id,name,kind,x,y,z,unit,watches\nPZ-1,piezometer 1,piezometer,%.1f,%.1f,-50,m,\n' % (X, Y))

# ---- drillholes (CSV) ----
D = 'drillholes/'
put(D + 'collar_nan_x.csv', COLLAR.replace('%.1f' % X, 'NaN', 1))
put(D + 'collar_inf_z.csv', COLLAR.replace(',100,120', ',Infinity,120'))
put(D + 'collar_huge_x.csv', COLLAR.replace('%.1f' % X, '1e400', 1))
put(D + 'collar_truncated_row.csv', COLLAR[:-12])
put(D + 'collar_unterminated_quote.csv', 'HOLEID,X,Y,Z,TD\n"DH1,%.1f,%.1f,100,120\n' % (X, Y))
put(D + 'collar_empty.csv', b'')
put(D + 'collar_binary.csv', bytes(range(256)) * 4)
put(D + 'collar_utf16.csv', COLLAR.encode('utf-16-le'))
put(D + 'collar_latin1_in_utf8.csv', COLLAR.replace('DH2', 'DH\u00e92').encode('latin-1'))
put(D + 'assay_for_injected_name.csv', ASSAY)  # valid: read under an interval table name that is SQL
put(D + 'survey_negative_depth.csv', SURVEY.replace('DH1,100,', 'DH1,-5,'))
put(D + 'survey_nan_dip.csv', SURVEY.replace('-61', 'NaN'))
put(D + 'survey_dip_out_of_range.csv', SURVEY.replace('-61', '-161'))
put(D + 'assay_overlap.csv', ASSAY.replace('DH1,10,20', 'DH1,8,20'))
put(D + 'assay_negative_from.csv', ASSAY.replace('DH1,0,10', 'DH1,-3,10'))
put(D + 'assay_from_after_to.csv', ASSAY.replace('DH1,10,20', 'DH1,20,10'))
put(D + 'assay_inf_to.csv', ASSAY.replace('DH1,10,20', 'DH1,10,Infinity'))
put(D + 'assay_orphan_hole.csv', ASSAY + "DH9' OR '1'='1,0,1,0.2\n")

# ---- LAS ----
L = 'las/'
LAS = ('~Version\n VERS. 2.0 : CWLS LAS 2.0\n WRAP. NO : one line per depth\n'
       '~Well\n STRT.M 0.0 : start\n STOP.M 2.0 : stop\n STEP.M 1.0 : step\n NULL. -999.25 : null\n'
       ' WELL. DH1 : well\n UWI. DH1 : uwi\n'
       '~Curve\n DEPT.M : depth\n GR.API : gamma\n'
       '~A\n0.0 10.0\n1.0 11.0\n2.0 12.0\n')
put(L + 'truncated_header.las', LAS[:LAS.index('~Curve') + 20])
put(L + 'no_data_section.las', LAS[:LAS.index('~A')])
put(L + 'short_row.las', LAS.replace('1.0 11.0', '1.0'))
put(L + 'nan_depth.las', LAS.replace('1.0 11.0', 'NaN 11.0'))
put(L + 'decreasing_depth.las', LAS.replace('2.0 12.0', '0.5 12.0'))
put(L + 'empty.las', b'')
put(L + 'binary.las', bytes((i * 37) % 256 for i in range(2048)))
put(L + 'wrapped_huge_declared.las', LAS.replace('WRAP. NO', 'WRAP. YES').replace('~A\n0.0 10.0\n', '~A\n0.0\n'))
put(L + 'unknown_hole.las', LAS.replace('WELL. DH1', "WELL. DH1'; DROP TABLE logs;--").replace(
    'UWI. DH1', "UWI. DH1'; DROP TABLE logs;--"))

# ---- Shapefile (.shp, .shx, .dbf) ----
S = 'shapefile/'


def shp_header(code, length_words, shape_type, bbox=(0, 0, 1, 1)):
    return (struct.pack('>i', code) + b'\0' * 20 + struct.pack('>i', length_words)
            + struct.pack('<ii', 1000, shape_type) + struct.pack('<4d', *bbox) + struct.pack('<4d', 0, 0, 0, 0))


def point_record(n, x, y):
    content = struct.pack('<idd', 1, x, y)
    return struct.pack('>ii', n, len(content) // 2) + content


def shx_for(records):
    out = b''
    offset = 50
    for r in records:
        out += struct.pack('>ii', offset, (len(r) - 8) // 2)
        offset += len(r) // 2
    return shp_header(9994, 50 + len(out) // 2, 1) + out


def dbf(rows):
    # one character field NAME of 10 bytes
    header = struct.pack('<BBBBIHH', 3, 126, 1, 1, len(rows), 32 + 32 + 1, 1 + 10) + b'\0' * 20
    field = b'NAME'.ljust(11, b'\0') + b'C' + b'\0' * 4 + bytes([10, 0]) + b'\0' * 14
    body = b''.join(b' ' + r.encode('ascii').ljust(10)[:10] for r in rows)
    return header + field + b'\r' + body + b'\x1a'


def shapefile(name, shp, shx, dbf_rows):
    put(S + name + '.shp', shp)
    put(S + name + '.shx', shx)
    put(S + name + '.dbf', dbf(dbf_rows))


recs = [point_record(1, X, Y), point_record(2, X + 10, Y + 10)]
good_shp = shp_header(9994, 50 + sum(len(r) for r in recs) // 2, 1) + b''.join(recs)
shapefile('wrong_file_code', struct.pack('>i', 1234) + good_shp[4:], shx_for(recs), ['a', 'b'])
shapefile('truncated', good_shp[:-10], shx_for(recs), ['a', 'b'])
huge = [recs[0], struct.pack('>ii', 2, 0x3fffffff) + recs[1][8:]]
shapefile('huge_record_length', shp_header(9994, 50 + sum(len(r) for r in huge) // 2, 1) + b''.join(huge),
          shx_for(recs), ['a', 'b'])
nan = [recs[0], point_record(2, float('nan'), Y)]
shapefile('nan_point', shp_header(9994, 50 + sum(len(r) for r in nan) // 2, 1) + b''.join(nan), shx_for(nan),
          ['a', 'b'])
inf = [recs[0], point_record(2, X, float('inf'))]
shapefile('inf_point', shp_header(9994, 50 + sum(len(r) for r in inf) // 2, 1) + b''.join(inf), shx_for(inf),
          ['a', 'b'])
# a polyline whose point count says 2^30
content = struct.pack('<i4dii', 3, X, Y, X + 1, Y + 1, 1, 0x40000000) + struct.pack('<i', 0) + struct.pack(
    '<4d', X, Y, X + 1, Y + 1)
rec = struct.pack('>ii', 1, len(content) // 2) + content
shp = shp_header(9994, 50 + len(rec) // 2, 3) + rec
shapefile('huge_point_count', shp, shp_header(9994, 54, 3) + struct.pack('>ii', 50, len(content) // 2), ['a'])
# the .dbf says 1000 records, the .shp has 2
d = bytearray(dbf(['a', 'b']))
d[4:8] = struct.pack('<I', 1000)
put(S + 'dbf_count_mismatch.shp', good_shp)
put(S + 'dbf_count_mismatch.shx', shx_for(recs))
put(S + 'dbf_count_mismatch.dbf', bytes(d))
# a geographic .prj over projected coordinates (wrong CRS)
shapefile('wrong_crs', good_shp, shx_for(recs), ['a', 'b'])
put(S + 'wrong_crs.prj', 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')

# ---- GeoJSON ----
G = 'geojson/'
FEAT = ('{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "f1", "properties": {"role": "fault"},'
        ' "geometry": {"type": "LineString", "coordinates": [[%.1f, %.1f, -100], [%.1f, %.1f, -100]]}}]}'
        % (X, Y, X + 100, Y + 100))
put(G + 'truncated.geojson', FEAT[:len(FEAT) // 2])
put(G + 'deep_nesting.geojson', '{"type": "FeatureCollection", "features": ' + '[' * 20000 + ']' * 20000 + '}')
put(G + 'nan_coordinate.geojson', FEAT.replace('%.1f' % (X + 100), 'NaN'))
put(G + 'huge_coordinate.geojson', FEAT.replace('%.1f' % (X + 100), '1e999'))
put(G + 'unknown_type.geojson', FEAT.replace('"LineString"', '"Spline"'))
put(G + 'one_position.geojson', FEAT.replace('[[%.1f, %.1f, -100], ' % (X, Y), '['))
put(G + 'self_intersecting_polygon.geojson', FEAT.replace('"LineString"', '"Polygon"').replace(
    '[[%.1f, %.1f, -100], [%.1f, %.1f, -100]]' % (X, Y, X + 100, Y + 100),
    '[[[%.1f, %.1f, 0], [%.1f, %.1f, 0], [%.1f, %.1f, 0], [%.1f, %.1f, 0], [%.1f, %.1f, 0]]]'
    % (X, Y, X + 100, Y + 100, X + 100, Y, X, Y + 100, X, Y)))
put(G + 'wrong_crs.geojson', FEAT.replace('{"type": "FeatureCollection", ', '{"type": "FeatureCollection", '
    '"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4326"}}, '))
put(G + 'invalid_utf8.geojson', FEAT.replace('"fault"', '"fault \u00e9"').encode('latin-1'))

# ---- GOCAD ----
T = 'gocad/'
TS = ('GOCAD TSurf 1\nHEADER {\nname:fault_a\n}\nTFACE\nVRTX 1 %.1f %.1f -100\nVRTX 2 %.1f %.1f -100\n'
      'VRTX 3 %.1f %.1f -200\nTRGL 1 2 3\nEND\n' % (X, Y, X + 100, Y, X, Y + 100))
put(T + 'triangle_beyond_vertices.ts', TS.replace('TRGL 1 2 3', 'TRGL 1 2 99'))
put(T + 'nan_vertex.ts', TS.replace('VRTX 2 %.1f' % (X + 100), 'VRTX 2 NaN'))
put(T + 'truncated.ts', TS[:TS.index('VRTX 3') + 9])
put(T + 'huge_vertex_id.ts', TS.replace('VRTX 3', 'VRTX 99999999999999999999999').replace(
    'TRGL 1 2 3', 'TRGL 1 2 99999999999999999999999'))
put(T + 'degenerate_triangle.ts', TS.replace('TRGL 1 2 3', 'TRGL 1 1 2'))
put(T + 'not_gocad.ts', 'hello, this is not a GOCAD file\n')
put(T + 'pline_bad_segment.pl', 'GOCAD PLine 1\nHEADER {\nname:trace\n}\nILINE\nVRTX 1 %.1f %.1f 0\n'
    'VRTX 2 %.1f %.1f 0\nSEG 1 7\nEND\n' % (X, Y, X + 1, Y))



def tsolid(name, vertices, tetras):
    """A GOCAD TSolid: VRTX lines from (id, x, y, z), TETRA lines from 4 ids each."""
    return ('GOCAD TSolid 1\nHEADER {\nname:%s\n}\nGEOLOGICAL_TYPE stope\nTVOLUME\n' % name
            + ''.join('VRTX %d %.1f %.1f %.1f\n' % v for v in vertices)
            + ''.join('TETRA %d %d %d %d\n' % t for t in tetras) + 'END\n')


def cube(first, x, y, z, size):
    """A cube in five tetrahedra (the middle one, four corners), vertex ids first..first+7, bit 0 x, 1 y, 2 z."""
    vs = [(first + v, x + (size if v & 1 else 0), y + (size if v & 2 else 0), z + (size if v & 4 else 0))
          for v in range(8)]
    ts = [tuple(first + v for v in t) for t in ((1, 2, 4, 7), (0, 1, 2, 4), (3, 1, 2, 7), (5, 1, 4, 7), (6, 2, 4, 7))]
    return vs, ts


# the valid solid of the base workspace (a stope), and solids that do not bound a volume
STOPE = cube(1, X, Y, -200, 10)
put('_base/stope.so', tsolid('stope_1', *STOPE))
A = cube(1, X, Y, -200, 10)
B = cube(11, X + 5, Y + 2, -195, 10)
put(T + 'solid_self_intersecting.so', tsolid('stope_2', A[0] + B[0], A[1] + B[1]))
C = cube(11, X + 10, Y + 2, -198, 4)  # a second cube whose face lies on the first one's x = X + 10 face
put(T + 'solid_touching_faces.so', tsolid('stope_3', A[0] + C[0], A[1] + C[1]))
TWO = [(1, X, Y, -100), (2, X, Y, -90), (3, X + 10, Y, -100), (4, X, Y + 10, -100), (5, X - 10, Y, -100),
       (6, X, Y - 10, -100)]
put(T + 'solid_edge_touching.so', tsolid('pillar', TWO, [(1, 2, 3, 4), (1, 2, 5, 6)]))
put(T + 'solid_vertex_touching.so', tsolid('cones', TWO + [(7, X - 10, Y - 10, -110)], [(1, 2, 3, 4), (1, 5, 6, 7)]))
put(T + 'solid_flat_tetra.so', tsolid('slab', TWO[:4] + [(5, X + 10, Y + 10, -100)], [(1, 2, 3, 4), (1, 3, 4, 5)]))

# ---- DXF ----
F = 'dxf/'


def dxf(entities):
    return '0\nSECTION\n2\nENTITIES\n' + entities + '0\nENDSEC\n0\nEOF\n'


LINE = '0\nLINE\n8\nfaults\n10\n%.1f\n20\n%.1f\n30\n0\n11\n%.1f\n21\n%.1f\n31\n0\n' % (X, Y, X + 10, Y)
put(F + 'truncated.dxf', dxf(LINE)[:40])
put(F + 'bad_group_code.dxf', dxf(LINE.replace('8\nfaults', 'eight\nfaults')))
put(F + 'nan_coordinate.dxf', dxf(LINE.replace('%.1f' % (X + 10), 'NaN')))
put(F + 'text_coordinate.dxf', dxf(LINE.replace('%.1f' % (X + 10), 'east')))
put(F + 'huge_vertex_count.dxf', dxf('0\nLWPOLYLINE\n8\nroads\n90\n2147483647\n70\n0\n10\n%.1f\n20\n%.1f\n' % (X, Y)))
put(F + 'binary.dxf', b'AutoCAD Binary DXF\r\n\x1a\x00' + bytes(range(256)))

# ---- progress (mine workings CSV) ----
P = 'progress/'
PROG = ('id,date,name,role,geometry\nF1,2025-01-01,face 1,face,"LINESTRING Z (%.1f %.1f -300, %.1f %.1f -302)"\n'
        % (X, Y, X, Y + 150))
put(P + 'bad_wkt.csv', PROG.replace('LINESTRING Z (', 'LINESTRING Z ((('))
put(P + 'nan_wkt.csv', PROG.replace('%.1f -302' % (Y + 150), 'NaN -302'))
put(P + 'bad_date.csv', PROG.replace('2025-01-01', '2025-13-45'))

# ---- block model CSV ----
B = 'blockmodel/'
BM = 'I,J,K,AU\n0,0,0,1.5\n1,0,0,2.5\n'
put(B + 'negative_index.csv', BM.replace('1,0,0', '-1,0,0'))
put(B + 'nan_value_index.csv', BM.replace('1,0,0', 'NaN,0,0'))
put(B + 'duplicate_cell.csv', BM.replace('1,0,0', '0,0,0'))
put(B + 'huge_index.csv', BM.replace('1,0,0', '2147483647,2147483647,2147483647'))
put(B + 'truncated.csv', BM[:-7])  # the last row cut after its second field

# ---- monitoring stations and readings ----
M = 'series/'
put(M + 'stations_nan_x.csv', 'id,name,kind,x,y,z,unit,watches\nPZ-2,p2,piezometer,NaN,%.1f,0,m,\n' % Y)
put(M + 'stations_unknown_kind.csv', 'id,name,kind,x,y,z,unit,watches\nPZ-2,p2,teleporter,%.1f,%.1f,0,m,\n'
    % (X, Y))
put(M + 'readings_bad_time.csv', 'time,value\n2026-01-01T00:00:00Z,10.5\nyesterday,10.7\n')
put(M + 'readings_inf_value.csv', 'time,value\n2026-01-01T00:00:00Z,10.5\n2026-01-02T00:00:00Z,Infinity\n')
put(M + 'readings_truncated.xml', '<?xml version="1.0"?>\n<wml2:Collection xmlns:wml2="http://www.opengis.net/'
    'waterml/2.0">\n<wml2:observationMember>\n<wml2:MeasurementTimeseries>\n<wml2:point>')
put(M + 'readings_xxe.xml', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    '<wml2:Collection xmlns:wml2="http://www.opengis.net/waterml/2.0"><wml2:name>&e;</wml2:name>'
    '</wml2:Collection>\n')
put(M + 'readings_billion_laughs.xml', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    + ''.join('<!ENTITY %s "%s">' % (chr(98 + i), ('&%s;' % chr(97 + i)) * 10) for i in range(9))
    + ']>\n<wml2:Collection xmlns:wml2="http://www.opengis.net/waterml/2.0"><wml2:name>&j;</wml2:name>'
    '</wml2:Collection>\n')
put(M + 'readings_deep_json.json', '{"value": {"timeSeries": ' + '[' * 20000 + ']' * 20000 + '}}')

# ---- HTTP API request bodies ----
A = 'api/'
put(A + 'query_deep_nesting.json', '{"from": "boreholes", "where": ' + '[' * 20000 + ']' * 20000 + '}')
put(A + 'query_truncated.json', '{"from": "intervals", "table": "assay", "near": {"point": [1, 2')
put(A + 'query_sql_injection_table.json', '{"from": "intervals", "table": "assay; DROP TABLE boreholes; --"}')
put(A + 'query_nan_point.json', '{"from": "boreholes", "near": {"point": [NaN, 2, 3], "within": 10}}')
put(A + 'query_huge_within.json', '{"from": "boreholes", "near": {"point": [1, 2, 3], "within": 1e999}}')
put(A + 'query_utf16.json', '{"from": "boreholes"}'.encode('utf-16-le'))
put(A + 'sql_injection_stacked.json', '{"sql": "SELECT 1; DROP TABLE boreholes"}')
put(A + 'sql_write.json', '{"sql": "INSERT INTO boreholes (hole_id) VALUES (\'x\')"}')
put(A + 'readings_inf_value.json', '{"station": "PZ-1", "t": "2026-02-01T00:00:00Z", "value": 1e999}')
put(A + 'readings_injection_station.json', '{"station": "PZ-1\'; DELETE FROM series_readings; --", '
    '"t": "2026-02-01T00:00:00Z", "value": 1}')
put(A + 'readings_deep_nesting.json', '{"station": "PZ-1", "readings": ' + '[' * 20000 + ']' * 20000 + '}')
put(A + 'readings_truncated.json', '{"station": "PZ-1", "readings": [{"t": "2026-02-01T00:00:00Z", "val')
put(A + 'readings_backwards.json', '{"station": "PZ-1", "readings": [{"t": "2026-02-02T00:00:00Z", "value": 1}, '
    '{"t": "2026-02-01T00:00:00Z", "value": 2}]}')
