package org.bridgeway.identity;

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
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jwt.SignedJWT;
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
class IdentityProviderTest {

    static final String REDIRECT = "http://localhost:8080/login/oauth2/code/bridgeway";

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bridgeway.identity.signing-key-file", () -> data.resolve("signing-key.json").toString());
        registry.add("bridgeway.identity.people-file", () -> data.resolve("people.json").toString());
    }

    @Value("${local.server.port}")
    int port;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aDemoUsersClientCredentialsTokenStandsForThatUser() throws Exception {
        HttpResponse<String> response = tokenRequest("gemma.greendoctors", "demo", "grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(200);
        var claims = SignedJWT.parse(field(response.body(), "access_token")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("gemma.greendoctors");
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(claims.getAudience()).containsExactly("bridgeway-api");
        assertThat(claims.getStringClaim("azp")).as("the client, for its rate limit").isEqualTo("gemma.greendoctors");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PROVIDER");
        assertThat(claims.getStringClaim("org_id")).isEqualTo("0b6d3f7e-2c1a-4e59-8f4d-9a1e2b3c4d02");
        assertThat(claims.getStringClaim("professional_role")).isEqualTo("vcse-worker");
        assertThat(claims.getStringClaim("name")).isEqualTo("Gemma Green");
        assertThat(claims.getStringClaim("email")).isEqualTo("gemma@greendoctors.example");
    }

    @Test
    void aWrongSecretGetsNoToken() throws Exception {
        assertThat(tokenRequest("sam.prescriber", "not-demo", "grant_type=client_credentials").statusCode()).isEqualTo(401);
    }

    @Test
    void aPersonSignsInOnTheLoginPageAndTheBrowserClientGetsTokensWithPkce() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = "a-long-random-code-verifier-of-at-least-forty-three-characters-0123";
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = base() + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "bridgeway-web",
                "redirect_uri", REDIRECT, "scope", "openid profile", "state", "s1", "code_challenge", challenge,
                "code_challenge_method", "S256"));

        HttpResponse<String> toLogin = browser.send(HttpRequest.newBuilder(URI.create(authorize)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("login page has a CSRF token").isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "sam.prescriber", "password", "demo", "_csrf", csrf.group(1)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);

        HttpResponse<String> toClient = browser.send(HttpRequest.newBuilder(URI.create(signedIn.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        String back = toClient.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(REDIRECT).contains("state=s1");
        String code = URI.create(back).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        HttpResponse<String> withoutVerifier = tokenRequest("bridgeway-web", "demo-web-secret", form(Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT)));
        assertThat(withoutVerifier.statusCode()).as("a code without its verifier").isBetween(400, 401);
        HttpResponse<String> withoutSecret = tokenRequest("bridgeway-web", "not-the-secret", form(Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier)));
        assertThat(withoutSecret.statusCode()).as("the web server's client with a wrong secret").isEqualTo(401);

        HttpResponse<String> tokens = tokenRequest("bridgeway-web", "demo-web-secret", form(Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier)));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        var access = SignedJWT.parse(field(tokens.body(), "access_token")).getJWTClaimsSet();
        assertThat(access.getSubject()).isEqualTo("sam.prescriber");
        assertThat(access.getStringListClaim("roles")).containsExactly("REFERRER");
        assertThat(access.getStringClaim("azp")).isEqualTo("bridgeway-web");
        var id = SignedJWT.parse(field(tokens.body(), "id_token")).getJWTClaimsSet();
        assertThat(id.getStringClaim("name")).isEqualTo("Sam Prescriber");

        // The session outlives the access token: the refresh token gives new ones for the working day.
        String refresh = field(tokens.body(), "refresh_token");
        HttpResponse<String> renewed = tokenRequest("bridgeway-web", "demo-web-secret", form(Map.of("grant_type", "refresh_token", "refresh_token", refresh)));
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(SignedJWT.parse(field(renewed.body(), "access_token")).getJWTClaimsSet().getSubject()).isEqualTo("sam.prescriber");
        assertThat(tokenRequest("bridgeway-web", "not-the-secret", form(Map.of("grant_type", "refresh_token", "refresh_token", refresh))).statusCode())
                .as("a refresh token without the client's secret").isEqualTo(401);
    }

    @Test
    void theSigningKeyIsKeptSoTokensSurviveARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key.json");
        String first = SigningKey.loadOrCreate(file).getKeyID();

        assertThat(SigningKey.loadOrCreate(file).getKeyID()).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(List.of(field(get("/oauth2/jwks"), "kty"))).containsExactly("RSA");
    }

    HttpResponse<String> tokenRequest(String client, String secret, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
