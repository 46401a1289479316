package org.bridgeway.identity.people;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens made from one this provider really issued. Where a fault needs a good signature they are
 * signed with the provider's own key, so that fault is the only reason to refuse them.
 */
final class TestTokens {

    private TestTokens() {
    }

    /** A token with these claims, signed as the provider signs (RS256, its key id). */
    static String token(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * Tokens the people API must refuse with 401, by what is wrong with them: each claims the ADMIN
     * role and is the issued token but for that one fault.
     *
     * @param issued a token the provider issued to someone who is not an administrator
     */
    static Map<String, String> abusive(String issued, RSAKey providerKey) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder(SignedJWT.parse(issued).getJWTClaimsSet()).claim("roles", List.of("ADMIN")).build();
            String[] parts = issued.split("\\.");
            Instant now = Instant.now();
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger-key").generate();
            Map<String, String> tokens = new LinkedHashMap<>();
            tokens.put("alg none", new PlainJWT(claims).serialize());
            tokens.put("tampered to ADMIN", parts[0] + "." + Base64URL.encode(claims.toString()) + "." + parts[2]);
            // Well beyond the minute of clock skew the resource server allows.
            tokens.put("expired", token(new JWTClaimsSet.Builder(claims).issueTime(Date.from(now.minusSeconds(1200)))
                    .expirationTime(Date.from(now.minusSeconds(600))).build(), providerKey));
            tokens.put("unknown key", token(claims, stranger));
            tokens.put("another key under the known kid", token(claims, new RSAKey.Builder(stranger).keyID(providerKey.getKeyID()).build()));
            tokens.put("wrong issuer", token(new JWTClaimsSet.Builder(claims).issuer("http://issuer.evil").build(), providerKey));
            tokens.put("wrong audience", token(new JWTClaimsSet.Builder(claims).audience("another-api").build(), providerKey));
            // Algorithm confusion: a verifier that let the token choose would check this HMAC with the public key.
            SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(providerKey.getKeyID()).build(), claims);
            confused.sign(new MACSigner(("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(providerKey.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII)));
            tokens.put("HS256 keyed with the public key", confused.serialize());
            return tokens;
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
