package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * V13: the rows the tick inserts set-based (renewal invoices, outbox events) get UUIDv7 ids, their first 48 bits the
 * server's time in ms, so that their indexes grow at one end (docs/benchmarks.md, "Levers tried").
 */
@QuarkusTest
class TimeOrderedIdsTest {

    @Inject
    Api api;

    @Inject
    RenewalTick tick;

    @Test
    void the_renewal_invoice_and_its_event_have_version_7_ids_that_begin_with_the_time_they_were_written() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 1);
        api.now(RenewalTickTest.TURN);
        long before = serverMillis();

        tick.run(TickBudget.of(Duration.ofMinutes(5)));

        long after = serverMillis();
        for (String sql : new String[] {
            "select id::text from invoice where account_id = ? and kind = 'RENEWAL'",
            "select id::text from outbox_event where account_id = ? and type = 'renewal.paid'"
        }) {
            UUID id = UUID.fromString(api.text(sql, account.id()));
            assertThat(id.version()).as(sql).isEqualTo(7);
            assertThat(id.variant()).as("RFC 9562's variant").isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).as(sql).isBetween(before, after);
        }
    }

    private long serverMillis() {
        return api.count("select (extract(epoch from clock_timestamp()) * 1000)::bigint");
    }
}
