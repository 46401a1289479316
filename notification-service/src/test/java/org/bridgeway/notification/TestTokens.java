package org.bridgeway.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
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

    private static final RSAKey KEY = generate();
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
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(audience).subject(user)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of(role))
                .claim("email", user + "@bridgeway.test");
        if (organisationId != null) {
            claims.claim("org_id", organisationId);
        }
        return signed(claims.build(), KEY);
    }

    /**
     * Tokens a service must refuse with 401, by what is wrong with them: each is the referrer's
     * token but for that one fault.
     */
    static Map<String, String> abusive() {
        String valid = referrer();
        try {
            JWTClaimsSet claims = SignedJWT.parse(valid).getJWTClaimsSet();
            String[] parts = valid.split("\\.");
            Instant now = Instant.now();
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger-key").generate();
            Map<String, String> tokens = new LinkedHashMap<>();
            tokens.put("alg none", new PlainJWT(claims).serialize());
            tokens.put("tampered to ADMIN", parts[0] + "." + Base64URL.encode(new JWTClaimsSet.Builder(claims)
                    .claim("roles", List.of("ADMIN")).build().toString()) + "." + parts[2]);
            // Well beyond the minute of clock skew the resource server allows.
            tokens.put("expired", signed(new JWTClaimsSet.Builder(claims).issueTime(Date.from(now.minusSeconds(1200)))
                    .expirationTime(Date.from(now.minusSeconds(600))).build(), KEY));
            tokens.put("unknown key", signed(claims, stranger));
            tokens.put("another key under the known kid", signed(claims, new RSAKey.Builder(stranger).keyID(KEY.getKeyID()).build()));
            tokens.put("wrong issuer", signed(new JWTClaimsSet.Builder(claims).issuer("http://issuer.evil").build(), KEY));
            tokens.put("wrong audience", token("sam.prescriber", "REFERRER", MEDWAY_SPS, "another-api"));
            // Algorithm confusion: a verifier that let the token choose would check this HMAC with the public key.
            SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(), claims);
            confused.sign(new MACSigner(("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(KEY.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII)));
            tokens.put("HS256 keyed with the public key", confused.serialize());
            return tokens;
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
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

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
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
