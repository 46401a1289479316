package org.bridgeway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationServiceOnEmbeddedInfrastructureTest extends NotificationChannelsContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry);
    }

    // Input hardening, here rather than in the contract: it is the same on any infrastructure.

    @Test
    void aBodyWithARepeatedKeyOrDeepNestingIsRefusedAsAProblemNamingWhy() {
        Api.Response repeated = api().put("/api/notifications/preferences", TestTokens.referrer(),
                "{\"events\": [], \"emailDigest\": \"DAILY\", \"events\": []}");
        // Deeper than the service reads (64), shallower than Jackson's own limit (500).
        Api.Response deep = api().put("/api/notifications/preferences", TestTokens.referrer(),
                "{\"events\": [], \"notes\": " + "[".repeat(100) + "]".repeat(100) + "}");

        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(repeated.body().get("detail").asString()).isEqualTo("The request body gives the field \"events\" more than once.");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(deep.body().get("detail").asString()).startsWith("The request body nests deeper than 64 levels");
    }
}
