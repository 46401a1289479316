package org.bridgeway.identity;

import java.util.List;

import org.bridgeway.identity.people.People;
import org.bridgeway.identity.people.Person;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the user's {@code sub}, {@code name}, {@code email}, {@code roles}, {@code org_id} and
 * {@code professional_role} in every token. A client-credentials token of a demo user's client stands for that user.
 * A disabled person is refused any new token.
 */
@Component
class UserClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final People people;
    private final String audience;

    UserClaims(People people, IdentityProperties properties) {
        this.people = people;
        this.audience = properties.audience();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        String username = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                ? context.getRegisteredClient().getClientId()
                : context.getPrincipal().getName();
        Person user = people.find(username).orElse(null);
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (user == null || !(accessToken || idToken)) {
            return;
        }
        if (!user.enabled()) {
            // Someone disabled gets no new token of any kind: not by refresh, not through a demo client.
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The account is disabled.", null));
        }
        context.getClaims().claims(claims -> {
            claims.put("sub", user.username());
            claims.put("name", user.name());
            claims.put("email", user.email());
            claims.put("roles", List.of(user.role().name()));
            if (user.organisationId() != null) {
                claims.put("org_id", user.organisationId());
            }
            if (user.professionalRole() != null) {
                claims.put("professional_role", user.professionalRole());
            }
        });
        if (accessToken) {
            // The audience becomes the API's, so the client the token was issued to is named as
            // OpenID Connect's authorised party: the gateway limits each client's rate by it.
            context.getClaims().audience(List.of(audience));
            context.getClaims().claim("azp", context.getRegisteredClient().getClientId());
        }
    }
}
