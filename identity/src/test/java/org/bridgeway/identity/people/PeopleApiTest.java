package org.bridgeway.identity.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The local profile: the demo people and the demo web client secret. */
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleApiTest {

    static final String MEDWAY_SPS = "6f1c0a52-8a4e-4d1b-9a57-3c2f1e0b7a01";
    static final String GREEN_DOCTORS = "0b6d3f7e-2c1a-4e59-8f4d-9a1e2b3c4d02";

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bridgeway.identity.signing-key-file", () -> data.resolve("signing-key.json").toString());
        registry.add("bridgeway.identity.people-file", () -> data.resolve("people.json").toString());
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMappings;

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

    /** One endpoint, and how to call it. */
    record Endpoint(String method, String pattern, Call call) {
    }

    interface Call {
        HttpResponse<String> as(String token) throws Exception;
    }

    /**
     * Every endpoint called as every kind of caller: only administrators manage people. A new
     * endpoint without a row here fails the build, so no endpoint ships without an authorisation rule.
     */
    @Test
    void authorisationMatrix() throws Exception {
        assertThat(call("POST", "/api/people", token("adam.admin"), person("gwen.greendoctors", "PROVIDER", GREEN_DOCTORS)).statusCode()).isEqualTo(201);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("referrer", token("sam.prescriber"));
        callers.put("provider of the person's organisation", token("gemma.greendoctors"));
        callers.put("other provider", token("carl.citizensadvice"));
        callers.put("manager", token("maya.manager"));
        callers.put("admin", token("adam.admin"));
        callers.put("no token", null);
        AtomicInteger added = new AtomicInteger();
        Map<Endpoint, int[]> matrix = new LinkedHashMap<>();
        //                                                                               referrer provider other mgr admin none
        matrix.put(new Endpoint("GET", "/api/people", t -> call("GET", "/api/people?organisationId=" + GREEN_DOCTORS, t, null)),
                new int[] {403, 403, 403, 403, 200, 401});
        matrix.put(new Endpoint("POST", "/api/people", t -> call("POST", "/api/people", t, person("new.person-" + added.incrementAndGet(),
                "PROVIDER", GREEN_DOCTORS))), new int[] {403, 403, 403, 403, 201, 401});
        matrix.put(new Endpoint("GET", "/api/people/{username}", t -> call("GET", "/api/people/gwen.greendoctors", t, null)),
                new int[] {403, 403, 403, 403, 200, 401});
        matrix.put(new Endpoint("PATCH", "/api/people/{username}", t -> call("PATCH", "/api/people/gwen.greendoctors", t, "{\"enabled\":true}")),
                new int[] {403, 403, 403, 403, 200, 401});

        List<String> wrong = new ArrayList<>();
        for (var row : matrix.entrySet()) {
            int column = 0;
            for (var caller : callers.entrySet()) {
                int status = row.getKey().call().as(caller.getValue()).statusCode();
                if (status != row.getValue()[column]) {
                    wrong.add(row.getKey().method() + " " + row.getKey().pattern() + " as " + caller.getKey() + ": " + status
                            + ", expected " + row.getValue()[column]);
                }
                column++;
            }
        }
        assertThat(wrong).isEmpty();

        var mapped = handlerMappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().flatMap(pattern -> info.getMethodsCondition().getMethods().stream()
                        .map(method -> method.name() + " " + pattern)))
                .filter(endpoint -> endpoint.contains(" /api/")).collect(Collectors.toSet());
        assertThat(matrix.keySet().stream().map(e -> e.method() + " " + e.pattern()).toList())
                .as("every endpoint has a row in the authorisation matrix").containsExactlyInAnyOrderElementsOf(mapped);
    }

    /** The people API checks tokens as every service does, and refuses as they do: 401, the bearer challenge and a problem. */
    @Test
    void aForgedExpiredOrMisdirectedTokenIsRefused() throws Exception {
        RSAKey providerKey = RSAKey.parse(Files.readString(data.resolve("signing-key.json")));
        String admin = TestTokens.token(SignedJWT.parse(token("adam.admin")).getJWTClaimsSet(), providerKey);
        assertThat(call("GET", "/api/people", admin, null).statusCode()).as("an administrator's claims signed as the provider signs").isEqualTo(200);
        Map<String, String> tokens = new LinkedHashMap<>(TestTokens.abusive(token("sam.prescriber"), providerKey));
        tokens.put("not a token", "not-a-token");
        tokens.put("no token", null);
        List<String> wrong = new ArrayList<>();
        for (var abuse : tokens.entrySet()) {
            HttpResponse<String> refused = call("GET", "/api/people", abuse.getValue(), null);
            if (refused.statusCode() != 401 || !refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")
                    || !refused.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")
                    || !refused.body().contains("\"status\":401")) {
                wrong.add(abuse.getKey() + ": " + refused.statusCode() + " " + refused.headers().map() + " " + refused.body());
            }
        }
        assertThat(wrong).isEmpty();
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
