package org.bridgeway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"bridgeway.demo-data.enabled=true", "bridgeway.directory.review-check-interval=PT1S"})
class DirectoryServiceOnEmbeddedInfrastructureTest extends DirectoryServiceContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry);
    }

    // Input hardening, here rather than in the contract: it is the same on any infrastructure.

    @Test
    void aBodyWithARepeatedKeyOrDeepNestingIsRefusedAsAProblemNamingWhy() {
        Api.Response repeated = api().post("/api/directory/organisations", ADMIN,
                "{\"name\": \"Twice Named\", \"type\": \"CHARITY\", \"name\": \"Named Twice\"}", Map.of());
        // Deeper than the service reads (64), shallower than Jackson's own limit (500).
        Api.Response deep = api().post("/api/directory/organisations", ADMIN,
                "{\"name\": \"Deep\", \"type\": \"CHARITY\", \"notes\": " + "[".repeat(100) + "]".repeat(100) + "}", Map.of());

        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(repeated.body().get("detail").asString()).isEqualTo("The request body gives the field \"name\" more than once.");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(deep.body().get("detail").asString()).startsWith("The request body nests deeper than 64 levels");
        assertThat(api().get("/api/directory/organisations?name=Named%20Twice", ADMIN).body().size()).isZero();
    }

    @Test
    void aNumberTooLargeForItsFieldIsNamedAsThatField() {
        Api.Response tooOld = api().post("/api/directory/services", ADMIN,
                listing(TestTokens.GREEN_DOCTORS, "Ageless", "fuel").replace("\"minimumAge\":null", "\"minimumAge\":99999999999"), Map.of());

        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.body().get("errors").get(0).get("field").asString()).isEqualTo("minimumAge");
    }

    @Test
    void aNameSearchTakesTheTextLiterallyNeverAsAPattern() {
        assertThat(api().get("/api/directory/organisations?name=Green%20Doctors", ADMIN).body().size()).isPositive();
        assertThat(api().get("/api/directory/organisations?name=Green.Doctors", ADMIN).body().size()).isZero();
        assertThat(api().get("/api/directory/organisations?name=.*", ADMIN).body().size()).isZero();
        Api.Response unbalanced = api().get("/api/directory/organisations?name=%28%5B%5CE", ADMIN); // "([\E"
        assertThat(unbalanced.status()).isEqualTo(200);
        assertThat(unbalanced.body().size()).isZero();
    }
}
