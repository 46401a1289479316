package org.bridgeway.identity.people;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bridgeway.identity.IdentityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people API takes the same access tokens as every Bridgeway service (this provider's own,
 * for the {@code bridgeway-api} audience) and only from administrators. No session, no CSRF:
 * a bearer token is not sent by a browser on its own.
 */
@Configuration(proxyBeanMethods = false)
class PeopleApiSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain peopleApiChain(HttpSecurity http, JsonMapper json) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(roles);
        http.securityMatcher("/api/people/**", "/api/people")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("ADMIN"))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problem(json, request, response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problem(json, request, response, HttpStatus.FORBIDDEN, "Only administrators manage the people who sign in.")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Refusals as RFC 9457 problem details, as every Bridgeway service answers them. */
    private static void problem(JsonMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Checks this provider's tokens: its signature (RS256 only, as it signs), issuer, expiry and the API audience. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, IdentityProperties properties,
                          @Value("${spring.security.oauth2.authorizationserver.issuer}") String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud", audience -> audience != null && audience.contains(properties.audience()))));
        return decoder;
    }
}
