package org.bridgeway.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LocalOnlySettingsTest {

    final LocalOnlySettings check = new LocalOnlySettings();

    @Test
    void outsideTheLocalProfileTheWebClientNeedsASecretOfItsOwn() {
        assertThatThrownBy(() -> check.postProcessEnvironment(new MockEnvironment(), null))
                .hasMessageContaining("BRIDGEWAY_WEB_CLIENT_SECRET (bridgeway.identity.web-client-secret) must be set");
        assertThatThrownBy(() -> check.postProcessEnvironment(production().withProperty("bridgeway.identity.web-client-secret", "demo-web-secret"), null))
                .hasMessageContaining("is the demo secret");
        assertThatCode(() -> check.postProcessEnvironment(production().withProperty("bridgeway.identity.web-client-secret", "a-secret-of-our-own"), null))
                .doesNotThrowAnyException();
    }

    @Test
    void theDemoPeopleAreForTheLocalProfileOnly() {
        MockEnvironment withDemoPeople = production().withProperty("bridgeway.identity.web-client-secret", "a-secret-of-our-own")
                .withProperty("bridgeway.identity.users[0].username", "adam.admin");
        assertThatThrownBy(() -> check.postProcessEnvironment(withDemoPeople, null)).hasMessageContaining("bridgeway.identity.users are the demo people");
        assertThatThrownBy(() -> check.postProcessEnvironment(production().withProperty("bridgeway.identity.demo-password", "demo"), null))
                .hasMessageContaining("demo-password");

        MockEnvironment local = new MockEnvironment().withProperty("bridgeway.identity.demo-password", "demo")
                .withProperty("bridgeway.identity.users[0].username", "adam.admin");
        local.setActiveProfiles("local");
        assertThatCode(() -> check.postProcessEnvironment(local, null)).doesNotThrowAnyException();
    }

    @Test
    void outsideTheLocalProfileTheIssuerMustBeGiven() {
        assertThatThrownBy(() -> check.postProcessEnvironment(production().withProperty("bridgeway.identity.web-client-secret", "a-secret-of-our-own")
                .withProperty("spring.security.oauth2.authorizationserver.issuer", ""), null))
                .hasMessageStartingWith("BRIDGEWAY_ISSUER (spring.security.oauth2.authorizationserver.issuer) must be set");
    }

    private static MockEnvironment production() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.security.oauth2.authorizationserver.issuer", "https://sso.example.org");
        environment.setActiveProfiles("production");
        return environment;
    }
}
