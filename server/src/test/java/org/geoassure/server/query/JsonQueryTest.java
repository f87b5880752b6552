package org.geoassure.server.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.AttributePredicate.Op;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.query.TimeSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonQueryTest {
    private static final String DOC_EXAMPLE = """
            {
              "from": "intervals",
              "table": "lithology",
              "near": {"point": [494930.3, 6803192.0, 256.3], "within": 150},
              "where": ["CET_Litho = 'granite'", {"column": "CU", "op": ">=", "value": 0.5}],
              "holes": ["1146526"],
              "asOf": "2025-06-01",
              "recordedAsOf": "2025-06-01T08:00:00Z"
            }
            """;

    /** A query as parsed: target, table, spatial filter (null for none), predicates, holes, time slice. */
    record Expected(String target, String table, SpatialFilter spatial, List<AttributePredicate> where,
            Set<String> holes, TimeSlice time) {
    }

    static Stream<Arguments> good() {
        return Stream.of(
            Arguments.of("the documented example", DOC_EXAMPLE, new Expected("intervals", "lithology",
                    new SpatialFilter.NearPoint(494930.3, 6803192.0, 256.3, 150),
                    List.of(pred("CET_Litho", Op.EQ, "granite"), pred("CU", Op.GE, "0.5")), Set.of("1146526"),
                    new TimeSlice(Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-06-01T08:00:00Z")))),
            Arguments.of("only from", """
                    {"from": "boreholes"}""",
                    new Expected("boreholes", null, null, List.of(), Set.of(), TimeSlice.current())),
            Arguments.of("polyline, two holes", """
                    {"from": "boreholes",
                     "line": {"points": [[494800, 6803100, 250], [495100, 6803300, 250.5], [495200, 6803400, -10]],
                              "within": 100},
                     "holes": ["A-1", "B 2"]}""",
                    new Expected("boreholes", null, new SpatialFilter.NearPolyline(new double[] {494800, 6803100, 250,
                        495100, 6803300, 250.5, 495200, 6803400, -10}, 100), List.of(), Set.of("A-1", "B 2"),
                        TimeSlice.current())),
            Arguments.of("box, record time only, flat box", """
                    {"from": "stations", "box": {"min": [494000, 6802000, 0], "max": [496000, 6804000, 0]},
                     "recordedAsOf": "2020-01-01"}""",
                    new Expected("stations", null, new SpatialFilter.InBox(new Box3(494000, 6802000, 0, 496000,
                        6804000, 0)), List.of(), Set.of(), new TimeSlice(null, Instant.parse("2020-01-01T00:00:00Z")))),
            Arguments.of("condition objects: every op, numbers as written, any case", """
                    {"from": "intervals", "table": "assays", "where": [
                      {"column": "CU", "op": "=", "value": 1e3},
                      {"column": "CU", "op": "!=", "value": -0.50},
                      {"column": "CU", "op": "<>", "value": "x"},
                      {"column": "AU", "op": "<", "value": 12345678901234567890},
                      {"column": "AU", "op": "<=", "value": 0.1},
                      {"column": "AU", "op": ">", "value": ""},
                      {"column": "AU", "op": ">=", "value": 2},
                      {"column": "岩性", "op": "IN", "values": ["vein", 3, "it's"]},
                      {"column": "AG", "op": "Is Null"},
                      {"column": "AG", "op": "is not null"}
                    ]}""",
                    new Expected("intervals", "assays", null, List.of(pred("CU", Op.EQ, "1e3"),
                        pred("CU", Op.NE, "-0.50"), pred("CU", Op.NE, "x"), pred("AU", Op.LT, "12345678901234567890"),
                        pred("AU", Op.LE, "0.1"), pred("AU", Op.GT, ""), pred("AU", Op.GE, "2"),
                        pred("岩性", Op.IN, "vein", "3", "it's"), pred("AG", Op.IS_NULL), pred("AG", Op.NOT_NULL)),
                        Set.of(), TimeSlice.current())),
            Arguments.of("condition strings in the --where syntax", """
                    {"from": "intervals", "table": "lithology",
                     "where": ["CET_Litho in ('massive_sulphide', 'vein')", "CU is not null", "AU <> 3"],
                     "asOf": "2025-06-01T08:30:15.5Z"}""",
                    new Expected("intervals", "lithology", null, List.of(pred("CET_Litho", Op.IN, "massive_sulphide",
                        "vein"), pred("CU", Op.NOT_NULL), pred("AU", Op.NE, "3")), Set.of(),
                        new TimeSlice(Instant.parse("2025-06-01T08:30:15.500Z"), null))),
            Arguments.of("zero distance, empty where", """
                    {"from": "stations", "near": {"within": 0, "point": [-1.5, 0, 1e2]}, "where": []}""",
                    new Expected("stations", null, new SpatialFilter.NearPoint(-1.5, 0, 100, 0), List.of(), Set.of(),
                        TimeSlice.current())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void readsGoodQueries(String name, String json, Expected expected) {
        check(expected, JsonQuery.parse(json, "good.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void canonicalFormReadsBackAsTheSameQuery(String name, String json, Expected expected) {
        String canonical = JsonQuery.parse(json, "good.json").toJson();
        JsonQuery again = JsonQuery.parse(canonical, "canonical");
        check(expected, again);
        assertEquals(canonical, again.toJson());
    }

    @Test
    void canonicalFormOfTheDocumentedExample() {
        assertEquals("{\"from\":\"intervals\",\"table\":\"lithology\","
                + "\"near\":{\"point\":[494930.3,6803192.0,256.3],\"within\":150.0},"
                + "\"where\":[{\"column\":\"CET_Litho\",\"op\":\"=\",\"value\":\"granite\"},"
                + "{\"column\":\"CU\",\"op\":\">=\",\"value\":0.5}],"
                + "\"holes\":[\"1146526\"],\"asOf\":\"2025-06-01T00:00:00Z\",\"recordedAsOf\":\"2025-06-01T08:00:00Z\"}",
                JsonQuery.parse(DOC_EXAMPLE, "example.json").toJson());
    }

    @Test
    void javaBuiltQueryRoundTripsWithExactDoublesAndTextThatLooksLikeNumbers() {
        Selection s = Selection.all()
                .within(new SpatialFilter.NearPoint(0.1 + 0.2, 4.533053515215002, -1e-7, 1.0 / 3))
                .where(new AttributePredicate("CODE", Op.EQ, List.of("007")))
                .where(new AttributePredicate("CU", Op.IN, List.of("1.5", "NaN", "-0")))
                .holes(Set.of("b", "a"));
        JsonQuery q = JsonQuery.parse(new JsonQuery("intervals", "assays", s).toJson(), "java");
        assertEquals(s.spatial(), q.selection().spatial());
        assertEquals(s.predicates(), q.selection().predicates());
        assertEquals(Set.of("a", "b"), q.selection().holeIds());
    }

    @Test
    void readsFromAReaderAndNamesThatSource() {
        JsonQuery q = JsonQuery.parse(new StringReader("{\"from\": \"stations\"}"), "-");
        assertEquals("stations", q.target());
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> JsonQuery.parse(new StringReader("\n{\"from\": \"station\"}"), "-"));
        assertEquals("-:2: $.from: must be one of boreholes, stations, intervals, got \"station\"", e.getMessage());
        assertEquals(Optional.of("-"), e.source());
        assertEquals(2, e.line());
    }

    @Test
    void constructorRefusesPartsWithoutAJsonForm() {
        Selection all = Selection.all();
        assertThrows(IllegalArgumentException.class, () -> new JsonQuery("holes", null, all));
        assertThrows(IllegalArgumentException.class, () -> new JsonQuery("boreholes", "lithology", all));
        assertThrows(IllegalArgumentException.class, () -> new JsonQuery("intervals", null, all));
        assertThrows(IllegalArgumentException.class, () -> new JsonQuery("boreholes", null, all.holes(Set.of(" "))));
        assertThrows(IllegalArgumentException.class, () -> new JsonQuery("boreholes", null,
                all.within(new SpatialFilter.NearPoint(Double.NaN, 0, 0, 1))));
        assertEquals("{\"from\":\"boreholes\"}", new JsonQuery("boreholes", null, all).toJson());
    }

    /**
     * Bad queries: name, JSON, line, path and a piece of the reason. The message must start with
     * {@code bad.json:LINE: PATH: }.
     */
    static Stream<Arguments> bad() {
        return Stream.of(
            Arguments.of("unknown top-level field", """
                    {"from": "boreholes",
                     "wehre": []}""", 2, "$.wehre", "unknown field \"wehre\"; allowed here: from, table, near, line"),
            Arguments.of("misspelt within", """
                    {"from": "boreholes",
                     "near": {"point": [1, 2, 3],
                              "whithin": 5}}""", 3, "$.near.whithin", "allowed here: point, within"),
            Arguments.of("unknown field in a condition", """
                    {"from": "intervals", "table": "t",
                     "where": [{"colum": "CU", "op": "=", "value": 1}]}""", 2, "$.where[0].colum",
                    "allowed here: column, op, value, values"),
            Arguments.of("odd field name", """
                    {"from": "boreholes", "as of": "2025-01-01"}""", 1, "$['as of']", "unknown field"),
            Arguments.of("two spatial kinds", """
                    {"from": "boreholes",
                     "near": {"point": [1, 2, 3], "within": 5},
                     "box": {"min": [0, 0, 0], "max": [1, 1, 1]}}""", 3, "$.box",
                    "give at most one of near, line, box (near is also given)"),
            Arguments.of("missing from", """
                    {
                      "holes": ["a"]
                    }""", 1, "$.from", "required"),
            Arguments.of("bad from", """
                    {"from": "holes"}""", 1, "$.from", "must be one of boreholes, stations, intervals, got \"holes\""),
            Arguments.of("from not a string", """
                    {"from": 3}""", 1, "$.from", "must be a string, got the number 3"),
            Arguments.of("table with boreholes", """
                    {"from": "boreholes",
                     "table": "lithology"}""", 2, "$.table", "only with \"from\": \"intervals\""),
            Arguments.of("missing table for intervals", """
                    {
                      "from": "intervals"}""", 2, "$.table", "required with \"from\": \"intervals\""),
            Arguments.of("table null", """
                    {"from": "intervals", "table": null}""", 1, "$.table", "must be a string, got null"),
            Arguments.of("negative within", """
                    {"from": "boreholes",
                     "near": {"point": [1, 2, 3],
                              "within": -5}}""", 3, "$.near.within", "must be a number >= 0, got -5"),
            Arguments.of("within as a string", """
                    {"from": "boreholes", "line": {"points": [[1, 2, 3], [4, 5, 6]],
                     "within": "5"}}""", 2, "$.line.within", "must be a number, got the string \"5\""),
            Arguments.of("missing within", """
                    {"from": "boreholes",
                     "near": {"point": [1, 2, 3]}}""", 2, "$.near.within", "required"),
            Arguments.of("non-numeric coordinate", """
                    {"from": "boreholes",
                     "near": {"within": 5,
                              "point": [1, "2", 3]}}""", 3, "$.near.point[1]", "must be a number, got the string"),
            Arguments.of("point of two numbers", """
                    {"from": "boreholes",
                     "near": {"point": [1, 2], "within": 5}}""", 2, "$.near.point",
                    "must be an array of 3 numbers [x, y, z], got 2 items"),
            Arguments.of("coordinate too large for a double", """
                    {"from": "boreholes", "near": {"point": [1, 2, 1e400], "within": 5}}""", 1, "$.near.point[2]",
                    "must be a finite number, got 1e400"),
            Arguments.of("line with one point", """
                    {"from": "boreholes", "line": {
                       "points": [[1, 2, 3]], "within": 5}}""", 2, "$.line.points", "needs at least 2 points"),
            Arguments.of("line point of four numbers", """
                    {"from": "boreholes", "line": {"within": 5, "points": [[1, 2, 3],
                                                                       [4, 5, 6, 7]]}}""", 2,
                    "$.line.points[1]", "got 4 items"),
            Arguments.of("box min > max on z", """
                    {"from": "stations",
                     "box": {"min": [0, 0, 300], "max": [1, 1, 200]}}""", 2, "$.box",
                    "min z 300 is greater than max z 200"),
            Arguments.of("box without max", """
                    {"from": "stations",
                     "box": {"min": [0, 0, 300]}}""", 2, "$.box.max", "required"),
            Arguments.of("bad op", """
                    {"from": "intervals", "table": "t", "where": [
                      "CU > 1",
                      {"column": "CU", "op": "=>", "value": 1}]}""", 3, "$.where[1].op",
                    "\"=>\" is not one of =, <>, !=, <, <=, >, >=, in, is null, is not null"),
            Arguments.of("value of wrong type", """
                    {"from": "intervals", "table": "t",
                     "where": [{"column": "CU", "op": "=", "value": true}]}""", 2, "$.where[0].value",
                    "must be a string or a number, got true"),
            Arguments.of("null value", """
                    {"from": "intervals", "table": "t",
                     "where": [{"column": "CU", "op": "<", "value": null}]}""", 2, "$.where[0].value", "got null"),
            Arguments.of("object in an in-list", """
                    {"from": "intervals", "table": "t",
                     "where": [{"column": "CU", "op": "in", "values": [1,
                                                                      {}]}]}""", 3, "$.where[0].values[1]",
                    "must be a string or a number, got an object"),
            Arguments.of("in with value", """
                    {"from": "intervals", "table": "t",
                     "where": [{"column": "CU", "op": "in", "value": 1}]}""", 2, "$.where[0].value",
                    "give \"values\""),
            Arguments.of("in with no values", """
                    {"from": "intervals", "table": "t",
                     "where": [{"column": "CU", "op": "in", "values": []}]}""", 2, "$.where[0].values",
                    "needs at least one value"),
            Arguments.of("is null with a value", """
                    {"from": "intervals", "table": "t",
                     "where": [{"column": "CU", "op": "is null", "value": 1}]}""", 2, "$.where[0].value",
                    "takes no value"),
            Arguments.of("comparison with values", """
                    {"from": "intervals", "table": "t",
                     "where": [{"column": "CU", "op": ">", "values": [1]}]}""", 2, "$.where[0].values",
                    "only with \"in\""),
            Arguments.of("bad column name", """
                    {"from": "intervals", "table": "t",
                     "where": [{"column": "C U", "op": ">", "value": 1}]}""", 2, "$.where[0].column",
                    "is not a column name"),
            Arguments.of("condition string that does not parse", """
                    {"from": "intervals", "table": "t",
                     "where": ["CU 3"]}""", 2, "$.where[0]", "expected COLUMN op VALUE"),
            Arguments.of("condition that is a number", """
                    {"from": "intervals", "table": "t",
                     "where": [3]}""", 2, "$.where[0]", "must be a string \"COLUMN op VALUE\" or an object"),
            Arguments.of("where not an array", """
                    {"from": "intervals", "table": "t",
                     "where": "CU > 1"}""", 2, "$.where", "must be an array"),
            Arguments.of("bad date", """
                    {"from": "boreholes",
                     "asOf": "2025-13-01"}""", 2, "$.asOf", "\"2025-13-01\" is not a date (2025-06-01)"),
            Arguments.of("instant without zone", """
                    {"from": "boreholes",
                     "recordedAsOf": "2025-06-01T08:00:00"}""", 2, "$.recordedAsOf", "or a UTC instant"),
            Arguments.of("duplicate top-level key", """
                    {"from": "boreholes",
                     "from": "stations"}""", 2, "$.from", "duplicate key (first given on line 1)"),
            Arguments.of("duplicate nested key", """
                    {"from": "boreholes",
                     "near": {"within": 500, "point": [1, 2, 3],
                              "within": 5}}""", 3, "$.near.within", "duplicate key (first given on line 2)"),
            Arguments.of("malformed JSON: missing comma", """
                    {"from": "boreholes"
                     "holes": ["a"]}""", 2, "$", "malformed JSON at column 2"),
            Arguments.of("malformed JSON: NaN", """
                    {"from": "boreholes",
                     "near": {"point": [1, 2, NaN], "within": 5}}""", 2, "$.near.point", "malformed JSON at column"),
            Arguments.of("malformed JSON: unclosed array", """
                    {"from": "boreholes",
                     "holes": ["a\"""", 2, "$.holes", "malformed JSON at column 15: Unexpected end-of-input"),
            Arguments.of("malformed JSON: unclosed string", """
                    {"from": "boreholes",
                     "holes": ["a""", 2, "$.holes[0]", "malformed JSON at column 14: Unexpected end-of-input"),
            Arguments.of("content after the query", """
                    {"from": "boreholes"}
                    {"from": "stations"}""", 2, "$", "after the end of the query object"),
            Arguments.of("no JSON at all", " \n", 1, "$", "no JSON"),
            Arguments.of("not an object", """
                    ["boreholes"]""", 1, "$", "must be an object"),
            Arguments.of("empty holes string", """
                    {"from": "boreholes",
                     "holes": ["a",
                               ""]}""", 3, "$.holes[1]", "must be a hole id, got \"\""),
            Arguments.of("empty holes list", """
                    {"from": "boreholes",
                     "holes": []}""", 2, "$.holes", "needs at least one hole id"),
            Arguments.of("hole id as a number", """
                    {"from": "boreholes", "holes": [1146526]}""", 1, "$.holes[0]", "must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void refusesBadQueriesSayingWhere(String name, String json, int line, String path, String reason) {
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> JsonQuery.parse(json, "bad.json"));
        String where = "bad.json:" + line + ": " + path + ": ";
        assertTrue(e.getMessage().startsWith(where), () -> "expected '" + where + "...', got: " + e.getMessage());
        assertTrue(e.getMessage().contains(reason), () -> "expected '" + reason + "' in: " + e.getMessage());
        assertEquals(line, e.line());
        assertEquals(Optional.of("bad.json"), e.source());
    }

    @Test
    void errorMessageIsOneLine() {
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> JsonQuery.parse("{\"from\": \"boreholes\",\n \"near\": {\"point\": [1, 2, 3],\n \"within\": -5}}",
                        "query.json"));
        assertEquals("query.json:3: $.near.within: must be a number >= 0, got -5", e.getMessage());
    }

    private static AttributePredicate pred(String column, Op op, String... values) {
        return new AttributePredicate(column, op, List.of(values));
    }

    private static void check(Expected expected, JsonQuery q) {
        assertEquals(expected.target(), q.target());
        assertEquals(Optional.ofNullable(expected.table()), q.table());
        Selection s = q.selection();
        if (expected.spatial() instanceof SpatialFilter.NearPolyline line) {
            SpatialFilter.NearPolyline got = (SpatialFilter.NearPolyline) s.spatial().orElseThrow();
            assertArrayEquals(line.line(), got.line(), 0.0);
            assertEquals(line.distance(), got.distance(), 0.0);
        } else {
            assertEquals(Optional.ofNullable(expected.spatial()), s.spatial());
        }
        assertEquals(expected.where(), s.predicates());
        assertEquals(expected.holes(), s.holeIds());
        assertEquals(expected.time(), s.time());
    }
}
