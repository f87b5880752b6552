package org.geoassure.geodb.store.internal;

import java.nio.file.Path;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;

/**
 * Run in a child JVM by {@link SqliteCrashHarnessTest}: builds the second batch, opens the workspace, prints
 * {@code READY} and ingests; the parent kills it after a random delay.
 */
public final class CrashHarnessChild {
    private CrashHarnessChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        DrillholeBatch batch = SqliteCrashHarnessTest.secondBatch(Integer.parseInt(args[1]));
        try (WorkspaceStore ws = Workspaces.open(file)) {
            System.out.println("READY");
            System.out.flush();
            ws.ingest(batch);
        }
        System.out.println("FINISHED");
    }
}
