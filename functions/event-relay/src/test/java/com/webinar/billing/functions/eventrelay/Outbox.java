package com.webinar.billing.functions.eventrelay;

import com.webinar.billing.dev.Sql;
import com.webinar.billing.model.OutboxRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the relay's tests write into the outbox and read back, on the real database. */
@ApplicationScoped
class Outbox {

    @Inject
    OutboxRepository outbox;

    @Inject
    AgroalDataSource dataSource;

    /** A new account with {@code events} events committed, occurred at {@code occurredAt}. */
    String accountWith(int events, Instant occurredAt) {
        String account = "acct-" + UUID.randomUUID();
        execute(
                "insert into account (id, plan, billing_period, cycle_start, currency, time_zone, cycle_turns_at,"
                        + " created_at, updated_at) values (?, 'LIVE', 'MONTHLY', (now() at time zone 'UTC')::date, 'EUR', 'UTC',"
                        + " now() + interval '30 days', now(), now())",
                account);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i <= events; i++) {
                outbox.append(account, "addon.purchased", "{\"n\":" + i + "}", occurredAt);
            }
        });
        return account;
    }

    /** The sequence numbers of the account's published events. */
    List<Long> publishedOf(String account) {
        return new Sql(dataSource)
                .numbers(
                        "select sequence from outbox_event"
                                + " where account_id = ? and published_at is not null order by sequence",
                        account);
    }

    void execute(String sql, Object... params) {
        new Sql(dataSource).execute(sql, params);
    }
}
