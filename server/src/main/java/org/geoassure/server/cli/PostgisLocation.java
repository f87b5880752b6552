package org.geoassure.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.postgis.PostgisWorkspaces;

/**
 * A workspace kept in PostGIS, named on the command line by a small locator file (written by
 * {@code geoassure init WS --store postgis}) holding the JDBC URL and the schema, never credentials. Credentials come
 * from the environment ({@code PGUSER}, {@code PGPASSWORD}), from a credentials file ({@code user=}, {@code password=};
 * given to init with {@code --credentials FILE} or by {@code GEOASSURE_PG_CREDENTIALS}), or from the PostgreSQL
 * driver's own {@code ~/.pgpass} / {@code PGPASSFILE}.
 *
 * @param url JDBC URL without a password
 * @param schema workspace schema
 * @param credentialsFile credentials file, or null
 */
record PostgisLocation(String url, String schema, Path credentialsFile) {
    static final String HEADER = "# GeoAssure workspace on PostGIS";

    PostgisLocation {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new InvalidContentException("--url: expected jdbc:postgresql://host:port/database, got '" + url + "'");
        }
        if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            throw new InvalidContentException("--url: leave the password out of the URL (it would stay in the shell "
                    + "history and the locator file); use PGPASSWORD, --credentials FILE or ~/.pgpass");
        }
    }

    /** Whether {@code file} is a locator (a GeoPackage starts with "SQLite format 3"). */
    static boolean isLocator(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEADER.length());
            return new String(head, StandardCharsets.UTF_8).equals(HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    static PostgisLocation read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new InvalidContentException(file + ": cannot read the PostGIS workspace locator: " + e.getMessage());
        }
        if (!"postgis".equals(p.getProperty("store")) || p.getProperty("url") == null || p.getProperty("schema") == null) {
            throw new InvalidContentException(file + ": a PostGIS workspace locator needs store=postgis, url= and schema=");
        }
        String cred = p.getProperty("credentials");
        return new PostgisLocation(p.getProperty("url"), p.getProperty("schema"), cred == null ? null : Path.of(cred));
    }

    void write(Path file) {
        StringBuilder sb = new StringBuilder(HEADER).append(
                " (written by 'geoassure init'). Credentials: PGUSER/PGPASSWORD, the credentials file, or ~/.pgpass.\n");
        sb.append("store=postgis\n");
        sb.append("url=").append(escape(url)).append('\n');
        sb.append("schema=").append(escape(schema)).append('\n');
        if (credentialsFile != null) {
            sb.append("credentials=").append(escape(credentialsFile.toAbsolutePath().toString())).append('\n');
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            w.write(sb.toString());
        } catch (IOException e) {
            throw new InvalidContentException(file + ": cannot write the workspace locator: " + e.getMessage());
        }
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Connection properties: the credentials file, then PGUSER / PGPASSWORD from {@code env} over it. */
    Properties credentials(Map<String, String> env) {
        Properties out = new Properties();
        Path file = credentialsFile;
        if (file == null && env.get("GEOASSURE_PG_CREDENTIALS") != null) {
            file = Path.of(env.get("GEOASSURE_PG_CREDENTIALS"));
        }
        if (file != null) {
            Properties f = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                f.load(r);
            } catch (IOException e) {
                throw new InvalidContentException(file + ": cannot read the credentials file: " + e.getMessage());
            }
            for (String k : new String[] {"user", "password"}) {
                if (f.getProperty(k) != null) {
                    out.setProperty(k, f.getProperty(k));
                }
            }
        }
        if (env.get("PGUSER") != null) {
            out.setProperty("user", env.get("PGUSER"));
        }
        if (env.get("PGPASSWORD") != null) {
            out.setProperty("password", env.get("PGPASSWORD"));
        }
        return out;
    }

    WorkspaceStore open() {
        return PostgisWorkspaces.open(url, credentials(System.getenv()), schema);
    }
}
