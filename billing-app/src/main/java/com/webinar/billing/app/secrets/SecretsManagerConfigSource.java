package com.webinar.billing.app.secrets;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Secrets in AWS: Terraform gives each function the ARNs of the secrets it may read ({@code STRIPE_SECRET_ARN},
 * {@code WEBHOOK_SECRET_ARN}), never their values. This source reads them when asked — the Stripe key and the
 * webhook secrets are read per call, so they are not in a SnapStart snapshot. The database's credentials are not
 * config: {@link DatabaseSecret} reads them for each new connection. Without those variables (local mode, tests)
 * it provides nothing.
 */
public class SecretsManagerConfigSource implements ConfigSource {
    /** Config property → the environment variable that holds the ARN of the secret that is its value. */
    private static final Map<String, String> SECRETS = Map.of(
            "billing.stripe.secret-key", "STRIPE_SECRET_ARN",
            "billing.webhook.secrets", "WEBHOOK_SECRET_ARN");

    private final Function<String, String> environment;
    private final AwsSecrets secrets;

    public SecretsManagerConfigSource() {
        this(System::getenv, AwsSecrets.inThisProcess());
    }

    SecretsManagerConfigSource(Function<String, String> environment, AwsSecrets secrets) {
        this.environment = environment;
        this.secrets = secrets;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String name) {
        String variable = SECRETS.get(name);
        String arn = variable == null ? null : AwsSecrets.arn(environment.apply(variable));
        return arn == null ? null : secrets.secret(arn);
    }

    @Override
    public int getOrdinal() {
        // above the packaged defaults, below explicit environment variables (which win for a quick override)
        return 275;
    }

    @Override
    public String getName() {
        return "aws-secrets-manager";
    }
}
