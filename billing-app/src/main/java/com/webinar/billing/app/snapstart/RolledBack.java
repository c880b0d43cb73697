package com.webinar.billing.app.snapstart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.function.Supplier;

/** Work in a transaction of its own that is always rolled back: what primers read, they cannot write. */
@ApplicationScoped
public class RolledBack {
    @Inject
    TransactionManager transactions;

    public <T> T call(Supplier<T> work) {
        try {
            transactions.begin();
        } catch (Exception e) {
            throw new IllegalStateException("no transaction to prime in: " + e, e);
        }
        try {
            return work.get();
        } finally {
            try {
                transactions.rollback();
            } catch (Exception e) {
                throw new IllegalStateException("the priming transaction did not roll back: " + e, e);
            }
        }
    }
}
