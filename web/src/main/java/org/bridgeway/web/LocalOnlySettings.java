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
        // Without these the web would quietly sign people in and call the API on localhost.
        requireAbsoluteUrl(environment, "bridgeway.web.issuer", "BRIDGEWAY_ISSUER", "the identity provider's issuer, e.g. https://sso.example.org/realms/bridgeway");
        requireAbsoluteUrl(environment, "bridgeway.web.api-url", "BRIDGEWAY_GATEWAY_URL", "the gateway's address, e.g. http://gateway:8080");
    }

    private static void requireAbsoluteUrl(ConfigurableEnvironment environment, String property, String variable, String meaning) {
        String value = environment.getProperty(property, "").strip();
        if (!value.matches("https?://[^/\\s]+.*")) {
            throw new IllegalStateException(variable + " (" + property + ") must be set to an absolute http or https URL: " + meaning);
        }
    }

    /** After the configuration files are read, so the profiles and their settings are known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
