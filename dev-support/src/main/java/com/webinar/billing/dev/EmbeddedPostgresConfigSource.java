package com.webinar.billing.dev;

import io.quarkus.runtime.LaunchMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL in dev and test mode, so that neither a developer nor CI
 * installs a database. Started on first use, once per JVM, and never in a packaged Lambda (this module is
 * a provided-scope dependency there).
 */
public class EmbeddedPostgresConfigSource implements ConfigSource {
    private static final String URL_PROPERTY = "billing.dev.embedded-postgres.url";
    /**
     * {@code -Dbilling.dev.embedded-postgres.server.<setting>=<value>} sets a server setting at start, e.g.
     * {@code shared_preload_libraries=pg_stat_statements} or {@code max_wal_size=4GB} for a benchmark.
     */
    private static final String SERVER_SETTING = "billing.dev.embedded-postgres.server.";

    private static final Set<String> KEYS =
            Set.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password");

    @Override
    public Set<String> getPropertyNames() {
        return active() ? KEYS : Set.of();
    }

    @Override
    public String getValue(String name) {
        if (!KEYS.contains(name) || !active()) {
            return null;
        }
        return switch (name) {
            case "quarkus.datasource.jdbc.url" -> jdbcUrl();
            default -> "postgres";
        };
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public int getOrdinal() {
        // below application.properties (250), so an explicit URL there or in the environment wins
        return 200;
    }

    @Override
    public String getName() {
        return "embedded-postgres";
    }

    private static boolean active() {
        LaunchMode mode = LaunchMode.current();
        return (mode == LaunchMode.DEVELOPMENT || mode == LaunchMode.TEST)
                && !"false".equals(System.getProperty("billing.dev.embedded-postgres"));
    }

    /** A system property, not a static field: dev mode's live reload drops static state, not the database. */
    public static synchronized String jdbcUrl() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            url = start();
            System.setProperty(URL_PROPERTY, url);
        }
        return url;
    }

    private static String start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off");
            System.getProperties().stringPropertyNames().stream()
                    .filter(name -> name.startsWith(SERVER_SETTING))
                    .forEach(name ->
                            builder.setServerConfig(name.substring(SERVER_SETTING.length()), System.getProperty(name)));
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp directory goes with the OS
                }
            }));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }
}
