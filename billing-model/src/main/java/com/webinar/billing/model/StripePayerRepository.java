package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The Stripe customer and saved payment method of an account ({@code account.stripe_customer_id} and
 * {@code account.stripe_payment_method_id}). The platform sets them; this system only reads them to charge
 * off-session.
 */
@ApplicationScoped
public class StripePayerRepository {

    public record StripePayer(String customerId, String paymentMethodId) {}

    @Inject
    EntityManager em;

    /** Empty when the account is unknown or has no customer or no payment method. */
    public Optional<StripePayer> of(String accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select stripe_customer_id, stripe_payment_method_id from account where id = ?1")
                .setParameter(1, accountId)
                .getResultList();
        return rows.stream()
                .filter(row -> row[0] != null && row[1] != null)
                .map(row -> new StripePayer((String) row[0], (String) row[1]))
                .findFirst();
    }
}
