package org.geoassure.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.sql.SqlQueries;
import org.geoassure.geodb.store.WorkspaceStats;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.render.mesh.IntervalTubes;
import org.geoassure.server.query.JsonQuery;

/**
 * The HTTP API ({@code /api/v1}, docs/server.md) and the web viewer ({@code /}) over one workspace, on Javalin 7.
 *
 * <p>Every route is in {@link #ROUTES}; the server registers exactly those, and {@code ApiServerTest} checks that
 * {@code /api/v1/openapi.json} lists the same set. Each request leases an open workspace store of its own from a
 * {@link StorePool} (never two requests on one store), and GLB scenes are kept by request and workspace version in a
 * {@link ResponseCache}, answered with an entity tag ({@code 304} to a matching {@code If-None-Match}).
 *
 * <p>Errors are RFC 9457 problem details ({@code application/problem+json}) with a stable {@code code}:
 * {@code bad-request} (400: bad JSON, bad parameters, SQL that does not parse or is not a query),
 * {@code not-found} (404: no such route or interval table), {@code internal} (500: a bug or a storage failure, logged).
 * Bad input never gives a 500. Row output streams; a request is checked (tables, columns, SQL parsing) before the
 * first byte is written, so a problem response is never mixed into rows.
 *
 * <p>Guards (docs/server.md "Security"): request bodies are limited ({@link Options#maxBodyBytes}, 413
 * {@code too-large}); a request from another origin is refused (403) unless its {@code Origin} is one of
 * {@link Options#corsOrigins}, which then get CORS headers and preflight answers; tokens and roles as in
 * {@link ApiTokens}. Each request is logged at DEBUG (method, path, status, time; never the query string, which
 * may hold a token).
 */
final class ApiServer implements AutoCloseable {
    /** A route: HTTP method, path, and the name of its OpenAPI operation. */
    record Route(HandlerType method, String path, String operationId) {
    }

    /** Every route under {@code /api/v1}; the static viewer files at {@code /} are not in this list. */
    static final List<Route> ROUTES = List.of(
            new Route(HandlerType.GET, "/api/v1/workspace", "getWorkspace"),
            new Route(HandlerType.POST, "/api/v1/query", "postQuery"),
            new Route(HandlerType.POST, "/api/v1/sql", "postSql"),
            new Route(HandlerType.GET, "/api/v1/gltf", "getGltf"),
            new Route(HandlerType.GET, "/api/v1/features", "getFeatures"),
            new Route(HandlerType.GET, "/api/v1/hazard/proximity", "getProximity"),
            new Route(HandlerType.POST, "/api/v1/readings", "postReadings"),
            new Route(HandlerType.GET, "/api/v1/alerts", "getAlerts"),
            new Route(HandlerType.GET, "/api/v1/events", "getEvents"),
            new Route(HandlerType.GET, "/api/v1/hazard/water-inrush", "getWaterInrush"),
            new Route(HandlerType.GET, "/api/v1/openapi.json", "getOpenApi"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());
    private static final String PROBLEM = "application/problem+json";

    /** An error answered with a status and a stable code. */
    static final class ApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        ApiException(int status, String code, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
        }

        static ApiException notFound(String detail) {
            return new ApiException(404, "not-found", detail);
        }

        static ApiException forbidden(String detail) {
            return new ApiException(403, "forbidden", detail);
        }
    }

    /** The default request-body limit: 4 MiB (about 60 000 posted readings). */
    static final long DEFAULT_MAX_BODY = 4L << 20;

    /**
     * How a server is guarded.
     *
     * @param writable whether POST /api/v1/readings is taken (always with tokens: then the role decides)
     * @param tokens tokens and roles, or null: no authentication (reads open, writes only when writable)
     * @param corsOrigins origins ({@code https://host[:port]}) whose pages may call the API; empty: none but this
     *        server's own
     * @param maxBodyBytes the largest request body taken; a larger one is refused with 413
     */
    record Options(boolean writable, ApiTokens tokens, List<String> corsOrigins, long maxBodyBytes) {
        Options {
            corsOrigins = List.copyOf(corsOrigins);
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
            }
        }

