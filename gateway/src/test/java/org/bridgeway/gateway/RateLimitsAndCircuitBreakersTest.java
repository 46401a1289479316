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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
        "bridgeway.rate-limits.refused-tokens-per-address.burst=4", "bridgeway.rate-limits.refused-tokens-per-address.per-second=1",
        "bridgeway.rate-limits.trusted-proxy-hops=1",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=300ms",
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=2",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1h"})
class RateLimitsAndCircuitBreakersTest {

    /** More calls at once than Resilience4j's default bulkhead (25) would let through. */
    static final int AT_ONCE = 40;
    static final CountDownLatch IMPORTS_IN_FLIGHT = new CountDownLatch(AT_ONCE);
    /**
     * Answers every directory call at once, except imports: each waits until {@link #AT_ONCE} of
     * them are in at the same time, then all are answered (or, after 20 s, refused).
     */
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
        registry.add("BRIDGEWAY_IDENTITY_URL", () -> nobody);
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

        List<HttpResponse<String>> answers = untilRefused("/api/directory/services", sam, null);
        assertThat(answers.subList(0, 3)).as("the burst of 3 is allowed").allMatch(answer -> answer.statusCode() == 200);
        HttpResponse<String> refused = answers.getLast();
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 2);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429").contains("try again in")
                .contains("\"requestId\":\"" + refused.headers().firstValue("X-Request-Id").orElseThrow() + "\"");

        String lee = TestTokens.token("lee.navigator", "REFERRER", null, TestTokens.AUDIENCE, client);
        assertThat(get("/api/directory/services", lee, null).statusCode()).as("another person through the same client").isEqualTo(200);
        assertThat(get("/actuator/health", null, null).statusCode()).as("health is never limited").isEqualTo(200);
    }

    @Test
    void aClientIsLimitedAcrossAllItsPeople() throws Exception {
        String client = "client-" + UUID.randomUUID();
        List<Integer> statuses = new ArrayList<>();
        for (int person = 0; person < 12 && !statuses.contains(429); person++) {
            statuses.add(get("/api/directory/services", TestTokens.token("person-" + person, "REFERRER", null, TestTokens.AUDIENCE, client), null)
                    .statusCode());
        }
        assertThat(statuses).as("each person asks once; the client's burst is 6").endsWith(429);
        assertThat(statuses.subList(0, 6)).containsOnly(200);
    }

    @Test
    void withoutATokenTheAddressIsLimited() throws Exception {
        String address = "203.0.113." + new java.util.Random().nextInt(1, 255);
        List<HttpResponse<String>> answers = untilRefused("/openreferral/services", null, address);
        assertThat(answers.getFirst().statusCode()).isEqualTo(200);
        assertThat(answers.size()).as("at least the burst of 3 before the refusal").isGreaterThan(3);
        assertThat(get("/openreferral/services", null, "198.51.100.7").statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void anAddressWhoseTokensKeepFailingIsTurnedAwayBeforeTheCheck() throws Exception {
        String address = "192.0.2." + new java.util.Random().nextInt(1, 255);
        String forged = fresh().substring(0, 40) + "forged";
        List<Integer> statuses = new ArrayList<>();
        while (statuses.size() < 10 && !statuses.contains(429)) {
            statuses.add(get("/api/directory/services", forged, address).statusCode());
        }
        assertThat(statuses.subList(0, 4)).as("the first refusals are 401").containsOnly(401);
        assertThat(statuses).endsWith(429);
        assertThat(get("/api/directory/services", fresh(), address).statusCode()).as("even a good token waits").isEqualTo(429);
        assertThat(get("/api/directory/services", fresh(), "192.0.2.0").statusCode()).as("another address is let in").isEqualTo(200);
    }

    @Test
    void aServiceThatHangsIsCutOffAndThenNotCalledAtAll() throws Exception {
        for (int call = 0; call < 2; call++) {
            HttpResponse<String> timedOut = get("/api/notifications", fresh(), null);
            assertThat(timedOut.statusCode()).as("the gateway stops waiting").isEqualTo(503);
        }
        int reached = STUCK_CALLS.get();
        assertThat(reached).isEqualTo(2);

        HttpResponse<String> open = get("/api/notifications", fresh(), null);
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(open.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(open.body()).contains("not available just now");
        Thread.sleep(500);
        assertThat(STUCK_CALLS.get()).as("with the breaker open, the stuck service is left alone").isEqualTo(reached);

        assertThat(get("/api/directory/services", fresh(), null).statusCode()).as("other routes have their own breakers").isEqualTo(200);
    }

    @Test
    void manyCallsAtOnceToOneServiceAllGoThrough() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < AT_ONCE; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/imports/open-referral"))
                    .header("Authorization", "Bearer " + fresh()).build();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.get(60, TimeUnit.SECONDS).statusCode()).as("no bulkhead turns the %dth call away", AT_ONCE).isEqualTo(200);
        }
    }

    /** A new person and client each time, so the rate limits stay out of the circuit breaker's test. */
    private static String fresh() {
        return TestTokens.token("person-" + UUID.randomUUID(), "REFERRER", null, TestTokens.AUDIENCE, "client-" + UUID.randomUUID());
    }

    /**
     * Asks until refused, up to a few more than the burst: the bucket refills by one a second, so
     * a slow machine may see one more allowed, never an unlimited number.
     */
    private List<HttpResponse<String>> untilRefused(String path, String token, String address) throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        while (answers.size() < 8 && (answers.isEmpty() || answers.getLast().statusCode() != 429)) {
            answers.add(get(path, token, address));
        }
        assertThat(answers.getLast().statusCode()).isEqualTo(429);
        return answers;
    }

    /** @param address where the request comes from, as the proxy in front of the gateway says; null for this machine */
    HttpResponse<String> get(String path, String token, String address) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (address != null) {
            request.header("X-Forwarded-For", address);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer server(long delayMillis) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().startsWith("/api/directory/imports")) {
                    IMPORTS_IN_FLIGHT.countDown();
                    try {
                        if (!IMPORTS_IN_FLIGHT.await(20, TimeUnit.SECONDS)) {
                            exchange.sendResponseHeaders(504, -1);
                            exchange.close();
                            return;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
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
