package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.secrets.KeptSecrets;
import com.webinar.billing.app.snapstart.SnapshotPriming;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming (billing-app SnapshotPriming, run by Lambda before it takes the snapshot): every function's
 * request path runs once, and then the snapshot may hold no database connection, and no billing data has changed.
 * Seen from outside the application: a connection of its own to PostgreSQL, which tells the pool's connections
 * by their application_name.
 */
@QuarkusTest
class SnapshotPrimingTest {
    @Inject
    SnapshotPriming priming;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void priming_runs_every_primer_and_every_function_refuses_its_request_before_any_use_case() {
        Map<String, String> outcomes = priming.prime();

        assertThat(outcomes)
                .containsKeys("HttpPriming", "DatabasePriming", "WritePriming", "OutboxPriming", "SecretsPriming")
                .allSatisfy((primer, outcome) -> assertThat(outcome).doesNotStartWith("failed"));
        assertThat(outcomes.get("HttpPriming").split(", "))
                .as("local mode's dev functions are no Lambda's: not primed")
                .containsExactlyInAnyOrder(
                        "401 from /account-sync",
                        "401 from /quote",
                        "401 from /purchase",
                        "401 from /billing-details",
                        "401 from /invoices",
                        "401 from /pay-past-due",
                        "401 from /entitlements",
                        "401 from /cancel",
                        "401 from /subaccount-create",
                        "401 from /subaccount-delete",
                        "401 from /subaccounts",
                        "400 from /payment-webhook");
    }

    @Test
    void priming_leaves_no_pooled_connection_open_and_no_secret_kept() throws SQLException {
        try (Connection pooled = dataSource.getConnection()) {
            pooled.createStatement().execute("select 1");
        }
        assertThat(connectionsOfTheApplication())
                .as("the pool keeps its idle connection")
                .isPositive();

        priming.prime();

        assertThat(connectionsOfTheApplication()).isZero();
        assertThat(KeptSecrets.count()).isZero();
    }

    @Test
    void priming_writes_nothing() throws SQLException {
        Map<String, String> before = everyTableAndSequence();

        priming.prime();

        assertThat(everyTableAndSequence()).isEqualTo(before);
    }

    @Test
    void the_write_path_is_primed_in_a_transaction_that_is_rolled_back_and_takes_no_sequence_number()
            throws SQLException {
        Map<String, String> before = everyTableAndSequence();
        String account =
                "snapstart priming " + ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);

        String outcome = priming.prime().get("WritePriming");

        assertThat(outcome)
                .startsWith(
                        "inserts, updates, a delete, the outbox's appends and 0 events marked published, rolled back")
                .contains("a read-only transaction committed, finding nothing");
        assertThat(rowsOf(account))
                .as("the account written to prime inserts and updates, and everything hanging from it")
                .isZero();
        assertThat(everyTableAndSequence())
                .as("no row, no invoice number, no sequence value")
                .isEqualTo(before)
                .containsKey("sequence payment_event_id_seq");
    }

    private static int rowsOf(String account) throws SQLException {
        try (Connection connection = observer();
                var query = connection.prepareStatement("select (select count(*) from account where id = ?)"
                        + " + (select count(*) from outbox_event where account_id = ?)"
                        + " + (select count(*) from invoice where account_id = ?)"
                        + " + (select count(*) from invoice_number_counter where year >= 9998)")) {
            query.setString(1, account);
            query.setString(2, account);
            query.setString(3, account);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static Connection observer() throws SQLException {
        var config = ConfigProvider.getConfig();
        Properties login = new Properties();
        login.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> login.setProperty("password", password));
        login.setProperty("ApplicationName", "snapshot-priming-test");
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), login);
    }

    private static int connectionsOfTheApplication() throws SQLException {
        String application = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        try (Connection connection = observer();
                var query = connection.prepareStatement(
                        "select count(*) from pg_stat_activity where datname = current_database() and application_name = ?")) {
            query.setString(1, application);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** Each table's rows (a digest of them in a fixed order) and each sequence's value. */
    private static Map<String, String> everyTableAndSequence() throws SQLException {
        Map<String, String> state = new TreeMap<>();
        try (Connection connection = observer();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result =
                    statement.executeQuery("select quote_ident(table_name) from information_schema.tables"
                            + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            assertThat(tables)
                    .contains(
                            "account",
                            "purchase",
                            "quote",
                            "outbox_event",
                            "invoice",
                            "payment_event",
                            "webhook_event");
            for (String table : tables) {
                try (ResultSet result =
                        statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text,"
                                + " ',' order by t::text)), '') from " + table + " t")) {
                    result.next();
                    state.put(table, result.getString(1));
                }
            }
            try (ResultSet result =
                    statement.executeQuery("select sequencename, coalesce(last_value, 0) from pg_sequences")) {
                while (result.next()) {
                    state.put("sequence " + result.getString(1), result.getString(2));
                }
            }
        }
        return state;
    }
}
