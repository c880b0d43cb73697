package com.webinar.billing.app.secrets;

import com.webinar.billing.model.LoginRoles;
import java.util.function.Function;

/**
 * The database logins of a deployment, made to match their secrets: migrate runs this before Flyway, as the master
 * user ({@code DB_MASTER_SECRET_ARN}), so that billing_migrator ({@code DB_SECRET_ARN}, which migrate then logs in
 * as) and billing_app ({@code DB_APP_SECRET_ARN}) exist, may log in, and have the passwords Terraform generated into
 * their secrets. This reads the secrets; billing-model {@link LoginRoles} runs the statements. Migration V9 grants
 * them what they may do. Without the master secret's ARN (local mode, tests) it does nothing.
 */
public final class DatabaseLogins {
    private final Function<String, String> environment;
    private final AwsSecrets secrets;

    public DatabaseLogins() {
        this(System::getenv);
    }

    public DatabaseLogins(Function<String, String> environment) {
        this.environment = environment;
        this.secrets = AwsSecrets.inThisProcess();
    }

    /** True when it made the logins, false when there is no master secret to make them with. */
    public boolean ensure(String jdbcUrl) {
        String master = AwsSecrets.arn(environment.apply("DB_MASTER_SECRET_ARN"));
        if (master == null) {
            return false;
        }
        LoginRoles.ensure(
                jdbcUrl, login(master), login(required("DB_SECRET_ARN")), login(required("DB_APP_SECRET_ARN")));
        return true;
    }

    private String required(String variable) {
        String arn = AwsSecrets.arn(environment.apply(variable));
        if (arn == null) {
            throw new IllegalStateException("DB_MASTER_SECRET_ARN is set but " + variable + " is not");
        }
        return arn;
    }

    private LoginRoles.Login login(String arn) {
        DatabaseLogin login = DatabaseLogin.of(arn, secrets.secret(arn));
        return new LoginRoles.Login(login.username(), login.password());
    }
}
