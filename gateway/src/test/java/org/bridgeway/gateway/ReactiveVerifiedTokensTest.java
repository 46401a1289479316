package org.bridgeway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.bridgeway.security.KnownTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** A token is verified in full the first time and then known; a refused one is checked every time (expiry: service-security's VerifiedTokensTest). */
class ReactiveVerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final List<String> checked = new ArrayList<>();
    /** Verifies "good" for five minutes and refuses anything else. */
    private final ReactiveJwtDecoder provider = token -> {
        checked.add(token);
        return token.equals("good")
                ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("sam.prescriber").expiresAt(NOW.plusSeconds(300)).build())
                : Mono.error(new BadJwtException("bad signature"));
    };
    private final ReactiveVerifiedTokens tokens = new ReactiveVerifiedTokens(provider, new KnownTokens(Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void aTokenIsVerifiedOnceAndARefusedOneEveryTime() {
        assertThat(tokens.decode("good").block().getSubject()).isEqualTo("sam.prescriber");
        assertThat(tokens.decode("good").block().getSubject()).isEqualTo("sam.prescriber");
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("good", "forged", "forged");
    }
}
