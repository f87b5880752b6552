package org.geoassure.geodb.store.internal;

import java.nio.file.Path;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;

/**
 * Run in a child JVM by {@link SqliteCrashHarnessTest}: builds the second batch (or, with {@code model}, the next
 * version of the block model), opens the workspace, prints {@code READY} and writes it; the parent kills it after a
 * random delay.
 */
public final class CrashHarnessChild {
    private CrashHarnessChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        if (args[1].equals("model")) {
            var data = SqliteCrashHarnessTest.model(2);
            try (WorkspaceStore ws = Workspaces.open(file)) {
                System.out.println("READY");
                System.out.flush();
                ((org.geoassure.geodb.store.BlockModelStore) ws).writeBlockModel(data, "re-estimated",
                        new org.geoassure.geodb.model.Provenance(java.util.List.of(), "crash", java.util.Map.of(),
                                java.util.List.of()));
            }
            System.out.println("FINISHED");
            return;
        }
        DrillholeBatch batch = SqliteCrashHarnessTest.secondBatch(Integer.parseInt(args[1]));
        try (WorkspaceStore ws = Workspaces.open(file)) {
            System.out.println("READY");
            System.out.flush();
            ws.ingest(batch);
        }
        System.out.println("FINISHED");
    }
}
