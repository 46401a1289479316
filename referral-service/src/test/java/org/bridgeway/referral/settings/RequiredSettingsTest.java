package org.bridgeway.referral.settings;

import org.bridgeway.referral.ReferralApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RequiredSettingsTest {

    private static MockEnvironment complete() {
        return new MockEnvironment()
                .withProperty("spring.mongodb.uri", "mongodb://mongo-0,mongo-1/?replicaSet=rs0")
                .withProperty("spring.kafka.bootstrap-servers", "kafka-0:9092, kafka-1:9092")
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
        assertThatNoException().isThrownBy(() -> check(complete().withProperty("spring.kafka.bootstrap-servers", "SASL_SSL://kafka-0:9093,[::1]:9092")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            spring.mongodb.uri                                     | ''                     | BRIDGEWAY_MONGO_URI (spring.mongodb.uri) is not set
            spring.mongodb.uri                                     | localhost:27017        | BRIDGEWAY_MONGO_URI (spring.mongodb.uri) must be an absolute mongodb or mongodb+srv URI
            spring.mongodb.uri                                     | 'mongodb:// bad'       | BRIDGEWAY_MONGO_URI (spring.mongodb.uri) is not a URI
            spring.kafka.bootstrap-servers                         | '  '                   | BRIDGEWAY_KAFKA_BOOTSTRAP (spring.kafka.bootstrap-servers) is not set
            spring.kafka.bootstrap-servers                         | 'kafka-0,kafka-1:9092' | BRIDGEWAY_KAFKA_BOOTSTRAP (spring.kafka.bootstrap-servers) must be host:port pairs
            spring.security.oauth2.resourceserver.jwt.issuer-uri   | ''                     | BRIDGEWAY_ISSUER (spring.security.oauth2.resourceserver.jwt.issuer-uri) is not set
            spring.security.oauth2.resourceserver.jwt.issuer-uri   | sso.example.org        | BRIDGEWAY_ISSUER (spring.security.oauth2.resourceserver.jwt.issuer-uri) must be an absolute http or https URI
            spring.security.oauth2.resourceserver.jwt.jwk-set-uri  | ''                     | BRIDGEWAY_JWK_SET_URI (spring.security.oauth2.resourceserver.jwt.jwk-set-uri) is not set
            spring.security.oauth2.resourceserver.jwt.audiences    | ''                     | BRIDGEWAY_AUDIENCE (spring.security.oauth2.resourceserver.jwt.audiences) is not set
            """)
    void aMissingOrMalformedSettingIsNamed(String property, String value, String message) {
        MockEnvironment environment = complete().withProperty(property, value);

        assertThatThrownBy(() -> check(environment)).isInstanceOf(RequiredSettings.InvalidSetting.class).hasMessageStartingWith(message);
    }

    @Test
    void theServiceStopsBeforeConnectingToAnything() {
        // Command-line arguments outrank the BRIDGEWAY_* variables ./bridgeway test exports.
        SpringApplication application = new SpringApplication(ReferralApplication.class);

        assertThatThrownBy(() -> application.run("--spring.mongodb.uri=", "--spring.main.web-application-type=none"))
                .isInstanceOf(RequiredSettings.InvalidSetting.class)
                .hasMessageContaining("BRIDGEWAY_MONGO_URI");
    }

    @Test
    void theFailureReportSaysWhatToDoWithoutAStackTrace() {
        var analysis = new RequiredSettings.Analyzer().analyze(new RequiredSettings.InvalidSetting("BRIDGEWAY_ISSUER (x) is not set: y."));

        assertThat(analysis.getDescription()).isEqualTo("BRIDGEWAY_ISSUER (x) is not set: y.");
        assertThat(analysis.getAction()).contains("local profile");
    }
}
