package org.bridgeway.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LocalOnlySettingsTest {

    static final String SECRET = "spring.security.oauth2.client.registration.bridgeway.client-secret";

    final LocalOnlySettings check = new LocalOnlySettings();

    @Test
    void outsideTheLocalProfileTheClientSecretIsRequiredAndNotTheDemoOne() {
        assertThatThrownBy(() -> check.postProcessEnvironment(new MockEnvironment(), null)).hasMessageContaining("BRIDGEWAY_WEB_CLIENT_SECRET");
        assertThatThrownBy(() -> check.postProcessEnvironment(new MockEnvironment().withProperty(SECRET, "demo-web-secret"), null))
                .hasMessageContaining("is the demo secret");
        assertThatCode(() -> check.postProcessEnvironment(production(), null)).doesNotThrowAnyException();

        MockEnvironment local = new MockEnvironment().withProperty(SECRET, "demo-web-secret");
        local.setActiveProfiles("local");
        assertThatCode(() -> check.postProcessEnvironment(local, null)).doesNotThrowAnyException();
    }

    @Test
    void outsideTheLocalProfileTheIssuerAndGatewayMustBeGiven() {
        assertThatThrownBy(() -> check.postProcessEnvironment(production().withProperty("bridgeway.web.issuer", ""), null))
                .hasMessageStartingWith("BRIDGEWAY_ISSUER (bridgeway.web.issuer) must be set");
        assertThatThrownBy(() -> check.postProcessEnvironment(production().withProperty("bridgeway.web.api-url", "gateway:8080"), null))
                .hasMessageStartingWith("BRIDGEWAY_GATEWAY_URL (bridgeway.web.api-url) must be set to an absolute http or https URL");
    }

    private static MockEnvironment production() {
        return new MockEnvironment().withProperty(SECRET, "a-secret-of-our-own")
                .withProperty("bridgeway.web.issuer", "https://sso.example.org/realms/bridgeway")
                .withProperty("bridgeway.web.api-url", "http://gateway:8080");
    }
}
