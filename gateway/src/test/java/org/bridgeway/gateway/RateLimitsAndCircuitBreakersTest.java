package org.bridgeway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Abuse turned away (429 with Retry-After per person, per client and per address) and a service
 * that hangs cut off by its circuit breaker, with small limits so the tests reach them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bridgeway.rate-limits.per-person.burst=3", "bridgeway.rate-limits.per-person.per-second=1",
        "bridgeway.rate-limits.per-client.burst=6", "bridgeway.rate-limits.per-client.per-second=1",
        "bridgeway.rate-limits.per-address.burst=3", "bridgeway.rate-limits.per-address.per-second=1",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=300ms",
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=2",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1h"})
class RateLimitsAndCircuitBreakersTest {

    /** Answers every directory call at once. */
    static final HttpServer DIRECTORY = server(0);
    /** Takes far longer than the gateway waits, as a service stuck on its database would. */
    static final HttpServer STUCK_NOTIFICATIONS = server(2000);
    static final AtomicInteger STUCK_CALLS = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String nobody = "http://localhost:" + GatewayTest.closedPort();
        registry.add("BRIDGEWAY_DIRECTORY_URL", () -> "http://localhost:" + DIRECTORY.getAddress().getPort());
        registry.add("BRIDGEWAY_NOTIFICATION_URL", () -> "http://localhost:" + STUCK_NOTIFICATIONS.getAddress().getPort());
        registry.add("BRIDGEWAY_REFERRAL_URL", () -> nobody);
        registry.add("BRIDGEWAY_WEB_URL", () -> nobody);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    }

    @AfterAll
    static void stop() {
        DIRECTORY.stop(0);
        STUCK_NOTIFICATIONS.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aPersonAskingTooOftenIsToldToWaitWhileOthersCarryOn() throws Exception {
        String client = "client-" + UUID.randomUUID();
        String sam = TestTokens.token("sam.prescriber", "REFERRER", null, TestTokens.AUDIENCE, client);

        List<Integer> statuses = untilRefused("/api/directory/services", sam);
        assertThat(statuses.subList(0, 3)).as("the burst of 3 is allowed").containsOnly(200);
        HttpResponse<String> refused = get("/api/directory/services", sam);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 2);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429").contains("try again in")
                .contains("\"requestId\":\"" + refused.headers().firstValue("X-Request-Id").orElseThrow() + "\"");

        String lee = TestTokens.token("lee.navigator", "REFERRER", null, TestTokens.AUDIENCE, client);
        assertThat(get("/api/directory/services", lee).statusCode()).as("another person through the same client").isEqualTo(200);
    }

    @Test
    void aClientIsLimitedAcrossAllItsPeople() throws Exception {
        String client = "client-" + UUID.randomUUID();
        List<Integer> statuses = new ArrayList<>();
        for (int person = 0; person < 12 && !statuses.contains(429); person++) {
            statuses.add(get("/api/directory/services", TestTokens.token("person-" + person, "REFERRER", null, TestTokens.AUDIENCE, client)).statusCode());
        }
        assertThat(statuses).as("each person asks once; the client's burst is 6").endsWith(429);
        assertThat(statuses.subList(0, 6)).containsOnly(200);
    }

    @Test
    void withoutATokenTheAddressIsLimited() throws Exception {
        List<Integer> statuses = untilRefused("/openreferral/services", null);
        assertThat(statuses.subList(0, Math.min(3, statuses.size() - 1))).containsOnly(200);
        assertThat(statuses).endsWith(429);
    }

    @Test
    void aServiceThatHangsIsCutOffAndThenNotCalledAtAll() throws Exception {
        for (int call = 0; call < 2; call++) {
            HttpResponse<String> timedOut = get("/api/notifications", fresh());
            assertThat(timedOut.statusCode()).as("the gateway stops waiting").isEqualTo(503);
        }
        int reached = STUCK_CALLS.get();
        assertThat(reached).isEqualTo(2);

        HttpResponse<String> open = get("/api/notifications", fresh());
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(open.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(open.body()).contains("not available just now");
        Thread.sleep(500);
        assertThat(STUCK_CALLS.get()).as("with the breaker open, the stuck service is left alone").isEqualTo(reached);

        assertThat(get("/api/directory/services", fresh()).statusCode()).as("other routes have their own breakers").isEqualTo(200);
    }

    /** A new person and client each time, so the rate limits stay out of the circuit breaker's test. */
    private static String fresh() {
        return TestTokens.token("person-" + UUID.randomUUID(), "REFERRER", null, TestTokens.AUDIENCE, "client-" + UUID.randomUUID());
    }

    /**
     * Asks until refused, up to a few more than the burst: the bucket refills by one a second, so
     * a slow machine may see one more allowed, never an unlimited number.
     */
    private List<Integer> untilRefused(String path, String token) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        while (statuses.size() < 8 && !statuses.contains(429)) {
            statuses.add(get(path, token).statusCode());
        }
        assertThat(statuses).endsWith(429);
        return statuses;
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer server(long delayMillis) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                if (delayMillis > 0) {
                    STUCK_CALLS.incrementAndGet();
                    try {
                        Thread.sleep(delayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