        /** Read-only, no tokens, no cross-origin access, the default body limit. */
        static Options defaults() {
            return new Options(false, null, List.of(), DEFAULT_MAX_BODY);
        }
    }

    /** Stores lent to requests at once (the rest wait), all kept open between requests. */
    static final int POOLED_STORES = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** Memory for cached GLB scenes. */
    static final long CACHE_BYTES = 64L << 20;

    private final StorePool pool;
    private final ResponseCache scenes = new ResponseCache(CACHE_BYTES);
    private final boolean writable;
    /** Tokens and roles, or null: no authentication (reads open, writes only with {@link #writable}). */
    private final ApiTokens tokens;
    private final java.util.Set<String> corsOrigins;
    private final long maxBody;
    /** The connected event-stream clients, with how many more events each takes (-1: no limit). */
    private final java.util.concurrent.ConcurrentHashMap<io.javalin.http.sse.SseClient, java.util.concurrent.atomic
            .AtomicInteger> listeners = new java.util.concurrent.ConcurrentHashMap<>();
    private final Javalin app;

    private ApiServer(Supplier<WorkspaceStore> workspace, String host, int port, Options options) {
        this.pool = new StorePool(workspace, POOLED_STORES);
        this.writable = options.writable() || options.tokens() != null;
        this.tokens = options.tokens();
        this.corsOrigins = java.util.Set.copyOf(options.corsOrigins());
        this.maxBody = options.maxBodyBytes();
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = maxBody;
            cfg.staticFiles.add("/web", Location.CLASSPATH);
            cfg.requestLogger.http(ApiServer::logRequest);
            cfg.routes.before(this::crossOrigin);
            cfg.routes.before("/api/*", this::limitBody);
            cfg.routes.before("/api/*", this::authorise);
            for (Route r : ROUTES) {
                cfg.routes.addHttpHandler(r.method(), r.path(), handler(r.operationId()));
            }
            cfg.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status, e.code, e.getMessage()));
            cfg.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 413) { // Javalin's own limit, met while reading a body of unknown length
                    problem(ctx, 413, "too-large", tooLarge());
                } else if (e.getStatus() == 404) {
                    problem(ctx, 404, "not-found", "no such resource: " + ctx.method() + " " + ctx.path());
                } else {
                    problem(ctx, e.getStatus(), e.getStatus() < 500 ? "bad-request" : "internal", e.getMessage());
                }
            });
            cfg.routes.exception(InvalidContentException.class,
                    (e, ctx) -> problem(ctx, 400, "bad-request", e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (clientGone(e)) { // the client closed the connection mid-stream: nothing to answer, no bug
                    LOG.log(System.Logger.Level.DEBUG, "client went away during " + ctx.method() + " " + ctx.path());
                    return;
                }
                LOG.log(System.Logger.Level.ERROR, "internal error on " + ctx.method() + " " + ctx.path(), e);
                problem(ctx, 500, "internal", "internal error: " + e.getClass().getSimpleName()
                        + " (see the server log)");
            });
            cfg.routes.error(404, ctx -> {
                if (!PROBLEM.equals(ctx.res().getContentType())) {
                    problem(ctx, 404, "not-found", "no such resource: " + ctx.method() + " " + ctx.path());
                }
            });
        }).start(host, port);
    }

    /**
     * Starts serving the workspace that {@code workspace} opens (once per request) on {@code host:port}.
     *
     * @param port 0 for any free port (see {@link #port()})
     */
    static ApiServer start(Supplier<WorkspaceStore> workspace, String host, int port) {
        return start(workspace, host, port, Options.defaults());
    }

    /** As {@link #start}, guarded as {@code options} says. */
    static ApiServer start(Supplier<WorkspaceStore> workspace, String host, int port, Options options) {
        return new ApiServer(workspace, host, port, options);
    }

    /** As {@link #start}, also taking writes (POST /api/v1/readings) when {@code writable}. */
    static ApiServer start(Supplier<WorkspaceStore> workspace, String host, int port, boolean writable) {
        return start(workspace, host, port, writable, null);
    }

    /**
     * As {@link #start}; with {@code tokens} every API request needs {@code Authorization: Bearer TOKEN} (or
     * {@code ?token=} for the event stream, which browsers cannot give headers) of a role allowed to make it, and
     * writes need the geologist role.
     */
    static ApiServer start(Supplier<WorkspaceStore> workspace, String host, int port, boolean writable,
            ApiTokens tokens) {
        return start(workspace, host, port, new Options(writable, tokens, List.of(), DEFAULT_MAX_BODY));
    }

    /** The role an API request needs: geologist for writes, viewer for the rest. */
    static ApiTokens.Role needed(String method, String path) {
        return method.equals("POST") && path.equals("/api/v1/readings") ? ApiTokens.Role.GEOLOGIST
                : ApiTokens.Role.VIEWER;
    }

    /**
     * Same-origin requests and requests without {@code Origin} (curl, scripts) pass. A configured origin gets CORS
     * headers, and its preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here (204).
     * Any other origin is refused with 403: a page elsewhere can neither read the API nor make it write (a form post
     * needs no preflight, so leaving out the headers alone would not stop it).
     */
    private void crossOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || sameOrigin(origin, ctx.host())) {
            return;
        }
        if (!corsOrigins.contains(origin)) {
            throw ApiException.forbidden("cross-origin request from " + origin + " refused (start the server with "
                    + "--cors-origin ORIGIN to let that site's pages call it)");
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }

    /** Whether {@code e} comes from writing to a client that closed the connection (Jetty's EofException). */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.eclipse.jetty.io.EofException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameOrigin(String origin, String host) {
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** A body with a declared length over the limit is refused before it is read (413). */
    private void limitBody(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > maxBody) {
            throw new ApiException(413, "too-large", tooLarge());
        }
    }

    private String tooLarge() {
        return "request body: larger than this server takes (" + maxBody + " bytes; serve --max-body)";
    }

    /** One DEBUG line per request: method, path, status, milliseconds. Never the query string or headers (tokens). */
    private static void logRequest(Context ctx, Float millis) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, ctx.method() + " " + ctx.path() + " " + ctx.statusCode() + " "
                    + String.format(java.util.Locale.ROOT, "%.1f", millis) + " ms");
        }
    }

    private void authorise(Context ctx) {
        ApiTokens t = tokens;
        if (t == null || ctx.path().equals("/api/v1/openapi.json")) {
            return;
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).strip()
                : ctx.queryParam("token");
        ApiTokens.Role role = token == null && t.anonymousRead() ? ApiTokens.Role.VIEWER : t.role(token);
        if (role == null) {
            throw new ApiException(401, "unauthorized", token == null ? "this server needs an API token: "
                    + "Authorization: Bearer TOKEN" : "the API token is not known to this server");
        }
        ApiTokens.Role need = needed(ctx.method().name(), ctx.path());
        if (role.ordinal() < need.ordinal()) {
            throw ApiException.forbidden("the role " + role.name().toLowerCase(java.util.Locale.ROOT) + " may not "
                    + ctx.method() + " " + ctx.path() + " (needs " + need.name().toLowerCase(java.util.Locale.ROOT)
                    + ")");
        }
    }

    /** The port the server listens on. */
    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        pool.close();
    }

    /** Stores open and idle between requests now (for tests). */
    int idleStores() {
        return pool.idle();
    }

    /** Scene cache hits and misses so far (for tests). */
    long[] sceneCacheCounts() {
        return scenes.counts();
    }

    private Handler handler(String operationId) {
        return switch (operationId) {
            case "getWorkspace" -> this::workspace;
            case "postQuery" -> this::query;
            case "postSql" -> this::sql;
            case "getGltf" -> this::gltf;
            case "getFeatures" -> this::features;
            case "getProximity" -> this::proximity;
            case "postReadings" -> this::postReadings;
            case "getAlerts" -> this::alerts;
            case "getEvents" -> new io.javalin.http.sse.SseHandler(this::events);
            case "getWaterInrush" -> this::waterInrush;
            case "getOpenApi" -> ApiServer::openApi;
            default -> throw new IllegalStateException("no handler for " + operationId);
        };
    }

    private static void problem(Context ctx, int status, String code, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "urn:geoassure:problem:" + code);
        p.put("title", switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            default -> status < 500 ? "Bad Request" : "Internal Server Error";
        });
        p.put("status", status);
        p.put("code", code);
        p.put("detail", detail);
        p.put("instance", ctx.path());
        ctx.status(status);
        ctx.contentType(PROBLEM);
        ctx.result(json(p));
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET /api/v1/workspace: name, CRS, vertical datum, units, counts, interval tables, layers and block models. */
    private void workspace(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        try (StorePool.Lease lease = pool.lease()) {
            WorkspaceStore store = lease.store();
            var info = store.info();
            WorkspaceStats st = store.stats();
            m.put("name", info.name());
            m.put("crs", info.crs());
            m.put("verticalDatum", info.verticalDatum());
            m.put("lengthUnit", info.lengthUnit());
            m.put("createdAt", info.createdAt().toString());
            m.put("holes", st.holes());
            m.put("holeVersions", st.holeVersions());
            m.put("stations", st.stations());
            m.put("ingests", st.ingests());
            List<Map<String, Object>> tables = new ArrayList<>();
            for (String t : store.intervalTables()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("name", t);
                tm.put("rows", st.intervalRows().getOrDefault(t, 0L));
                List<Map<String, String>> cols = new ArrayList<>();
                for (Column c : store.intervalColumns(t)) {
                    cols.add(Map.of("name", c.name(), "type", c.type().name().toLowerCase(java.util.Locale.ROOT)));
                }
                tm.put("columns", cols);
                tables.add(tm);
            }
            m.put("intervalTables", tables);
            m.put("featureLayers", store instanceof org.geoassure.geodb.store.FeatureStore fs ? fs.featureLayers()
                    : List.of());
            m.put("blockModels", blockModels(store));
        }
        ctx.contentType("application/json");
        ctx.result(json(m));
    }

    /** POST /api/v1/query: the JSON form of a query (docs/query.md); rows as a JSON array, streamed. */
    private void query(Context ctx) {
        JsonQuery q = JsonQuery.parse(ctx.body(), "request body");
        Rows.Dataset what = switch (q.target()) {
            case "boreholes" -> Rows.Dataset.BOREHOLES;
            case "stations" -> Rows.Dataset.STATIONS;
            default -> Rows.Dataset.INTERVALS;
        };
        String table = q.table().orElse(null);
        Selection selection = q.selection();
        try (StorePool.Lease lease = pool.lease()) {
            WorkspaceStore store = lease.store();
            if (what == Rows.Dataset.INTERVALS) {
                table = existingTable(store, table);
            }
            String t = table;
            stream(ctx, "application/json", out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                Rows.write(store, what, t, selection, "json", new RowWriter.Output(w, out));
                w.flush();
            });
        }
    }

    /** POST /api/v1/sql: {@code {"sql": "..."}}; read-only; rows as a JSON array, streamed. */
    private void sql(Context ctx) throws SQLException {
        JsonNode body = readJson(ctx);
        JsonNode sql = body.get("sql");
        if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
            throw new InvalidContentException("request body: needs {\"sql\": \"SELECT ...\"}");
        }
        if (body.size() != 1) {
            throw new InvalidContentException("request body: only the member \"sql\" is allowed");
        }
        try (StorePool.Lease lease = pool.lease();
                Connection c = SqlQueries.connect(lease.store(), Selection.all().time());
                Statement st = c.createStatement()) {
            ResultSet rs;
            try {
                rs = st.executeQuery(sql.asText());
            } catch (SQLException e) {
                throw SqlRunner.classify(e);
            }
            try (rs) {
                stream(ctx, "application/json", out -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    try {
                        SqlRunner.writeRows(rs, "json", new RowWriter.Output(w, out));
                    } catch (SQLException e) {
                        throw SqlRunner.classify(e);
                    }
                    w.flush();
                });
            }
        }
    }

    /**
     * GET /api/v1/gltf?table=T[&colorBy=C][&radius=M][&sides=N][&ramp=R]: the tubes as GLB (as {@code export gltf});
     * or a block model's isosurface ({@link #isosurfaceGltf}).
     */
    private void gltf(Context ctx) {
        if (isosurfaceGltf(ctx)) {
            return;
        }
        String colorBy = ctx.queryParam("colorBy");
        Double radius = ctx.queryParam("radius") == null ? null : number("radius", ctx.queryParam("radius"));
        int sides = ctx.queryParam("sides") == null ? 8 : (int) (double) number("sides", ctx.queryParam("sides"));
        IntervalTubes.Ramp ramp = ExportCommand.ramp("ramp", ctx.queryParam("ramp"));
        try (StorePool.Lease lease = pool.lease()) {
            WorkspaceStore store = lease.store();
            String table = existingTable(store, ctx.queryParam("table"));
            String request = "tubes table=" + table + " colorBy=" + colorBy + " radius=" + radius + " sides=" + sides
                    + " ramp=" + ramp;
            scene(ctx, lease, request, out -> {
                IntervalTubes.Result tubes = ExportCommand.tubes(store, table, colorBy, radius, sides, ramp,
                        Selection.all(), "");
                ExportCommand.writeGlb(store, table, colorBy, tubes, out);
            });
        }
    }

    /**
     * Answers a GLB scene from {@link #scenes} (made with {@code maker} on a miss) with its entity tag, or 304 when
     * the client holds that tag already. {@code request} names everything the scene depends on but the workspace
     * version, which the cache adds.
     */
    private void scene(Context ctx, StorePool.Lease lease, String request, ResponseCache.Maker maker) {
        String version = lease.version();
        if (version == null) {
            stream(ctx, "model/gltf-binary", maker::write);
            return;
        }
        ResponseCache.Entry e;
        try {
            e = scenes.get(request, version, maker);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        ctx.header("ETag", e.etag());
        ctx.header("Cache-Control", "no-cache");
        if (e.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("model/gltf-binary");
        ctx.result(e.body());
    }

    /**
     * GET /api/v1/gltf?model=M&isosurface=ATTR:LEVEL[&below=true]: the isosurface of a block model's attribute as GLB
     * (as {@code export gltf --model M --isosurface ATTR:LEVEL [--below]}), instead of an interval table's tubes.
     *
     * @return false when the request names neither {@code model} nor {@code isosurface} (tubes then)
     */
    private boolean isosurfaceGltf(Context ctx) {
        String model = ctx.queryParam("model");
        String iso = ctx.queryParam("isosurface");
        String below = ctx.queryParam("below");
        if (model == null && iso == null) {
            if (below != null) {
                throw new InvalidContentException("below: only with model and isosurface");
            }
            return false;
        }
        for (String tubeParam : List.of("table", "colorBy", "radius", "sides", "ramp")) {
            if (ctx.queryParam(tubeParam) != null) {
                throw new InvalidContentException(tubeParam + ": not with model and isosurface (a request draws "
                        + "either an interval table's tubes or a block model's isosurface)");
            }
        }
        if (iso == null || iso.isBlank()) {
            throw new InvalidContentException("isosurface: required with model, as ATTR:LEVEL (e.g. RHO:20)");
        }
        if (below != null && !below.equals("true") && !below.equals("false")) {
            throw new InvalidContentException("below: '" + below + "' is not true or false");
        }
        try (StorePool.Lease lease = pool.lease()) {
            WorkspaceStore store = lease.store();
            var models = BlockRows.blocks(store);
            List<String> names = models.blockModels().stream().map(v -> v.model().name()).toList();
            if (model == null || model.isBlank()) {
                throw new InvalidContentException("model: required with isosurface (models: " + names + ")");
            }
            if (!names.contains(model)) {
                throw new InvalidContentException("model: no block model '" + model + "' (models: " + names + ")");
            }
            boolean under = "true".equals(below);
            scene(ctx, lease, "isosurface model=" + model + " isosurface=" + iso + " below=" + under,
                    out -> ExportCommand.isosurface(store, models.blockModel(model), iso, under, "").write(out));
        }
        return true;
    }

    /** The latest version of each block model: name, version, grid, cell size and attributes (for the viewer). */
    private static List<Map<String, Object>> blockModels(WorkspaceStore store) {
        List<Map<String, Object>> list = new ArrayList<>();
        if (!(store instanceof org.geoassure.geodb.store.BlockModelStore bms)) {
            return list;
        }
        for (var v : bms.blockModels()) {
            var bm = v.model();
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", bm.name());
            mm.put("version", v.version());
            mm.put("cells", v.cells());
            mm.put("size", List.of(bm.nx(), bm.ny(), bm.nz()));
            mm.put("cellSize", List.of(bm.dx(), bm.dy(), bm.dz()));
            List<Map<String, String>> attrs = new ArrayList<>();
            for (var a : bm.attributes()) {
                attrs.add(Map.of("name", a.name(), "type", a.type().name().toLowerCase(java.util.Locale.ROOT)));
            }
            mm.put("attributes", attrs);
            list.add(mm);
        }
        return list;
    }

    /** GET /api/v1/features?asOf=T&layer=L&role=R: GeoJSON of the features valid at T (as {@code query features}). */
    private void features(Context ctx) {
        java.time.Instant asOf = Times.parse("asOf", ctx.queryParam("asOf"));
        java.util.Set<String> layers = java.util.Set.copyOf(ctx.queryParams("layer"));
        java.util.Set<String> roles = java.util.Set.copyOf(ctx.queryParams("role"));
        try (StorePool.Lease lease = pool.lease()) {
            WorkspaceStore store = lease.store();
            var fs = FeatureCommands.features(store);
            try (var rows = fs.features(layers, roles, null, new org.geoassure.geodb.query.TimeSlice(asOf, null))) {
                stream(ctx, "application/geo+json", out -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    FeatureCommands.geoJson(rows, w);
                    w.flush();
                });
            }
        }
    }

    private static org.geoassure.geodb.query.TimeSlice slice(Context ctx) {
        return new org.geoassure.geodb.query.TimeSlice(Times.parse("asOf", ctx.queryParam("asOf")),
                Times.parse("recordedAsOf", ctx.queryParam("recordedAsOf")));
    }

    private static double param(Context ctx, String name, double otherwise) {
        String v = ctx.queryParam(name);
        return v == null ? otherwise : number(name, v);
    }

    /**
     * POST /api/v1/readings: {@code {"station": "PZ-3", "readings": [{"t": "2026-01-05T10:00:00Z", "value": 15.2},
     * ...]}} (or one reading as {@code "t"} and {@code "value"} beside {@code "station"}), one ingest; answers the
     * counts and the alert events the readings caused. Only on a server started with writes allowed.
     */
    private void postReadings(Context ctx) {
        if (!writable) {
            throw ApiException.forbidden("this server is read-only: start it with 'geoassure serve WS --allow-writes' "
                    + "to take readings");
        }
        JsonNode body = readJson(ctx);
        JsonNode station = body.get("station");
        if (station == null || !station.isTextual() || station.asText().isBlank()) {
            throw new InvalidContentException("station: a station id is required");
        }
        List<JsonNode> items = new ArrayList<>();
        if (body.has("readings")) {
            if (!body.get("readings").isArray() || body.get("readings").isEmpty()) {
                throw new InvalidContentException("readings: a non-empty array of {\"t\": ..., \"value\": ...}");
            }
            body.get("readings").forEach(items::add);
        } else {
            items.add(body);
        }
        long[] times = new long[items.size()];
        double[] values = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            JsonNode r = items.get(i);
            String where = body.has("readings") ? "readings[" + i + "]." : "";
            JsonNode t = r.get("t");
            JsonNode v = r.get("value");
            if (t == null || !t.isTextual()) {
                throw new InvalidContentException(where + "t: a time (2026-01-05T10:00:00Z) is required");
            }
            if (v == null || !v.isNumber()) {
                throw new InvalidContentException(where + "value: a number is required");
            }
            times[i] = org.geoassure.geodb.series.Readings.micros(Times.parse(where + "t", t.asText()));
            values[i] = v.asDouble();
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new InvalidContentException(where + "t: readings must come in increasing time order");
            }
        }
        try (StorePool.Lease lease = pool.lease()) {
            WorkspaceStore store = lease.store();
            if (!(store instanceof org.geoassure.geodb.store.SeriesStore series)) {
                throw new InvalidContentException("this workspace's engine does not store monitoring series yet");
            }
            String id = station.asText();
            if (series.seriesStation(id, null).isEmpty()) {
                throw ApiException.notFound("station: no station '" + id + "' in this workspace");
            }
            var batch = new org.geoassure.geodb.series.Readings(id, times, values, null);
            String sha = Sha256.hex(ctx.bodyAsBytes());
            var rec = series.ingestReadings(List.of(batch), new org.geoassure.geodb.model.Provenance(List.of(
                    new org.geoassure.geodb.model.SourceFile("readings", "POST /api/v1/readings", sha, times.length)),
                    "api", Map.of("station", id), List.of()));
            java.io.StringWriter events = new java.io.StringWriter();
            AlertsCommand.afterIngest(store, rec, List.of(batch), new java.io.PrintWriter(events));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ingest", rec.id());
            m.put("recordedAt", rec.recordedAt().toString());
            m.put("new", rec.holesNew());
            m.put("corrected", rec.holesChanged());
            m.put("unchanged", rec.holesUnchanged());
            List<String> lines = events.toString().lines().filter(l -> l.startsWith("alert ")).toList();
            m.put("alerts", lines);
            broadcast("readings", new String(json(Map.of("station", id, "new", rec.holesNew(), "corrected",
                    rec.holesChanged(), "unchanged", rec.holesUnchanged())), StandardCharsets.UTF_8));
            for (String line : lines) {
                broadcast("alert", line);
            }
            ctx.status(201);
            ctx.contentType("application/json");
            ctx.result(json(m));
        }
    }

    /**
     * GET /api/v1/events[?limit=N]: a server-sent event stream. {@code readings} after each readings write (station,
     * counts), one {@code alert} per alert event it caused (the line of {@code alerts} output); a {@code hello} comes
     * first. With {@code limit} the stream ends after N events (the hello not counted).
     */
    private void events(io.javalin.http.sse.SseClient client) {
        String limit = client.ctx().queryParam("limit");
        int n;
        try {
            n = limit == null ? -1 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            n = 0;
        }
        client.sendEvent("hello", "{\"writable\": " + writable + "}");
        if (n == 0) {
            client.close();
            return;
        }
        listeners.put(client, new java.util.concurrent.atomic.AtomicInteger(n));
        client.onClose(() -> listeners.remove(client));
        client.keepAlive();
    }

    private void broadcast(String event, String data) {
        listeners.forEach((client, left) -> {
            if (client.terminated()) {
                listeners.remove(client);
                return;
            }
            client.sendEvent(event, data);
            if (left.get() > 0 && left.decrementAndGet() == 0) {
                listeners.remove(client);
                client.close();
            }
        });
    }

    /** GET /api/v1/alerts?at=T: the current alerts (with roll-up levels) when the workspace has rules. */
    private void alerts(Context ctx) {
        java.time.Instant at = Times.parse("at", ctx.queryParam("at"));
        java.time.Instant recorded = Times.parse("recordedAsOf", ctx.queryParam("recordedAsOf"));
        try (StorePool.Lease lease = pool.lease()) {
            WorkspaceStore store = lease.store();
            Map<String, Object> m = new LinkedHashMap<>();
            List<Map<String, Object>> list = new ArrayList<>();
            if (store instanceof org.geoassure.geodb.store.WarningStore ws
                    && store instanceof org.geoassure.geodb.store.SeriesStore series) {
                var v = ws.rules(recorded);
                m.put("rulesVersion", v.map(x -> (Object) x.version()).orElse(null));
                if (v.isPresent()) {
                    var alerts = new org.geoassure.geodb.hazard.warning.WorkspaceAlerts(series, ws,
                            AlertsCommand.parse(v.get()));
                    for (var a : alerts.current(at == null ? java.time.Instant.now() : at, recorded)) {
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("id", a.id());
                        x.put("rule", a.ruleId());
                        x.put("station", a.station());
                        x.put("item", a.item());
                        x.put("level", a.level().name().toLowerCase(java.util.Locale.ROOT));
                        x.put("raisedAt", org.geoassure.geodb.series.Readings.toInstant(a.raisedMicros()).toString());
                        x.put("value", Double.isNaN(a.value()) ? null : a.value());
                        x.put("acknowledged", a.acknowledgement().isPresent());
                        list.add(x);
                    }
                }
            } else {
                m.put("rulesVersion", null);
            }
            m.put("alerts", list);
            ctx.contentType("application/json");
            ctx.result(json(m));
        }
    }

    /** GET /api/v1/hazard/proximity?asOf=T: faces against goaf, old workings, faults (as {@code hazard WS proximity}). */
    private void proximity(Context ctx) {
        var rules = org.geoassure.geodb.hazard.ProximityRules.explorationAndWarning(param(ctx, "pillarWidth", 20),
                param(ctx, "inferredExtra", 0));
        try (StorePool.Lease lease = pool.lease()) {
            WorkspaceStore store = lease.store();
            var r = org.geoassure.geodb.hazard.WorkspaceHazards.proximity(FeatureCommands.features(store),
                    java.util.Set.copyOf(ctx.queryParams("layer")), slice(ctx), rules);
            ctx.contentType("application/json");
            ctx.result(r.toJson());
        }
    }

    /**
     * GET /api/v1/hazard/water-inrush?asOf=T[&cell=M][&faultZone=M][&format=geojson]: T = P/M over the workspace (as
     * {@code hazard WS water-inrush}); {@code format=geojson} gives the zones as a FeatureCollection.
     */
    private void waterInrush(Context ctx) {
        var setup = new org.geoassure.geodb.hazard.WorkspaceHazards.InrushSetup(
                Objects.requireNonNullElse(ctx.queryParam("table"), "lithology"),
                Objects.requireNonNullElse(ctx.queryParam("unitColumn"), "HYDRO"),
                Objects.requireNonNullElse(ctx.queryParam("aquiclude"), "aquiclude"), param(ctx, "cell", 10),
                param(ctx, "faultZone", 50), org.geoassure.geodb.hazard.Interpolation.PLANAR_TREND,
                org.geoassure.geodb.hazard.Interpolation.IDW, org.geoassure.geodb.hazard.WaterInrushParams.defaults());
        String format = Objects.requireNonNullElse(ctx.queryParam("format"), "json");
        if (!format.equals("json") && !format.equals("geojson")) {
            throw new InvalidContentException("format: '" + format + "' is not one of json, geojson");
        }
        try (StorePool.Lease lease = pool.lease()) {
            WorkspaceStore store = lease.store();
            if (!(store instanceof org.geoassure.geodb.store.SeriesStore series)) {
                throw new InvalidContentException("this workspace's engine does not store monitoring series yet");
            }
            var r = org.geoassure.geodb.hazard.WorkspaceHazards.waterInrush(store, FeatureCommands.features(store),
                    series, java.util.Set.copyOf(ctx.queryParams("layer")), slice(ctx), setup);
            if (format.equals("json")) {
                ctx.contentType("application/json");
                ctx.result(r.toJson());
                return;
            }
            stream(ctx, "application/geo+json", out -> {
                var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out);
                g.writeStartObject();
                g.writeStringField("type", "FeatureCollection");
                g.writeArrayFieldStart("features");
                for (var z : r.zones()) {
                    g.writeStartObject();
                    g.writeStringField("type", "Feature");
                    g.writeStringField("id", z.name());
                    g.writeFieldName("geometry");
                    org.geoassure.ingest.geojson.GeoJsonWriter.geometry(g, z.geometry());
                    g.writeObjectFieldStart("properties");
                    g.writeStringField("zone", z.name());
                    g.writeStringField("rule", z.rule());
                    g.writeNumberField("area", z.area());
                    g.writeNumberField("cells", z.cells());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberField("maxT", r.summary().maxT());
                g.writeEndObject();
                g.flush();
            });
        }
    }

    /** GET /api/v1/openapi.json: the hand-written OpenAPI 3.1 document beside this class. */
    private static void openApi(Context ctx) throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
            ctx.contentType("application/json");
            ctx.result(in.readAllBytes());
        }
    }

    private static String existingTable(WorkspaceStore store, String table) {
        if (table == null || table.isBlank()) {
            throw new InvalidContentException("table: required (tables: " + store.intervalTables() + ")");
        }
        if (!store.intervalTables().contains(table)) {
            throw ApiException.notFound("table: no interval table '" + table + "' (tables: " + store.intervalTables()
                    + ")");
        }
        return table;
    }

    private static double number(String name, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidContentException(name + ": '" + text + "' is not a finite number");
    }

    private static JsonNode readJson(Context ctx) {
        try {
            JsonNode n = JSON.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new InvalidContentException("request body: expected a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new InvalidContentException("request body: not JSON: " + e.getOriginalMessage());
        }
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the response body straight to the client as it is produced. */
    private static void stream(Context ctx, String contentType, Body body) {
        ctx.contentType(contentType);
        try {
            OutputStream out = new BufferedOutputStream(ctx.outputStream(), 1 << 16);
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
