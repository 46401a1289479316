package org.bridgeway.gateway.settings;

import org.bridgeway.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredSettingsTest {

    private static MockEnvironment complete() {
        return new MockEnvironment()
                .withProperty("BRIDGEWAY_DIRECTORY_URL", "http://directory-service:8081")
                .withProperty("BRIDGEWAY_REFERRAL_URL", "http://referral-service:8082")
                .withProperty("BRIDGEWAY_NOTIFICATION_URL", "http://notification-service:8083")
                .withProperty("BRIDGEWAY_WEB_URL", "http://web:8084")
                .withProperty("BRIDGEWAY_IDENTITY_URL", "https://sso.example.org")
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://sso.example.org/realms/bridgeway")
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://sso.example.org/realms/bridgeway/certs")
                .withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "bridgeway-api");
    }

    private static void check(MockEnvironment environment) {
        RequiredSettings settings = new RequiredSettings();
        settings.setEnvironment(environment);
        settings.postProcessBeanFactory(null);
    }

    @Test
    void aCompleteConfigurationStarts() {
        assertThatNoException().isThrownBy(() -> check(complete()));
        assertThatNoException().isThrownBy(() -> check(complete().withProperty("bridgeway.rate-limits.redis-uri", "rediss://redis.internal:6380")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            BRIDGEWAY_REFERRAL_URL                                 | ''                  | BRIDGEWAY_REFERRAL_URL is not set: the address of referral-service
            BRIDGEWAY_IDENTITY_URL                                 | ''                  | BRIDGEWAY_IDENTITY_URL is not set: the address of the identity provider, whose sign-in pages
            BRIDGEWAY_WEB_URL                                      | web:8084            | BRIDGEWAY_WEB_URL must be an absolute http or https URI with a host
            BRIDGEWAY_DIRECTORY_URL                                | 'http://a b'        | BRIDGEWAY_DIRECTORY_URL is not a URI
            spring.security.oauth2.resourceserver.jwt.issuer-uri   | ''                  | BRIDGEWAY_ISSUER (spring.security.oauth2.resourceserver.jwt.issuer-uri) is not set
            spring.security.oauth2.resourceserver.jwt.jwk-set-uri  | ftp://sso/certs     | BRIDGEWAY_JWK_SET_URI must be an absolute http or https URI
            spring.security.oauth2.resourceserver.jwt.audiences    | ''                  | BRIDGEWAY_AUDIENCE (spring.security.oauth2.resourceserver.jwt.audiences) is not set
            bridgeway.rate-limits.redis-uri                        | redis.internal:6379 | BRIDGEWAY_RATE_LIMIT_REDIS_URI must be a redis:// or rediss:// URI
            """)
    void aMissingOrMalformedSettingIsNamed(String property, String value, String message) {
        MockEnvironment environment = complete().withProperty(property, value);

        assertThatThrownBy(() -> check(environment)).isInstanceOf(RequiredSettings.InvalidSetting.class).hasMessageStartingWith(message);
    }

    @Test
    void theGatewayStopsBeforeServing() {
        // Command-line arguments outrank the BRIDGEWAY_* variables ./bridgeway test exports.
        SpringApplication application = new SpringApplication(GatewayApplication.class);

        assertThatThrownBy(() -> application.run("--BRIDGEWAY_DIRECTORY_URL=http://localhost:1", "--BRIDGEWAY_REFERRAL_URL=", "--server.port=0"))
                .isInstanceOf(RequiredSettings.InvalidSetting.class)
                .hasMessageContaining("BRIDGEWAY_REFERRAL_URL");
    }
}
