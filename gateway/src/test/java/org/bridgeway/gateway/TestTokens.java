package org.bridgeway.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Real RS256 tokens for tests, and a JWKS endpoint serving the public key, so the service checks
 * them exactly as it checks the identity provider's (issuer, audience, signature, expiry).
 */
final class TestTokens {

    static final String ISSUER = "http://issuer.test";
    static final String AUDIENCE = "bridgeway-api";
    static final String GREEN_DOCTORS = "0b6d3f7e-2c1a-4e59-8f4d-9a1e2b3c4d02";
    static final String CITIZENS_ADVICE = "3e8a9b1c-5d2f-4a6b-b7c8-d9e0f1a2b303";
    static final String MEDWAY_SPS = "6f1c0a52-8a4e-4d1b-9a57-3c2f1e0b7a01";

    private static final RSAKey KEY = generate("test-key");
    /** The keys the JWKS endpoint publishes: the provider adds one when it rotates. */
    private static volatile List<RSAKey> published = List.of(KEY);
    private static final String JWKS_URI = serveJwks();

    private TestTokens() {
    }

    static String jwksUri() {
        return JWKS_URI;
    }

    static String referrer() {
        return token("sam.prescriber", "REFERRER", MEDWAY_SPS, AUDIENCE);
    }

    static String greenDoctors() {
        return token("gemma.greendoctors", "PROVIDER", GREEN_DOCTORS, AUDIENCE);
    }

    static String citizensAdvice() {
        return token("carl.citizensadvice", "PROVIDER", CITIZENS_ADVICE, AUDIENCE);
    }

    static String manager() {
        return token("maya.manager", "MANAGER", null, AUDIENCE);
    }

    static String token(String user, String role, String organisationId, String audience) {
        return token(user, role, organisationId, audience, "bridgeway-web");
    }

    /** A token issued to {@code client} (the {@code azp} claim), as through an integration rather than the web. */
    static String token(String user, String role, String organisationId, String audience, String client) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(audience).subject(user).claim("azp", client)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of(role));
        if (organisationId != null) {
            claims.claim("org_id", organisationId);
        }
        return signed(claims.build(), KEY);
    }

    /** The provider rotates: a new key joins the published set and signs this referrer's token. */
    static String referrerWithANewKey() {
        RSAKey next = generate("test-key-" + UUID.randomUUID());
        published = List.of(KEY, next);
        Instant now = Instant.now();
        return signed(new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("sam.prescriber").claim("azp", "bridgeway-web")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).claim("roles", List.of("REFERRER"))
                .claim("org_id", MEDWAY_SPS).build(), next);
    }

    private static String signed(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                byte[] body = new JWKSet(published.stream().map(key -> (JWK) key.toPublicJWK()).toList())
                        .toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(null);
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
