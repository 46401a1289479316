package org.bridgeway.gateway;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The first lock: /api calls need a valid token (issuer, audience, signature, expiry) before they
 * are routed; each service checks it again and decides on roles. The Open Referral feed is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, Problems problems) {
        http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/directory/openapi", "/api/directory/openapi.yaml").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(withDefaults())
                        .authenticationEntryPoint((exchange, e) -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
                        })
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN, "Your role does not allow this.")))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // Sign-out is the web front end's: POST /logout passes through to it with its session.
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Bearer tokens, no cookies: there is no session for a forged request to ride on.
                .csrf(ServerHttpSecurity.CsrfSpec::disable);
        return http.build();
    }
}
