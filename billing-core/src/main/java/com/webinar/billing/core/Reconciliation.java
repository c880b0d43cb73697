package com.webinar.billing.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Compares what the payment provider charged with what our ledger records as paid, and names every difference.
 * It decides nothing else: nothing is corrected, a person reads the report.
 *
 * <p>A charge is matched to the ledger payment that carries its provider reference; a ledger payment recorded
 * without a reference is matched by the invoice the charge names. One ledger payment answers for one charge only,
 * so a second successful charge for an invoice is a charge not recorded.
 */
public final class Reconciliation {

    /** A payment the provider took (its status is succeeded). {@code invoiceId} is from its metadata, or null. */
    public record Charged(String reference, String invoiceId, long amountMinor, String currency) {}

    /** A payment our ledger records as succeeded. */
    public record Recorded(String invoiceId, String reference, long amountMinor, String currency) {}

    public enum Kind {
        /** The provider took money that our ledger does not record as paid. */
        CHARGED_NOT_RECORDED,
        /** Our ledger records a payment the provider did not take. */
        RECORDED_NOT_CHARGED,
        AMOUNT_DIFFERS,
        CURRENCY_DIFFERS
    }

    /** One difference: either side may be null (the side that has nothing). */
    public record Difference(Kind kind, Charged charged, Recorded recorded) {
        public Difference {
            Objects.requireNonNull(kind, "kind");
        }
    }

    private Reconciliation() {}

    /**
     * @param charged what the provider took in the window, and any charge fetched for a ledger payment of the window
     * @param recorded what the ledger records in the window, and the payments of the invoices the charges name
     */
    public static List<Difference> differences(List<Charged> charged, List<Recorded> recorded) {
        List<Difference> differences = new ArrayList<>();
        Set<Recorded> matched = new HashSet<>();
        for (Charged charge : charged) {
            Recorded match = recorded.stream()
                    .filter(r -> !matched.contains(r) && charge.reference().equals(r.reference()))
                    .findFirst()
                    .or(() -> recorded.stream()
                            .filter(r -> !matched.contains(r)
                                    && r.reference() == null
                                    && r.invoiceId().equals(charge.invoiceId()))
                            .findFirst())
                    .orElse(null);
            if (match == null) {
                differences.add(new Difference(Kind.CHARGED_NOT_RECORDED, charge, null));
                continue;
            }
            matched.add(match);
            if (!charge.currency()
                    .toUpperCase(Locale.ROOT)
                    .equals(match.currency().toUpperCase(Locale.ROOT))) {
                differences.add(new Difference(Kind.CURRENCY_DIFFERS, charge, match));
            } else if (charge.amountMinor() != match.amountMinor()) {
                differences.add(new Difference(Kind.AMOUNT_DIFFERS, charge, match));
            }
        }
        recorded.stream()
                .filter(r -> !matched.contains(r))
                .forEach(r -> differences.add(new Difference(Kind.RECORDED_NOT_CHARGED, null, r)));
        return differences;
    }
}
