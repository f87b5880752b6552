package org.geoassure.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.geoassure.geodb.GeoDbException;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceCopy;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.postgis.PostgisWorkspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code geoassure copy SRC DST}: a workspace into a new one on either engine, history included
 * ({@link WorkspaceCopy}). DST is created here with SRC's name, CRS, vertical datum and creation time; if anything
 * fails, it is removed again (file, or schema and locator), so a failed copy leaves nothing behind.
 */
@Command(name = "copy", mixinStandardHelpOptions = true, description = {
    "Copy a workspace into a new one, history included: every version, record time and ingest keeps its id.",
    "SRC is a GeoPackage workspace or a PostGIS locator; DST is created like 'init' does (a GeoPackage file, or with",
    "--store postgis a new schema and DST as its locator). Both are read back and compared row by row at the end."})
final class CopyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SRC", description = "the workspace to copy (GeoPackage file or PostGIS locator)")
    Path source;

    @Parameters(index = "1", paramLabel = "DST", description = "the new workspace: a GeoPackage file, or with --store "
            + "postgis the locator file to write; must not exist")
    Path target;

    @Option(names = "--store", defaultValue = "gpkg", paramLabel = "gpkg|postgis",
            description = "engine of DST: gpkg (default) or postgis")
    String store;

    @Option(names = "--url", paramLabel = "jdbc:postgresql://host:port/db",
            description = "PostGIS database of DST (with --store postgis), without a password")
    String url;

    @Option(names = "--schema", description = "PostGIS schema of DST (default: from the DST file name)")
    String schema;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "PostGIS credentials file (user=..., password=...), remembered by path in the locator")
    Path credentials;

    @Override
    public Integer call() {
        boolean postgis = "postgis".equals(store);
        if (!postgis && !"gpkg".equals(store)) {
            throw new InvalidContentException("--store: expected gpkg or postgis, got '" + store + "'");
        }
        if (!postgis && (url != null || schema != null || credentials != null)) {
            throw new InvalidContentException("--url, --schema and --credentials need --store postgis");
        }
        if (postgis && url == null) {
            throw new InvalidContentException("--store postgis needs --url jdbc:postgresql://host:port/db");
        }
        if (Files.exists(target)) {
            throw new InvalidContentException(target + ": a file already exists there; a copy goes to a new workspace");
        }
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        try (WorkspaceStore src = WorkspaceArg.open(source)) {
            List<String> findings = src.check();
            if (!findings.isEmpty()) {
                throw new InvalidContentException(source + ": fails its integrity check, so it is not copied (repair "
                        + "it or restore a backup first): " + String.join("; ", findings));
            }
            WorkspaceInfo info = src.info();
            PostgisLocation loc = null;
            WorkspaceStore dst;
            if (postgis) {
                String base = target.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                String s = schema != null ? schema
                        : base.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_]", "_");
                loc = new PostgisLocation(url, s, credentials);
                dst = PostgisWorkspaces.create(url, loc.credentials(System.getenv()), s, info);
            } else {
                dst = Workspaces.create(target, info);
            }
            WorkspaceCopy.Result r;
            try (dst) {
                r = WorkspaceCopy.copy(src, dst);
                if (loc != null) {
                    loc.write(target);
                }
            } catch (StorageException e) {
                remove(loc);
                // reported as the commands that move whole workspaces (backup, restore) do: with the paths, exit 2
                throw new InvalidContentException(e.getMessage());
            } catch (RuntimeException e) {
                remove(loc);
                throw e;
            }
            for (var e : r.rows().entrySet()) {
                if (e.getValue() > 0) {
                    out.printf("  %-28s %,12d rows%n", e.getKey(), e.getValue());
                }
            }
            out.printf("copied %s to %s%s: %,d rows in %.1f s; both read back alike (digest %s)%n", source, target,
                    loc == null ? "" : " (PostGIS schema " + loc.schema() + ")", r.total(),
                    (System.nanoTime() - start) / 1e9, r.digest().substring(0, 16));
        }
        return 0;
    }

    /** Removes the half-made target: the GeoPackage file with its log, or the schema. */
    private void remove(PostgisLocation loc) {
        try {
            if (loc != null) {
                PostgisWorkspaces.drop(loc.url(), loc.credentials(System.getenv()), loc.schema());
                Files.deleteIfExists(target);
            } else {
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(target.resolveSibling(target.getFileName() + suffix));
                }
            }
        } catch (IOException | GeoDbException e) {
            spec.commandLine().getErr().println("could not remove the unfinished copy " + target + ": " + e.getMessage());
        }
    }
}
