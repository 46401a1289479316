package org.bridgeway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A service that depends on this module gets its token decoder wrapped, with no code of its own. */
class VerifiedTokensConfigurationTest {

    @Test
    void springBootFindsTheConfigurationAndItWrapsTheServicesDecoder() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(VerifiedTokensConfiguration.class.getName());

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(VerifiedTokensConfiguration.class))
                .withBean(JwtDecoder.class, () -> token -> Jwt.withTokenValue(token).header("alg", "RS256").subject("x").build())
                .run(context -> assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(VerifiedTokens.class));
    }
}
