package com.webinar.billing.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemResponsesTest {

    /** As Hibernate and Narayana hand them over: the database's error wrapped, or kept as a suppressed one. */
    private static Throwable failure(String sqlState, boolean suppressed) {
        SQLException database = new SQLException("ERROR: the database says no", sqlState);
        if (suppressed) {
            RuntimeException commit = new RuntimeException("commit failed");
            commit.addSuppressed(database);
            return new RuntimeException("function failed", commit);
        }
        return new RuntimeException("function failed", new RuntimeException("could not execute statement", database));
    }

    @ParameterizedTest(name = "SQLSTATE {0} (suppressed {1}) answers {2} {3}")
    @CsvSource({
        "22021, false, 400, invalid_request", // invalid byte sequence for encoding (a NUL byte)
        "22008, false, 400, invalid_request", // date out of range
        "22001, true,  400, invalid_request", // value too long, raised at commit
        "22P02, false, 400, invalid_request", // invalid text representation
        "08006, false, 503, unavailable",
        "40001, true,  503, unavailable",
        "23505, false, 500, internal_error", // a unique violation a use case did not expect is ours to fix
        "42703, false, 500, internal_error",
    })
    void database_errors_map_to_the_caller_the_retry_or_us(
            String sqlState, boolean suppressed, int status, String code) {
        Map<String, Object> problem = ProblemResponses.problemFor(failure(sqlState, suppressed), 500);

        assertThat(problem).containsEntry("status", status).containsEntry("code", code);
        assertThat(problem.get("detail").toString()).doesNotContain("the database says no");
    }

    /** Found by FaultInjectionTest: a database closed to new connections answered 500. */
    @org.junit.jupiter.api.Test
    void a_connection_the_pool_cannot_open_is_503_whatever_the_databases_reason() {
        SQLException closed =
                new SQLException("FATAL: database \"postgres\" is not currently accepting connections", "55000");
        Throwable failure = new RuntimeException(
                "function failed", new RuntimeException("Unable to acquire JDBC Connection [" + closed + "]", closed));

        assertThat(ProblemResponses.problemFor(failure, 500))
                .containsEntry("status", 503)
                .containsEntry("code", "unavailable");
        assertThat(ProblemResponses.problemFor(failure("55000", false), 500)).containsEntry("status", 500);
    }
}
