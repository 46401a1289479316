package org.bridgeway.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the user's {@code sub}, {@code name}, {@code email}, {@code roles}, {@code org_id} and
 * {@code professional_role} in every token. A client-credentials token of a demo user's client stands for that user.
 */
@Component
class UserClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Map<String, DemoUser> users;
    private final String audience;

    UserClaims(IdentityProperties properties) {
        this.users = properties.users().stream().collect(Collectors.toMap(DemoUser::username, Function.identity()));
        this.audience = properties.audience();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        String username = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                ? context.getRegisteredClient().getClientId()
                : context.getPrincipal().getName();
        DemoUser user = users.get(username);
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (user == null || !(accessToken || idToken)) {
            return;
        }
        context.getClaims().claims(claims -> {
            claims.put("sub", user.username());
            claims.put("name", user.name());
            claims.put("email", user.email());
            claims.put("roles", List.of(user.role()));
            if (user.organisationId() != null) {
                claims.put("org_id", user.organisationId());
            }
            if (user.professionalRole() != null) {
                claims.put("professional_role", user.professionalRole());
            }
        });
        if (accessToken) {
            context.getClaims().audience(List.of(audience));
        }
    }
}
