package org.bridgeway.identity.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The people API reads bodies strictly (JsonConfig): a repeated key or deep nesting is a 400 problem, never a guess or a 500. */
@ActiveProfiles("local") // the demo people, whose client-credentials clients give the administrator's token
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleApiJsonTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bridgeway.identity.signing-key-file", () -> data.resolve("signing-key.json").toString());
        registry.add("bridgeway.identity.people-file", () -> data.resolve("people.json").toString());
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aBodyWithARepeatedKeyOrDeepNestingIsRefusedAsAProblemNamingWhy() throws Exception {
        HttpResponse<String> repeated = post("""
                {"username":"twice.named","name":"Twice","role":"MANAGER","name":"Named","email":"t@example.org","password":"a long first password"}
                """);
        // Deeper than the service reads (64), shallower than Jackson's own limit (500).
        HttpResponse<String> deep = post("{\"username\":\"deep.nested\",\"notes\":" + "[".repeat(100) + "]".repeat(100) + "}");

        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(repeated.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(repeated.body()).contains("\"detail\":\"The request body gives the field \\\"name\\\" more than once.\"");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(deep.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(deep.body()).contains("\"detail\":\"The request body nests deeper than 64 levels");
    }

    private HttpResponse<String> post(String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/people"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String adminToken() throws Exception {
        String basic = Base64.getEncoder().encodeToString("adam.admin:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        return issued.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }
}
