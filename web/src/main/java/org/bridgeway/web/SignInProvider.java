package org.bridgeway.web;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * The OpenID Connect provider's settings, read from its discovery document at start. The
 * platform's processes start together, so the web waits for the provider (up to two minutes)
 * instead of failing because it answered first.
 */
@Configuration(proxyBeanMethods = false)
class SignInProvider {

    private static final Logger log = LoggerFactory.getLogger(SignInProvider.class);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Bean
    ClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                return new InMemoryClientRegistrationRepository(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values().stream().toList());
            } catch (RuntimeException unreachable) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The OpenID Connect provider (spring.security.oauth2.client.provider.bridgeway.issuer-uri) "
                            + "did not answer within " + PATIENCE.toMinutes() + " minutes", unreachable);
                }
                log.info("Waiting for the OpenID Connect provider: {}", unreachable.getMessage());
                Thread.sleep(1000);
            }
        }
    }
}
