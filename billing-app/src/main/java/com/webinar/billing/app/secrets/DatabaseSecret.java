package com.webinar.billing.app.secrets;

import io.quarkus.arc.Unremovable;
import io.quarkus.credentials.CredentialsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The database user and password, from the secret that {@code DB_SECRET_ARN} names, read each time the pool opens
 * a connection (Terraform sets {@code quarkus.datasource.credentials-provider-name} to this bean). Not during init:
 * so they are not in a SnapStart snapshot, and a rotated password is used within five minutes, without a new
 * deployment.
 */
@ApplicationScoped
@Named(DatabaseSecret.NAME)
@Unremovable
public class DatabaseSecret implements CredentialsProvider {
    public static final String NAME = "database-secret";

    private final Function<String, String> environment;
    private final AwsSecrets secrets;

    /** The variable is read as config, which includes the environment: tests can set it as a property. */
    public DatabaseSecret() {
        this(
                name -> ConfigProvider.getConfig()
                        .getOptionalValue(name, String.class)
                        .orElse(null),
                AwsSecrets.inThisProcess());
    }

    DatabaseSecret(Function<String, String> environment, AwsSecrets secrets) {
        this.environment = environment;
        this.secrets = secrets;
    }

    @Override
    public Map<String, String> getCredentials(String credentialsName) {
        String arn = AwsSecrets.arn(environment.apply("DB_SECRET_ARN"));
        if (arn == null) {
            throw new IllegalStateException(
                    "the datasource reads its credentials from " + NAME + ", but DB_SECRET_ARN is not set");
        }
        DatabaseLogin login = DatabaseLogin.of(arn, secrets.secret(arn));
        return Map.of(USER_PROPERTY_NAME, login.username(), PASSWORD_PROPERTY_NAME, login.password());
    }
}
