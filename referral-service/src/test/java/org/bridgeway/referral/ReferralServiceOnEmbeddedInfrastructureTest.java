package org.bridgeway.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"bridgeway.outbox.sweep-interval=1s", "bridgeway.outbox.full-sweep-interval=1s", "bridgeway.referrals.deadline-check-interval=1s",
        "bridgeway.referrals.encryption.active-key-id=test", "bridgeway.referrals.encryption.keys.test=" + ReferralServiceContract.TEST_KEY,
        "bridgeway.referrals.encryption.matching-key=" + ReferralServiceContract.TEST_KEY,
        "bridgeway.referrals.retention=1d", "bridgeway.referrals.retention-check-interval=1s"})
class ReferralServiceOnEmbeddedInfrastructureTest extends ReferralServiceContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry);
    }

    // Input hardening, here rather than in the contract: it is the same on any infrastructure.

    @Test
    void aBodyWithARepeatedKeyOrDeepNestingIsRefusedAsAProblemNamingWhy() {
        Api.Response repeated = api().post("/api/referrals", TestTokens.referrer(),
                "{\"category\": \"fuel\", \"urgency\": \"ROUTINE\", \"category\": \"housing\"}", Map.of());
        // Deeper than the service reads (64), shallower than Jackson's own limit (500).
        Api.Response deep = api().post("/api/referrals", TestTokens.referrer(),
                "{\"category\": \"fuel\", \"notes\": " + "[".repeat(100) + "]".repeat(100) + "}", Map.of());

        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(repeated.body().get("detail").asString()).isEqualTo("The request body gives the field \"category\" more than once.");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(deep.body().get("detail").asString()).startsWith("The request body nests deeper than 64 levels");
    }
}
