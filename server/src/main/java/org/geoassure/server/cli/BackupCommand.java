package org.geoassure.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.store.Workspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true, description = {
    "Back the workspace up to a new file (SQLite online backup: consistent while others read or write).",
    "The backup is itself a workspace file; put it back with 'geoassure restore'.",
    "A PostGIS workspace is dumped with pg_dump -Fc -n SCHEMA (pg_dump on the PATH)."})
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Parameters(index = "1", paramLabel = "FILE", description = "backup file to write; must not exist")
    Path file;

    @Override
    public Integer call() {
        if (PostgisLocation.isLocator(ws.path)) {
            PgDumps.dump(PostgisLocation.read(ws.path), file);
            spec.commandLine().getOut().println("backed up " + ws.path + " to " + file + " (pg_dump custom format)");
            return 0;
        }
        try {
            Workspaces.backup(ws.path, file);
        } catch (StorageException e) {
            // a damaged file or an I/O failure: bad input for this command, reported without a stack trace
            throw new InvalidContentException(e.getMessage());
        }
        spec.commandLine().getOut().println("backed up " + ws.path + " to " + file);
        return 0;
    }
}
