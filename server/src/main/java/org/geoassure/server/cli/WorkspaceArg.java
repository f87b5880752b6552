package org.geoassure.server.cli;

import java.nio.file.Path;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import picocli.CommandLine.Parameters;

/** The workspace argument shared by commands: a GeoPackage file, or the locator file of a PostGIS workspace. */
final class WorkspaceArg {
    @Parameters(index = "0", paramLabel = "WS", description = "workspace: a GeoPackage file (e.g. mine.gpkg), or the "
            + "locator file of a PostGIS workspace written by 'init --store postgis'")
    Path path;

    WorkspaceStore open() {
        return open(path);
    }

    /** Opens a GeoPackage file or the PostGIS workspace a locator file names. */
    static WorkspaceStore open(Path path) {
        if (PostgisLocation.isLocator(path)) {
            return PostgisLocation.read(path).open();
        }
        return Workspaces.open(path);
    }
}
