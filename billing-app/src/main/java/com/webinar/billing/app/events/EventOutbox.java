package com.webinar.billing.app.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.webinar.billing.core.BillingEvent;
import com.webinar.billing.core.BillingEvent.EntitlementsChanged;
import com.webinar.billing.core.Entitlements;
import com.webinar.billing.core.Grant;
import com.webinar.billing.core.Money;
import com.webinar.billing.model.AccountRepository;
import com.webinar.billing.model.AccountRepository.AnnouncedEntitlements;
import com.webinar.billing.model.OutboxRepository;
import com.webinar.billing.model.OutboxRepository.NewEvent;
import com.webinar.billing.model.PurchaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one place billing facts become outbox rows (docs/events.md). Every method runs in the caller's
 * transaction ({@code MANDATORY}): the event commits with the change it announces, or neither does. Each call
 * is a fixed number of statements whatever the number of events or accounts, so the renewal tick announces a
 * batch of 500 accounts without a round trip per row.
 *
 * <ul>
 *   <li>{@link #announce(BillingEvent, Instant)} / {@link #announceAll(List, Instant)}: appends the events in
 *       list order, each account's numbered after its last.
 *   <li>{@link #announceEntitlements(Collection, Instant)}: after a change that may alter what accounts are
 *       entitled to, appends {@code entitlements.changed} for those whose snapshot differs from the one they last
 *       announced, and records the new one. Call it after the facts it follows.
 * </ul>
 */
@ApplicationScoped
public class EventOutbox {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(Money.class, new MoneySerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    OutboxRepository outbox;

    @Inject
    AccountRepository accounts;

    @Inject
    PurchaseRepository purchases;

    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(BillingEvent event, Instant occurredAt) {
        announceAll(List.of(event), occurredAt);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announceAll(List<? extends BillingEvent> events, Instant occurredAt) {
        outbox.appendAll(events.stream()
                .map(e -> new NewEvent(e.accountId(), e.type(), dataOf(e), occurredAt))
                .toList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announceEntitlements(Collection<String> accountIds, Instant occurredAt) {
        if (accountIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(new TreeSet<>(accountIds));
        Map<String, List<Grant>> grants = purchases.grantingOf(ids).stream()
                .collect(Collectors.groupingBy(
                        PurchaseRepository.GrantRow::accountId,
                        Collectors.mapping(g -> new Grant(g.addOn(), g.quantity(), g.status()), Collectors.toList())));
        List<EntitlementsChanged> changed = new ArrayList<>();
        Map<String, String> snapshots = new LinkedHashMap<>();
        for (AnnouncedEntitlements account : accounts.announcedEntitlements(ids)) {
            Entitlements now = Entitlements.ofAccount(
                    grants.getOrDefault(account.accountId(), List.of()), account.subAccountsUsed());
            EntitlementsChanged.between(account.accountId(), parse(account.announcedJson()), now)
                    .ifPresent(event -> {
                        changed.add(event);
                        snapshots.put(account.accountId(), write(now));
                    });
        }
        accounts.setAnnouncedEntitlements(snapshots);
        announceAll(changed, occurredAt);
    }

    /** The envelope's {@code data}: the record's components but the account, which the envelope carries. */
    static String dataOf(BillingEvent event) {
        ObjectNode data = JSON.valueToTree(event);
        data.remove("accountId");
        return write(data);
    }

    private static Entitlements parse(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Entitlements.class);
        } catch (IOException e) {
            throw new IllegalStateException("announced_entitlements is not an entitlements snapshot: " + json, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"minor": 6000, "currency": "EUR"}}: amounts in minor units, never a decimal that could round. */
    private static final class MoneySerializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money money, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeNumberField("minor", money.minor());
            json.writeStringField("currency", money.currency().getCurrencyCode());
            json.writeEndObject();
        }
    }
}
