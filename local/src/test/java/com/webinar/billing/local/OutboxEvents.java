package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.LongStream;

/** An account's outbox rows as a consumer would read them: the envelope's fields, {@code data} parsed. */
@ApplicationScoped
public class OutboxEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Event(long sequence, String type, JsonNode data, String occurredAt) {}

    @Inject
    SubAccountSteps steps;

    @Inject
    Api api;

    /** Every event of the account in sequence order. */
    public List<Event> of(Api.Account account) {
        return steps
                .rows(
                        "select sequence, type, payload::text, to_char(created_at at time zone 'UTC',"
                                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from outbox_event where account_id = ?"
                                + " order by sequence",
                        account.id())
                .stream()
                .map(row -> new Event(Long.parseLong(row.get(0)), row.get(1), parse(row.get(2)), row.get(3)))
                .toList();
    }

    public List<String> typesOf(Api.Account account) {
        return of(account).stream().map(Event::type).toList();
    }

    /** The events appended after the account's first {@code skip}. */
    public List<Event> after(Api.Account account, int skip) {
        List<Event> all = of(account);
        return all.subList(Math.min(skip, all.size()), all.size());
    }

    /** The one event of this type; fails unless there is exactly one. */
    public Event only(Api.Account account, String type) {
        List<Event> found =
                of(account).stream().filter(e -> e.type().equals(type)).toList();
        assertThat(found).as(type + " events of " + account.id()).hasSize(1);
        return found.get(0);
    }

    /** 1..n with no gap and no repeat, and the account's counter at n: what a consumer relies on. */
    public void assertGapless(Api.Account account) {
        List<Long> sequences = of(account).stream().map(Event::sequence).toList();
        assertThat(sequences)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, sequences.size()).boxed().toList());
        assertThat(api.count("select last_event_sequence from account where id = ?", account.id()))
                .isEqualTo(sequences.size());
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
