package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** V9: what the application's database role may do (every function but migrate logs in as billing_app in AWS). */
@QuarkusTest
class DatabaseRolesTest {
    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "billing_app on {0}: {1} -> {2}")
    @CsvSource({
        "account,               SELECT,   true",
        "account,               UPDATE,   true",
        "purchase,              INSERT,   true",
        "purchase,              UPDATE,   true",
        "sub_account,           DELETE,   true",
        "outbox_event,          INSERT,   true",
        "invoice,               SELECT,   true",
        "invoice,               INSERT,   true",
        "invoice,               UPDATE,   false",
        "invoice,               DELETE,   false",
        "invoice_line,          INSERT,   true",
        "invoice_line,          UPDATE,   false",
        "invoice_line,          DELETE,   false",
        "payment_event,         INSERT,   true",
        "payment_event,         UPDATE,   false",
        "payment_event,         DELETE,   false",
        "account,               TRUNCATE, false",
        "purchase,              TRIGGER,  false",
        "flyway_schema_history, SELECT,   false",
        "flyway_schema_history, INSERT,   false",
    })
    void the_application_role_writes_rows_but_never_rewrites_the_ledger(String table, String privilege, boolean held)
            throws SQLException {
        assertThat(has("select has_table_privilege('billing_app', ?, ?)", table, privilege))
                .isEqualTo(held);
    }

    @ParameterizedTest(name = "billing_app: {0} on the schema -> {1}")
    @CsvSource({"USAGE, true", "CREATE, false"})
    void the_application_role_changes_no_schema(String privilege, boolean held) throws SQLException {
        assertThat(has("select has_schema_privilege('billing_app', ?, ?)", "public", privilege))
                .isEqualTo(held);
    }

    private boolean has(String sql, String object, String privilege) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, object);
            query.setString(2, privilege);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
