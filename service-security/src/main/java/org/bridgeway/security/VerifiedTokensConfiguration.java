package org.bridgeway.security;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Puts {@link VerifiedTokens} in front of the service's token decoder, whichever made it (Spring
 * Boot from the issuer settings, or a test), so every service checks tokens the same way.
 */
@AutoConfiguration
public class VerifiedTokensConfiguration {

    @Bean
    static BeanPostProcessor verifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder ? new VerifiedTokens(decoder, new KnownTokens(Clock.systemUTC())) : bean;
            }
        };
    }
}
