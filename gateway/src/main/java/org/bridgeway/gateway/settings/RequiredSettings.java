package org.bridgeway.gateway.settings;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;

/**
 * Stops the gateway at start when a setting it cannot route or check tokens without is missing or
 * malformed, naming the environment variable to set.
 * Otherwise a missing service address would quietly mean localhost. Checked once every property
 * source is in (tests add theirs late) and before any bean exists.
 */
@Component
class RequiredSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    /** Each service's address: its variable, what it is and an example, in the order they are checked. */
    private static final List<List<String>> SERVICES = List.of(
            List.of("BRIDGEWAY_DIRECTORY_URL", "directory-service", "http://directory-service:8081"),
            List.of("BRIDGEWAY_REFERRAL_URL", "referral-service", "http://referral-service:8082"),
            List.of("BRIDGEWAY_NOTIFICATION_URL", "notification-service", "http://notification-service:8083"),
            List.of("BRIDGEWAY_WEB_URL", "the web front end", "http://web:8084"),
            List.of("BRIDGEWAY_IDENTITY_URL", "the identity provider, whose sign-in pages the gateway serves", "https://sso.example.org"));

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        SERVICES.forEach(service -> httpUri(service.get(0), service.get(0), "the address of " + service.get(1) + ", e.g. " + service.get(2)));
        httpUri("spring.security.oauth2.resourceserver.jwt.issuer-uri", "BRIDGEWAY_ISSUER", "the identity provider's issuer, e.g. https://sso.example.org/realms/bridgeway");
        httpUri("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "BRIDGEWAY_JWK_SET_URI", "where the identity provider publishes its signing keys");
        required("spring.security.oauth2.resourceserver.jwt.audiences", "BRIDGEWAY_AUDIENCE", "the audience the API's access tokens carry");
        String redis = environment.getProperty("bridgeway.rate-limits.redis-uri", "").strip();
        if (!redis.isEmpty() && !redis.matches("rediss?://[^/\\s]+.*")) {
            throw new InvalidSetting("BRIDGEWAY_RATE_LIMIT_REDIS_URI must be a redis:// or rediss:// URI, or not set for buckets in memory: "
                    + "the Redis that gateways share their rate limits in.");
        }
    }

    private String required(String property, String variable, String meaning) {
        String value = environment.getProperty(property, "").strip();
        if (value.isEmpty()) {
            throw new InvalidSetting(variable + (property.equals(variable) ? "" : " (" + property + ")") + " is not set: " + meaning + ".");
        }
        return value;
    }

    private void httpUri(String property, String variable, String meaning) {
        String value = required(property, variable, meaning);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(variable + " is not a URI: " + meaning + ".");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getRawAuthority() == null) {
            throw new InvalidSetting(variable + " must be an absolute http or https URI with a host: " + meaning + ".");
        }
    }

    /** A setting the gateway cannot start with; the message names it and says what it should be. */
    static class InvalidSetting extends RuntimeException {
        InvalidSetting(String message) {
            super(message);
        }
    }

    /** Prints the message as Spring Boot's start-up failure report, without a stack trace. */
    static class Analyzer extends AbstractFailureAnalyzer<InvalidSetting> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, InvalidSetting cause) {
            return new FailureAnalysis(cause.getMessage(), "Set it in the environment (see deploy/README.md), or run locally with the local profile.", cause);
        }
    }
}
