package org.geoassure.postgis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.geoassure.geodb.store.WorkspaceStore;

/**
 * Run in a child JVM by {@link PostgisCrashTest}: builds the data of the writes, opens the workspace in schema
 * {@code args[1]} of cluster {@code args[0]} (connection named {@code args[2]} in {@code pg_stat_activity}), prints
 * {@code READY} and makes the writes of {@link PostgisCrashWorkload#STEPS}, printing {@code BEGIN i} before and
 * {@code STEP i <ms>} after each. With {@code pause} as {@code args[3]} it waits for a line on stdin after each write
 * (the parent takes the digest of each committed state); otherwise the parent kills it (SIGKILL) after a seeded
 * delay.
 */
public final class PostgisCrashChild {
    private PostgisCrashChild() {
    }

    public static void main(String[] args) throws IOException {
        Properties props = new Properties();
        props.setProperty("ApplicationName", args[2]);
        boolean pause = args.length > 3 && args[3].equals("pause");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var writes = PostgisCrashWorkload.writes();
        try (WorkspaceStore ws = PostgisWorkspaces.open(args[0], props, args[1])) {
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; i < writes.size(); i++) {
                System.out.println("BEGIN " + i);
                System.out.flush();
                long t0 = System.nanoTime();
                writes.get(i).accept(ws);
                System.out.println("STEP " + i + " " + (System.nanoTime() - t0) / 1_000_000);
                System.out.flush();
                if (pause && in.readLine() == null) {
                    return;
                }
            }
        }
        System.out.println("FINISHED");
    }
}
