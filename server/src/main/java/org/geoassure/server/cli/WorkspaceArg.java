package org.geoassure.server.cli;

import java.nio.file.Path;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import picocli.CommandLine.Parameters;

/** The workspace file argument shared by commands. */
final class WorkspaceArg {
    @Parameters(index = "0", paramLabel = "WS", description = "workspace file (a GeoPackage, e.g. mine.gpkg)")
    Path path;

    WorkspaceStore open() {
        return Workspaces.open(path);
    }
}
