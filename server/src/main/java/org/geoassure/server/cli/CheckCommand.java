package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.geoassure.geodb.GeoDbException;
import org.geoassure.geodb.store.WorkspaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, description = {
    "Check the workspace's integrity: engine consistency, catalog, spatial indexes, bitemporal invariants, ingest log.",
    "Exit 0 when sound; 2 with one line per finding otherwise (or when the workspace cannot be opened)."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceArg ws;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> findings;
        try (WorkspaceStore store = ws.open()) {
            findings = store.check();
        } catch (GeoDbException e) {
            err.println("error: " + ws.path + ": cannot be checked: " + e.getMessage());
            return GeoAssureCli.BAD_INPUT;
        } catch (RuntimeException e) {
            // a damaged file can hold values no reader expects (e.g. an unparsable creation time): still a finding
            err.println("error: " + ws.path + ": cannot be checked: damaged beyond reading (" + e + ")");
            return GeoAssureCli.BAD_INPUT;
        }
        if (findings.isEmpty()) {
            out.println(ws.path + ": sound");
            return 0;
        }
        findings.forEach(out::println);
        err.println("error: " + ws.path + ": " + findings.size() + (findings.size() == 1 ? " finding" : " findings"));
        return GeoAssureCli.BAD_INPUT;
    }
}
