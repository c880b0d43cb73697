package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The envelope's {@code type} of every event is the name the platform subscribes to (docs/events.md, "Catalog"). */
class BillingEventTypesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "AddOnPurchased,             addon.purchased",
        "AddOnPurchaseFailed,        addon.purchase_failed",
        "AddOnCancellationScheduled, addon.cancellation_scheduled",
        "AddOnCancellationLifted,    addon.cancellation_lifted",
        "AddOnEnded,                 addon.ended",
        "RenewalPaid,                renewal.paid",
        "RenewalPaymentFailed,       renewal.payment_failed",
        "PaymentActionRequired,      payment.action_required",
        "SubAccountCreated,          subaccount.created",
        "SubAccountDeleted,          subaccount.deleted",
        "SubAccountErased,           subaccount.erased",
        "EntitlementsChanged,        entitlements.changed"
    })
    void each_event_announces_its_catalog_type(String record, String type) throws Exception {
        assertThat(sample(Class.forName(BillingEvent.class.getName() + "$" + record))
                        .type())
                .isEqualTo(type);
    }

    @Test
    void the_table_above_names_every_event() {
        assertThat(BillingEvent.class.getPermittedSubclasses()).hasSize(12);
    }

    /** An instance of an event record, every component a plain value of its type. */
    private static BillingEvent sample(Class<?> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> constructor = record.getDeclaredConstructor(types);
        Object[] values =
                Arrays.stream(types).map(BillingEventTypesTest::valueOf).toArray();
        return (BillingEvent) constructor.newInstance(values);
    }

    private static Object valueOf(Class<?> type) {
        if (type == String.class) return "acct-1";
        if (type == UUID.class) return UUID.randomUUID();
        if (type == int.class) return 1;
        if (type == long.class) return 1L;
        if (type == Money.class) return Money.of(100, "EUR");
        if (type == LocalDate.class) return LocalDate.of(2026, 1, 10);
        if (type == Instant.class) return Instant.parse("2026-01-10T00:00:00Z");
        if (type == List.class) return List.of();
        if (type.isEnum()) return type.getEnumConstants()[0];
        if (type == SeatCount.class) return new SeatCount(1, 0, 1);
        throw new IllegalArgumentException("no sample value for " + type);
    }
}
