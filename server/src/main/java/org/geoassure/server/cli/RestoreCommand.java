package org.geoassure.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.store.Workspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true, description = {
    "Restore a backup written by 'geoassure backup' to a workspace path.",
    "The backup is checked first ('geoassure check' must find nothing), then moved into place in one rename.",
    "A pg_dump backup restores to a PostGIS locator WS naming the dumped schema (pg_restore on the PATH)."})
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "backup file")
    Path file;

    @Parameters(index = "1", paramLabel = "WS", description = "workspace to write: a GeoPackage file, or a PostGIS locator for a pg_dump backup")
    Path ws;

    @Option(names = "--force", description = "replace an existing workspace at WS (nothing may have it open)")
    boolean force;

    @Override
    public Integer call() {
        if (Files.isRegularFile(file) && PgDumps.isDump(file)) {
            if (!PostgisLocation.isLocator(ws)) {
                throw new InvalidContentException(ws + ": a pg_dump backup restores to a PostGIS workspace locator "
                        + "(written by 'init --store postgis'), not to a GeoPackage");
            }
            List<String> findings = PgDumps.restore(file, PostgisLocation.read(ws), force);
            if (!findings.isEmpty()) {
                findings.forEach(spec.commandLine().getOut()::println);
                throw new InvalidContentException(ws + ": restored, but the check finds " + findings.size() + " problem(s)");
            }
            spec.commandLine().getOut().println("restored " + file + " to " + ws);
            return 0;
        }
        try {
            Workspaces.restore(file, ws, force);
        } catch (StorageException e) {
            // a damaged file or an I/O failure: bad input for this command, reported without a stack trace
            throw new InvalidContentException(e.getMessage());
        }
        spec.commandLine().getOut().println("restored " + file + " to " + ws);
        return 0;
    }
}
