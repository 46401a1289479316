package org.bridgeway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * End to end with the production identity provider: Keycloak importing the realm in
 * {@code deploy/keycloak}, its tokens read by the directory exactly as the local provider's are.
 * Proves the realm's mappers give what the services decide on: {@code roles}, {@code org_id} and
 * the {@code bridgeway-api} audience. Skipped, saying so, where there is no Docker.
 */
@ExtendWith(DockerAvailable.class)
@Testcontainers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bridgeway.demo-data.enabled=true")
class DirectoryServiceWithKeycloakTest {

    /** Made afresh for each run's throwaway Keycloak, as an operator would for a real one. */
    private static final String DEMO_PASSWORD = UUID.randomUUID().toString();
    private static final String WEB_SECRET = UUID.randomUUID().toString();
    private static final String API_SECRET = UUID.randomUUID().toString();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Container
    static final GenericContainer<?> KEYCLOAK = new GenericContainer<>("quay.io/keycloak/keycloak:26.3.2")
            .withCopyFileToContainer(MountableFile.forHostPath(Path.of("../deploy/keycloak/bridgeway-realm.json")),
                    "/opt/keycloak/data/import/bridgeway-realm.json")
            .withEnv(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                    "BRIDGEWAY_DEMO_PASSWORD", DEMO_PASSWORD, "BRIDGEWAY_WEB_CLIENT_SECRET", WEB_SECRET,
                    "BRIDGEWAY_API_CLIENT_SECRET", API_SECRET, "BRIDGEWAY_PUBLIC_URL", "http://localhost:8080"))
            .withCommand("start-dev", "--import-realm")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/realms/bridgeway/.well-known/openid-configuration").forPort(8080)
                    .withStartupTimeout(Duration.ofMinutes(3)));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> realm());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> realm() + "/protocol/openid-connect/certs");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void theApiClientsServiceAccountIsAnAdministrator() throws Exception {
        String token = token(Map.of("grant_type", "client_credentials", "client_id", "bridgeway-api-client", "client_secret", API_SECRET));

        JsonNode claims = claims(token);
        assertThat(claims.get("aud").toString()).contains("bridgeway-api");
        assertThat(claims.get("roles").toString()).contains("ADMIN");
        assertThat(api().get("/api/directory/audit", token).status()).isEqualTo(200);
    }

    @Test
    void aProviderChangesTheirOwnOrganisationsCapacityAndNoOneElses() throws Exception {
        allowPasswordSignInForThisTest();
        String gemma = password("gemma.greendoctors");
        String carl = password("carl.citizensadvice");
        assertThat(claims(gemma).get("org_id").asString()).isEqualTo(TestTokens.GREEN_DOCTORS);

        String listing = api().get("/api/directory/organisations/" + TestTokens.GREEN_DOCTORS + "/services", gemma)
                .body().get(0).get("id").asString();

        assertThat(api().put("/api/directory/services/" + listing + "/capacity", gemma, "{\"status\":\"WAITING_LIST\",\"estimatedWaitWeeks\":3}", Map.of()).status())
                .isEqualTo(200);
        assertThat(api().put("/api/directory/services/" + listing + "/capacity", carl, "{\"status\":\"PAUSED\"}", Map.of()).status())
                .isEqualTo(403);
        assertThat(api().get("/api/directory/audit", gemma).status()).isEqualTo(403);
    }

    private Api api() {
        return new Api(port);
    }

    private static String realm() {
        return "http://" + KEYCLOAK.getHost() + ":" + KEYCLOAK.getMappedPort(8080) + "/realms/bridgeway";
    }

    private static String password(String username) throws Exception {
        return token(Map.of("grant_type", "password", "client_id", "bridgeway-web", "client_secret", WEB_SECRET,
                "username", username, "password", DEMO_PASSWORD, "scope", "openid"));
    }

    private static String token(Map<String, String> form) throws Exception {
        return post(realm() + "/protocol/openid-connect/token", form, null).get("access_token").asString();
    }

    /** The realm signs people in through the browser only; this test asks for tokens directly, through Keycloak's admin API. */
    private static void allowPasswordSignInForThisTest() throws Exception {
        String base = "http://" + KEYCLOAK.getHost() + ":" + KEYCLOAK.getMappedPort(8080);
        String admin = post(base + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null).get("access_token").asString();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode client = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/bridgeway/clients?clientId=bridgeway-web"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body()).get(0);
        JsonNode changed = ((ObjectNode) client).put("directAccessGrantsEnabled", true);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/bridgeway/clients/" + client.get("id").asString()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(changed.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(204);
    }

    private static JsonNode post(String url, Map<String, String> form, String bearer) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
