package org.geoassure.server.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.geoassure.geodb.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's pooled stores and its GLB scene cache: a scene is made once per workspace version and answered with
 * an entity tag (304 when the client has it); an ingest makes a new version, so the next request gets a new scene;
 * stores are reused between requests, and 40 requests at once never open more than {@link ApiServer#POOLED_STORES}.
 */
class ApiCacheTest {
    @TempDir
    Path dir;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<byte[]> get(ApiServer server, String path, String etag) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aSceneIsMadeOncePerWorkspaceVersion() throws Exception {
        Path ws = dir.resolve("demo1.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4547").code());
        assertEquals(0, CliTest.ingestDemo1(ws).code());
        String path = "/api/v1/gltf?table=assays&colorBy=Au&radius=0.5";
        try (ApiServer server = ApiServer.start(() -> Workspaces.open(ws), "127.0.0.1", 0)) {
            HttpResponse<byte[]> first = get(server, path, null);
            assertEquals(200, first.statusCode());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> second = get(server, path, null);
            assertArrayEquals(first.body(), second.body());
            assertEquals(etag, second.headers().firstValue("ETag").orElseThrow());
            assertArrayEquals(new long[] {1, 1}, server.sceneCacheCounts(), "hits, misses");

            HttpResponse<byte[]> notModified = get(server, path, etag);
            assertEquals(304, notModified.statusCode());
            assertEquals(0, notModified.body().length);
            // another request is another scene
            HttpResponse<byte[]> other = get(server, "/api/v1/gltf?table=assays&colorBy=Au&radius=0.25", etag);
            assertEquals(200, other.statusCode());
            assertNotEquals(etag, other.headers().firstValue("ETag").orElseThrow());
            // bad input is still refused, and not cached
            assertEquals(400, get(server, "/api/v1/gltf?table=assays&colorBy=Zn", null).statusCode());
            assertEquals(400, get(server, "/api/v1/gltf?table=assays&colorBy=Zn", null).statusCode());

            // an ingest (here the same collars again: unchanged holes, but an ingest) is a new version
            assertEquals(0, CliTest.ingestDemo1(ws).code());
            HttpResponse<byte[]> after = get(server, path, etag);
            assertEquals(200, after.statusCode(), "the old tag no longer matches");
            assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
            assertArrayEquals(first.body(), after.body(), "the same holes give the same scene");
        }
    }

    @Test
    void storesAreReusedAndBounded() throws Exception {
        Path ws = dir.resolve("demo1.gpkg");
        assertEquals(0, CliTest.run("init", ws.toString(), "--crs", "EPSG:4547").code());
        assertEquals(0, CliTest.ingestDemo1(ws).code());
        int[] opened = {0};
        try (ApiServer server = ApiServer.start(() -> {
            synchronized (opened) {
                opened[0]++;
            }
            return Workspaces.open(ws);
        }, "127.0.0.1", 0)) {
            for (int i = 0; i < 20; i++) {
                assertEquals(200, get(server, "/api/v1/workspace", null).statusCode());
            }
            assertEquals(1, opened[0], "sequential requests share one store");
            ExecutorService pool = Executors.newFixedThreadPool(40);
            try {
                List<Future<Integer>> all = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    all.add(pool.submit(() -> get(server, "/api/v1/workspace", null).statusCode()));
                }
                for (Future<Integer> f : all) {
                    assertEquals(200, f.get());
                }
            } finally {
                pool.shutdown();
            }
            assertTrue(server.idleStores() >= 1 && server.idleStores() <= ApiServer.POOLED_STORES,
                    "idle stores " + server.idleStores());
            assertTrue(opened[0] <= ApiServer.POOLED_STORES, "never more stores than the pool lends at once, opened "
                    + opened[0]);
        }
    }
}
