package com.webinar.billing.app.snapstart;

import com.webinar.billing.app.secrets.KeptSecrets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * SnapStart priming: when Lambda initialises a function to take its snapshot ({@code
 * AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), the runtime calls {@link #beforeCheckpoint} once the function's init is
 * over, and this runs every {@link Primer} of the function: its real request path, once, writing nothing. Then it
 * closes every pooled database connection and forgets the secrets read meanwhile, so the snapshot holds neither.
 * On an ordinary init (on-demand, provisioned concurrency, local mode, tests) nothing is registered and nothing runs.
 *
 * <p>A primer that fails is logged and skipped: priming only saves time, a snapshot without it still works.
 */
@ApplicationScoped
public class SnapshotPriming implements Resource {
    private static final Logger LOG = Logger.getLogger(SnapshotPriming.class);
    static final String SNAP_START = "snap-start";

    @Inject
    Instance<Primer> primers;

    @Inject
    AgroalDataSource dataSource;

    void register(
            @Observes StartupEvent startup,
            @ConfigProperty(name = "AWS_LAMBDA_INITIALIZATION_TYPE", defaultValue = "on-demand") String init) {
        if (SNAP_START.equals(init)) {
            // the runtime's CRaC context holds resources weakly: this application-scoped bean outlives it
            Core.getGlobalContext().register(this);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        LOG.infof("primed for the snapshot: %s", prime());
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to reopen: the pool connects and secrets are read on first use
    }

    /** Every primer's outcome, by primer; afterwards no pooled connection is open and no secret is kept. */
    public Map<String, String> prime() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        try {
            for (Primer primer : primers) {
                String name = primer.getClass().getSimpleName().replaceAll("_Subclass$|_ClientProxy$", "");
                try {
                    outcomes.put(name, primer.prime());
                } catch (RuntimeException e) {
                    LOG.warnf(e, "priming %s failed: the first request after a restore will pay for it", name);
                    outcomes.put(name, "failed: " + e);
                }
            }
        } finally {
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
            KeptSecrets.forget();
        }
        return outcomes;
    }
}
