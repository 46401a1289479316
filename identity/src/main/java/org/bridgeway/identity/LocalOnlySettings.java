package org.bridgeway.identity;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The demo people (password "demo", each with a client of the same secret) and the demo web client
 * secret are published with the code, so they are for {@code ./bridgeway run} only, in
 * {@code application-local.yml}. Anywhere else the identity provider refuses to start with them or
 * without a web client secret of its own: before any bean exists, so nothing is seeded or stored.
 */
public class LocalOnlySettings implements EnvironmentPostProcessor, Ordered {

    static final String DEMO_WEB_CLIENT_SECRET = "demo-web-secret";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles("local")) {
            return;
        }
        if (environment.containsProperty("bridgeway.identity.demo-password") || environment.containsProperty("bridgeway.identity.users[0].username")) {
            throw new IllegalStateException("bridgeway.identity.demo-password and bridgeway.identity.users are the demo people, "
                    + "for the local profile only: outside it, sign people in with an identity provider of your own (Keycloak, Entra ID)");
        }
        String secret = environment.getProperty("bridgeway.identity.web-client-secret", "");
        if (secret.isBlank()) {
            throw new IllegalStateException("BRIDGEWAY_WEB_CLIENT_SECRET (bridgeway.identity.web-client-secret) must be set: "
                    + "the web server's client secret, the same in the web's settings");
        }
        if (secret.equals(DEMO_WEB_CLIENT_SECRET)) {
            throw new IllegalStateException("BRIDGEWAY_WEB_CLIENT_SECRET is the demo secret, published with the code: "
                    + "outside the local profile set a secret of your own");
        }
        // Tokens name their issuer; a missing one would quietly be localhost, and every token refused elsewhere.
        String issuer = environment.getProperty("spring.security.oauth2.authorizationserver.issuer", "").strip();
        if (!issuer.matches("https?://[^/\\s]+.*")) {
            throw new IllegalStateException("BRIDGEWAY_ISSUER (spring.security.oauth2.authorizationserver.issuer) must be set to an absolute http or https URL: "
                    + "the address the services and browsers reach this identity provider on");
        }
    }

    /** After the configuration files are read, so the profiles and their settings are known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
