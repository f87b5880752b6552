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
        description = "Create an empty workspace (a GeoPackage file) in a horizontal CRS given by EPSG code.")
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

    @Override
    public Integer call() {
        String n = name != null ? name : ws.path.getFileName().toString().replaceFirst("\\.gpkg$", "");
        try (WorkspaceStore store = Workspaces.create(ws.path, WorkspaceInfo.of(n, crs, verticalDatum))) {
            spec.commandLine().getOut().printf("created workspace %s (%s, vertical datum %s)%n", ws.path,
                    store.info().crs(), store.info().verticalDatum());
        }
        return 0;
    }
}
