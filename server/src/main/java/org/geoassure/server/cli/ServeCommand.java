package org.geoassure.server.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.geoassure.geodb.InvalidContentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the workspace over HTTP: the JSON API under /api/v1 (docs/server.md) and the 3D web viewer",
            "at /. Runs until stopped (Ctrl-C). Example: geoassure serve mine.gpkg --port 7070"})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Option(names = "--port", defaultValue = "7070", description = "TCP port; 0 for any free port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}, this machine only: there is no auth yet)")
    String host;

    @picocli.CommandLine.Option(names = "--allow-writes", description = "without --tokens: take monitoring readings "
            + "through POST /api/v1/readings from anyone (only on a trusted network)")
    boolean allowWrites;

    @picocli.CommandLine.Option(names = "--tokens", paramLabel = "FILE", description = "API tokens with roles, one per "
            + "line: ROLE SHA256 [NAME] (viewer, geologist, admin; the SHA-256 of the token in hex); every API request "
            + "then needs Authorization: Bearer TOKEN, and writes the geologist role")
    java.nio.file.Path tokenFile;

    @picocli.CommandLine.Option(names = "--anonymous-read", description = "with --tokens: requests without a token may "
            + "read (viewer role)")
    boolean anonymousRead;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "a site whose pages may call the API from a "
            + "browser, e.g. https://portal.mine.example (repeatable); default none: requests from other origins are "
            + "refused (403)")
    java.util.List<String> corsOrigins = new java.util.ArrayList<>();

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "4194304", description = "the largest request "
            + "body taken (default ${DEFAULT-VALUE}, 4 MiB); larger ones are refused with 413")
    long maxBody;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InvalidContentException("--port: must be 0..65535, got " + port);
        }
        try (var store = ws.open()) {
            store.info(); // fail now, not on the first request, when the workspace cannot be opened
        }
        ApiTokens tokens = tokenFile == null ? null : ApiTokens.read(tokenFile).withAnonymousRead(anonymousRead);
        if (tokenFile == null && anonymousRead) {
            throw new InvalidContentException("--anonymous-read: only with --tokens (without tokens every read is open)");
        }
        for (String o : corsOrigins) {
            if (!o.matches("https?://[^/\\s?#*]+")) {
                throw new InvalidContentException("--cors-origin: '" + o + "' is not an origin (scheme://host[:port], "
                        + "no path, no wildcard)");
            }
        }
        if (maxBody < 1) {
            throw new InvalidContentException("--max-body: must be at least 1 byte, got " + maxBody);
        }
        ApiServer server = ApiServer.start(ws::open, host, port, new ApiServer.Options(allowWrites, tokens,
                corsOrigins, maxBody));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "geoassure-serve-stop"));
        spec.commandLine().getOut().printf("serving %s at http://%s:%d/ (API: /api/v1, Ctrl-C to stop)%n", ws.path,
                host.contains(":") ? "[" + host + "]" : host, server.port());
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
