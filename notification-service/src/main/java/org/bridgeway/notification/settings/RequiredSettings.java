package org.bridgeway.notification.settings;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;

/**
 * Stops the service at start, before anything connects, when a setting it cannot run without is
 * missing, malformed or contradicts another, naming the environment variable to set. Otherwise a missing database URI
 * would quietly mean a database on localhost. Checked once every property source is in (tests add
 * theirs late), so after the environment is ready and before any bean exists.
 */
@Component
class RequiredSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        uri("spring.mongodb.uri", "BRIDGEWAY_MONGO_URI", "the MongoDB connection string, e.g. mongodb://mongo-0,mongo-1,mongo-2/?replicaSet=rs0",
                Set.of("mongodb", "mongodb+srv"));
        hostsAndPorts("spring.kafka.bootstrap-servers", "BRIDGEWAY_KAFKA_BOOTSTRAP", "the Kafka brokers, e.g. kafka-0:9092,kafka-1:9092 (a listener name such as SASL_SSL:// may lead each)");
        uri("spring.security.oauth2.resourceserver.jwt.issuer-uri", "BRIDGEWAY_ISSUER", "the identity provider's issuer, e.g. https://sso.example.org/realms/bridgeway",
                Set.of("http", "https"));
        uri("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "BRIDGEWAY_JWK_SET_URI", "where the identity provider publishes its signing keys",
                Set.of("http", "https"));
        required("spring.security.oauth2.resourceserver.jwt.audiences", "BRIDGEWAY_AUDIENCE", "the audience the API's access tokens carry");
        uri("bridgeway.notification.link-base-url", "BRIDGEWAY_PUBLIC_URL", "the public address of the web front end, which links in emails and webhooks point at",
                Set.of("http", "https"));
        String transport = environment.getProperty("bridgeway.notification.email.transport", "smtp").strip();
        if (transport.equals("smtp")) {
            required("spring.mail.host", "BRIDGEWAY_SMTP_HOST", "the mail server (or relay) that sends the emails");
        } else if (transport.equals("notify")) {
            required("bridgeway.notification.notify.api-key", "BRIDGEWAY_NOTIFY_API_KEY", "BRIDGEWAY_EMAIL_TRANSPORT is notify, which needs the GOV.UK Notify API key");
            required("bridgeway.notification.notify.email-template-id", "BRIDGEWAY_NOTIFY_EMAIL_TEMPLATE_ID",
                    "BRIDGEWAY_EMAIL_TRANSPORT is notify, which needs the id of the Notify email template");
        } else if (!transport.equals("smtp")) {
            throw new InvalidSetting("BRIDGEWAY_EMAIL_TRANSPORT (bridgeway.notification.email.transport) is " + transport + ": it must be smtp or notify.");
        }
    }

    private String required(String property, String variable, String meaning) {
        String value = environment.getProperty(property, "").strip();
        if (value.isEmpty()) {
            throw new InvalidSetting(variable + " (" + property + ") is not set: " + meaning + ".");
        }
        return value;
    }

    private void uri(String property, String variable, String meaning, Set<String> schemes) {
        String value = required(property, variable, meaning);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(variable + " (" + property + ") is not a URI: " + meaning + ".");
        }
        if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getRawAuthority() == null) {
            throw new InvalidSetting(variable + " (" + property + ") must be an absolute " + String.join(" or ", schemes.stream().sorted().toList())
                    + " URI with a host: " + meaning + ".");
        }
    }

    private void hostsAndPorts(String property, String variable, String meaning) {
        String value = required(property, variable, meaning);
        boolean valid = Arrays.stream(value.split(",")).map(String::strip).allMatch(hostAndPort -> hostAndPort.matches("(?:[A-Za-z_]+://)?(?:\\[[0-9A-Fa-f:.]+\\]|[^\\s:/\\[\\]]+):\\d{1,5}"));
        if (!valid) {
            throw new InvalidSetting(variable + " (" + property + ") must be host:port pairs separated by commas: " + meaning + ".");
        }
    }

    /** A setting the service cannot start with; the message names it and says what it should be. */
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
