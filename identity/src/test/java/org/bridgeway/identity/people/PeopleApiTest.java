package org.bridgeway.identity.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The local profile: the demo people and the demo web client secret. */
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleApiTest {

    static final String MEDWAY_SPS = "6f1c0a52-8a4e-4d1b-9a57-3c2f1e0b7a01";

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
    void anAdministratorAddsAPersonWhoCanThenSignIn() throws Exception {
        HttpResponse<String> added = call("POST", "/api/people", token("adam.admin"), person("priya.patel", "REFERRER", MEDWAY_SPS));

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("\"role\":\"REFERRER\"", "\"enabled\":true").doesNotContain("password");
        assertThat(signsIn("priya.patel", "a long first password")).isTrue();
        assertThat(call("GET", "/api/people?organisationId=" + MEDWAY_SPS, token("adam.admin"), null).body())
                .contains("priya.patel", "sam.prescriber").doesNotContain("gemma.greendoctors");
    }

    @Test
    void aDisabledPersonCannotSignInUntilEnabledAgain() throws Exception {
        call("POST", "/api/people", token("adam.admin"), person("dan.driver", "PROVIDER", "0b6d3f7e-2c1a-4e59-8f4d-9a1e2b3c4d02"));

        assertThat(call("PATCH", "/api/people/dan.driver", token("adam.admin"), "{\"enabled\":false}").body()).contains("\"enabled\":false");
        assertThat(signsIn("dan.driver", "a long first password")).isFalse();
        call("PATCH", "/api/people/dan.driver", token("adam.admin"), "{\"enabled\":true}");
        assertThat(signsIn("dan.driver", "a long first password")).isTrue();
        assertThat(call("PATCH", "/api/people/adam.admin", token("adam.admin"), "{\"enabled\":false}").body())
                .as("an administrator disabling themselves").contains("\"field\":\"enabled\"");
        assertThat(call("PATCH", "/api/people/nobody", token("adam.admin"), "{\"enabled\":false}").statusCode()).isEqualTo(404);

        call("PATCH", "/api/people/carl.citizensadvice", token("adam.admin"), "{\"enabled\":false}");
        assertThat(tokenResponse("carl.citizensadvice").statusCode()).as("a disabled person's demo client").isEqualTo(400);
        call("PATCH", "/api/people/carl.citizensadvice", token("adam.admin"), "{\"enabled\":true}");
        assertThat(tokenResponse("carl.citizensadvice").statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        HttpResponse<String> empty = call("POST", "/api/people", token("adam.admin"), "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"username\"", "\"name\"", "\"email\"", "\"role\"", "\"password\"");

        HttpResponse<String> noOrganisation = call("POST", "/api/people", token("adam.admin"), person("no.org", "PROVIDER", ""));
        assertThat(noOrganisation.body()).contains("\"field\":\"organisationId\"");
        HttpResponse<String> unknownRole = call("POST", "/api/people", token("adam.admin"), person("bad.role", "SUPERUSER", MEDWAY_SPS));
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(unknownRole.body()).contains("\"field\":\"role\"");
        HttpResponse<String> shortPassword = call("POST", "/api/people", token("adam.admin"),
                person("short.pw", "MANAGER", "").replace("a long first password", "short"));
        assertThat(shortPassword.body()).contains("\"field\":\"password\"", "12 to 128 characters");
        assertThat(call("POST", "/api/people", token("adam.admin"), person("sam.prescriber", "REFERRER", MEDWAY_SPS)).statusCode())
                .as("a username already taken").isEqualTo(409);
        assertThat(call("GET", "/api/people", token("adam.admin"), null).body()).doesNotContain("no.org", "bad.role", "short.pw");
    }

    @Test
    void onlyAdministratorsMayListOrAddPeople() throws Exception {
        assertThat(call("GET", "/api/people", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/people", token("maya.manager"), null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/people", token("sam.prescriber"), person("sneaky", "ADMIN", "")).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/people", "not-a-token", null).statusCode()).isEqualTo(401);
    }

    private static String person(String username, String role, String organisationId) {
        return """
                {"username":"%s","name":"%s","email":"%s@example.org","role":"%s","organisationId":"%s","password":"a long first password"}
                """.formatted(username, username.replace('.', ' '), username, role, organisationId);
    }

    /** A form sign-in on the login page: success goes on, failure comes back to {@code /login?error}. */
    private boolean signsIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 302 && !answer.headers().firstValue("Location").orElse("").contains("error");
    }

    private String token(String demoUser) throws Exception {
        return tokenResponse(demoUser).body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> tokenResponse(String demoUser) throws Exception {
        String basic = Base64.getEncoder().encodeToString((demoUser + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
