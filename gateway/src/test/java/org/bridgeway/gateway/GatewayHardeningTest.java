package org.bridgeway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the gateway adds to every exchange: a request id passed on and returned, and the security headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GatewayHardeningTest {

    /** The directory's stand-in: it answers with the request id it was given, as a service would log it. */
    static final HttpServer DIRECTORY = directory();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String nobody = "http://localhost:" + GatewayTest.closedPort();
        registry.add("BRIDGEWAY_DIRECTORY_URL", () -> "http://localhost:" + DIRECTORY.getAddress().getPort());
        registry.add("BRIDGEWAY_REFERRAL_URL", () -> nobody);
        registry.add("BRIDGEWAY_NOTIFICATION_URL", () -> nobody);
        registry.add("BRIDGEWAY_WEB_URL", () -> nobody);
        registry.add("BRIDGEWAY_IDENTITY_URL", () -> nobody);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    }

    @AfterAll
    static void stop() {
        DIRECTORY.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void everyRequestGetsAnIdThatTheServiceAndTheCallerBothSee() throws Exception {
        HttpResponse<String> fresh = get("/openreferral/services", Map.of());
        String id = fresh.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(fresh.body()).isEqualTo("request " + id);

        assertThat(get("/openreferral/services", Map.of("X-Request-Id", "client-chosen-42")).body())
                .as("a caller's own plain id is kept").isEqualTo("request client-chosen-42");
        for (String notPlain : java.util.List.of("x".repeat(65), "short", "two words here", "id;drop=1")) {
            HttpResponse<String> replaced = get("/openreferral/services", Map.of("X-Request-Id", notPlain));
            String given = replaced.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(given).as("an id that is not a plain token is replaced: " + notPlain).matches("[0-9a-f-]{36}");
            assertThat(replaced.body()).as("and the service gets the replacement").isEqualTo("request " + given);
        }
    }

    @Test
    void theAccessLogHasTheIdButNotTheQuery(CapturedOutput log) throws Exception {
        String id = get("/openreferral/services?postcode=ME7+1AA", Map.of()).headers().firstValue("X-Request-Id").orElseThrow();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(log.getAll()).contains("GET /openreferral/services 200 ").contains("request " + id));
        assertThat(log.getAll()).doesNotContain("ME7");
    }

    @Test
    void metricsAreForTheMonitoringSystemNotForCallersThroughTheLoadBalancer() throws Exception {
        assertThat(get("/actuator/prometheus", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", Map.of("X-Forwarded-For", "203.0.113.9")).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/prometheus", Map.of("Forwarded", "for=203.0.113.9")).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health", Map.of("X-Forwarded-For", "203.0.113.9")).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/%70rometheus", Map.of("X-Forwarded-For", "203.0.113.9")).statusCode()).as("percent-encoded").isEqualTo(404);
        assertThat(get("/actuator//prometheus", Map.of("X-Forwarded-For", "203.0.113.9")).statusCode()).isEqualTo(404);
        assertThat(get("/actuator", Map.of("X-Forwarded-For", "203.0.113.9")).statusCode()).as("the endpoint list").isEqualTo(404);
        assertThat(get("/actuator/info", Map.of("X-Forwarded-For", "203.0.113.9")).statusCode()).isEqualTo(200);
    }

    @Test
    void aServicesOwnContentPolicyIsKeptAsItIs() throws Exception {
        HttpResponse<String> page = get("/openreferral/services", Map.of());

        assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'self'");
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
    }

    @Test
    void theGatewaysOwnRefusalsCarryTheRequestIdAndTheSecurityHeaders() throws Exception {
        HttpResponse<String> refused = get("/api/referrals", Map.of());
        HttpResponse<String> down = get("/api/referrals", Map.of("Authorization", "Bearer " + TestTokens.referrer()));

        for (HttpResponse<String> response : java.util.List.of(refused, down, get("/no/such/page", Map.of()))) {
            String id = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(response.body()).contains("\"requestId\":\"" + id + "\"");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        }
        assertThat(down.statusCode()).isEqualTo(503);
    }

    @Test
    void corsIsClosedExceptForTheOpenReferralFeed() throws Exception {
        HttpResponse<String> api = get("/api/referrals", Map.of("Origin", "https://elsewhere.example",
                "Authorization", "Bearer " + TestTokens.referrer()));
        assertThat(api.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).as("a preflight from another site").isGreaterThanOrEqualTo(400);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> feed = get("/openreferral/services", Map.of("Origin", "https://elsewhere.example"));
        assertThat(feed.headers().firstValue("Access-Control-Allow-Origin")).as("the feed's own CORS, passed on").hasValue("*");
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer directory() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/openreferral/", exchange -> {
                byte[] body = ("request " + exchange.getRequestHeaders().getFirst("X-Request-Id")).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
                exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'");
                exchange.getResponseHeaders().set("Referrer-Policy", "same-origin");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
