package org.bridgeway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A token is verified in full the first time; then, until it expires, it is known. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final List<String> checked = new ArrayList<>();
    /** Verifies "good-…" tokens, valid for the minutes their text says, and refuses anything else. */
    private final JwtDecoder provider = token -> {
        checked.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        long minutes = Long.parseLong(token.substring(5));
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("sam.prescriber").issuedAt(NOW.minusSeconds(60))
                .expiresAt(NOW.plusSeconds(60 * minutes)).build();
    };
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(provider, new KnownTokens(new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }));

    @Test
    void aTokenVerifiedOnceIsKnownUntilItExpires() {
        assertThat(tokens.decode("good-5").getSubject()).isEqualTo("sam.prescriber");
        assertThat(tokens.decode("good-5").getSubject()).isEqualTo("sam.prescriber");
        assertThat(tokens.decode("good-10")).isNotNull();
        assertThat(checked).containsExactly("good-5", "good-10");

        now.set(NOW.plusSeconds(6 * 60)); // good-5 has expired, good-10 not
        tokens.decode("good-5");
        tokens.decode("good-10");

        assertThat(checked).containsExactly("good-5", "good-10", "good-5");
    }

    @Test
    void aTokenAtItsExpiryOrRefusedIsCheckedEveryTime() {
        tokens.decode("good-0");
        tokens.decode("good-0");
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("good-0", "good-0", "forged", "forged");
    }
}
