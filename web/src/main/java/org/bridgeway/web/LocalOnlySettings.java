package org.bridgeway.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The demo client secret is published with the code, so it is for {@code ./bridgeway run} only, in
 * {@code application-local.yml}. Anywhere else the web refuses to start with it or with none.
 */
public class LocalOnlySettings implements EnvironmentPostProcessor, Ordered {

    private static final String SECRET = "spring.security.oauth2.client.registration.bridgeway.client-secret";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles("local")) {
            return;
        }
        String secret = environment.getProperty(SECRET, "");
        if (secret.isBlank()) {
            throw new IllegalStateException("BRIDGEWAY_WEB_CLIENT_SECRET (" + SECRET + ") must be set: "
                    + "the secret the identity provider gave the web's client");
        }
        if (secret.equals("demo-web-secret")) {
            throw new IllegalStateException("BRIDGEWAY_WEB_CLIENT_SECRET is the demo secret, published with the code: "
                    + "outside the local profile set a secret of your own");
        }
    }

    /** After the configuration files are read, so the profiles and their settings are known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
