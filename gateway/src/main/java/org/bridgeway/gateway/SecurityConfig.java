package org.bridgeway.gateway;

import static org.springframework.security.config.Customizer.withDefaults;

import java.time.Clock;

import org.bridgeway.gateway.ratelimit.RefusedTokens;
import org.bridgeway.security.KnownTokens;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import reactor.core.publisher.Mono;

/**
 * The first lock: /api calls need a valid token (issuer, audience, signature, expiry) before they
 * are routed; each service checks it again and decides on roles. The Open Referral feed is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Boot's token decoder (keys, issuer and audience from the settings), remembering the tokens it verified. */
    @Bean
    static BeanPostProcessor verifyingEachTokenOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ReactiveJwtDecoder decoder ? new ReactiveVerifiedTokens(decoder, new KnownTokens(Clock.systemUTC())) : bean;
            }
        };
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, Problems problems, RefusedTokens refusedTokens) {
        http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/directory/openapi", "/api/directory/openapi.yaml").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(withDefaults())
                        .authenticationEntryPoint((exchange, e) -> refusedTokens.spend(exchange).then(Mono.defer(() -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
                        })))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN, "Your role does not allow this.")))
                // On every response, besides Spring Security's defaults (nosniff, frames denied, no caching
                // of what has no caching of its own, HSTS on TLS): another site is told only our origin,
                // never a path (which holds referral ids), and where a service says nothing about content,
                // nothing may load or frame it. The web's pages send their own Content-Security-Policy, which is kept.
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // Sign-out is the web front end's: POST /logout passes through to it with its session.
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Bearer tokens, no cookies: there is no session for a forged request to ride on.
                .csrf(ServerHttpSecurity.CsrfSpec::disable);
        return http.build();
    }
}
