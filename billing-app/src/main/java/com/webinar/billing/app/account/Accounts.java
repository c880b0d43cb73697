package com.webinar.billing.app.account;

import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.AccountCalendar;
import com.webinar.billing.core.Cycle;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;

/** The caller's account and where it stands in its calendar today. */
@ApplicationScoped
public class Accounts {

    @Inject
    AccountRepository accounts;

    @Inject
    Clock clock;

    public AccountEntity of(Caller caller) {
        return accounts.findById(caller.accountId());
    }

    public AccountEntity lock(Caller caller) {
        return accounts.lock(caller.accountId()).orElseThrow();
    }

    public LocalDate today(AccountEntity account) {
        return AccountCalendar.today(clock, account.zone());
    }

    /**
     * The cycle today falls in, even when the renewal tick has not moved the stored cycle on yet (the cycles after
     * the stored one last the period a plan change scheduled).
     */
    public Cycle currentCycle(AccountEntity account) {
        return account.cycle().containing(today(account), account.nextPeriod());
    }
}
