package org.geoassure.server.cli;

import java.util.concurrent.Callable;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create an empty workspace in a horizontal CRS given by EPSG code: a GeoPackage file, or "
            + "(--store postgis) a schema in a PostgreSQL + PostGIS database with WS as its locator file.",
            "PostGIS credentials come from PGUSER/PGPASSWORD, --credentials FILE or ~/.pgpass, never the URL."})
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Option(names = "--crs", required = true, paramLabel = "EPSG:nnnn",
            description = "horizontal CRS, e.g. EPSG:4529 (CGCS2000 / 3-degree Gauss-Kruger zone 41)")
    String crs;

    @Option(names = "--vertical-datum", defaultValue = "unspecified", description = "name of the vertical datum of z")
    String verticalDatum;

    @Option(names = "--name", description = "workspace name (default: the file name)")
    String name;

    @Option(names = "--store", defaultValue = "gpkg", paramLabel = "gpkg|postgis",
            description = "engine: gpkg (embedded GeoPackage file, default) or postgis")
    String store;

    @Option(names = "--url", paramLabel = "jdbc:postgresql://host:port/db",
            description = "PostGIS database (with --store postgis), without a password")
    String url;

    @Option(names = "--schema", description = "PostGIS schema of the workspace (default: from the WS file name)")
    String schema;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "PostGIS credentials file (user=..., password=...), remembered by path in the locator")
    java.nio.file.Path credentials;

    @Override
    public Integer call() {
        if ("postgis".equals(store)) {
            return initPostgis();
        }
        if (!"gpkg".equals(store)) {
            throw new org.geoassure.geodb.InvalidContentException("--store: expected gpkg or postgis, got '" + store + "'");
        }
        if (url != null || schema != null || credentials != null) {
            throw new org.geoassure.geodb.InvalidContentException("--url, --schema and --credentials need --store postgis");
        }
        String n = name != null ? name : ws.path.getFileName().toString().replaceFirst("\\.gpkg$", "");
        try (WorkspaceStore store = Workspaces.create(ws.path, WorkspaceInfo.of(n, crs, verticalDatum))) {
            spec.commandLine().getOut().printf("created workspace %s (%s, vertical datum %s)%n", ws.path,
                    store.info().crs(), store.info().verticalDatum());
        }
        return 0;
    }

    private int initPostgis() {
        if (url == null) {
            throw new org.geoassure.geodb.InvalidContentException("--store postgis needs --url jdbc:postgresql://host:port/db");
        }
        if (java.nio.file.Files.exists(ws.path)) {
            throw new org.geoassure.geodb.InvalidContentException(ws.path + ": a file already exists there; choose a new "
                    + "locator path");
        }
        String base = ws.path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String s = schema != null ? schema : base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_]", "_");
        PostgisLocation loc = new PostgisLocation(url, s, credentials);
        String n = name != null ? name : base;
        try (WorkspaceStore st = org.geoassure.postgis.PostgisWorkspaces.create(url, loc.credentials(System.getenv()), s,
                WorkspaceInfo.of(n, crs, verticalDatum))) {
            loc.write(ws.path);
            spec.commandLine().getOut().printf("created workspace %s in PostGIS schema %s (%s, vertical datum %s)%n",
                    ws.path, s, st.info().crs(), st.info().verticalDatum());
        }
        return 0;
    }
}
