package org.bridgeway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A service's token decoder that checks each bearer token once, then knows it until it expires:
 * a person's or a system's calls carry the same token for minutes, and the RS256 check and
 * parsing on every call were an eighth of referral-service's CPU for a submission. A refused token
 * is never remembered.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final KnownTokens known;

    public VerifiedTokens(JwtDecoder decoder, KnownTokens known) {
        this.decoder = decoder;
        this.known = known;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = known.known(token);
        if (jwt == null) {
            jwt = decoder.decode(token);
            known.verified(token, jwt);
        }
        return jwt;
    }
}
