package org.bridgeway.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The skeleton flow through the gateway, as fast as {@code users} concurrent virtual users can go for
 * {@code duration} seconds: a referrer submits a referral, the provider lists its inbox and accepts it,
 * the referrer reads it back and the provider reads its notifications.
 *
 * <p>System properties: {@code gateway} (http://localhost:8080), {@code identity} (http://localhost:9000),
 * {@code users} (8), {@code duration} (seconds, 30), {@code p95ms} (the p95 bound asserted, 5000).
 * Besides Gatling's report (target/gatling), it writes target/bench-flow.txt with the completed
 * referrals and flows per second, which bench/run.sh sets against the infrastructure baseline.
 */
public class SkeletonFlowSimulation extends Simulation {

    static final String GATEWAY = trimSlash(System.getProperty("gateway", "http://localhost:8080"));
    static final String IDENTITY = trimSlash(System.getProperty("identity", "http://localhost:9000"));
    static final int USERS = Integer.getInteger("users", 8);
    static final int DURATION_SECONDS = Integer.getInteger("duration", 30);
    static final int P95_MS = Integer.getInteger("p95ms", 5000);

    /** Demo listing "Green Doctors Energy Advice", loaded by ./bridgeway run. */
    static final String SERVICE_ID = "9a0c4b7e-1f2d-4c3b-8a5e-6d7f8e9a0b11";
    static final String REFERRAL = """
            {"serviceId":"%s","category":"fuel","urgency":"ROUTINE","reason":"bench",\
            "consent":{"given":true,"method":"VERBAL","recordedAt":"2026-11-22T10:00:00Z"},\
            "resident":{"name":"Bench Resident","dateOfBirth":"1980-01-01","postcode":"ME7 1AA","contactPreference":"PHONE"}}"""
            .formatted(SERVICE_ID);

    /** Demo clients (client_credentials, secret "demo"). */
    static final Token SAM = new Token("sam.prescriber", "demo"); // REFERRER
    static final Token GEMMA = new Token("gemma.greendoctors", "demo"); // PROVIDER of the listing's organisation
    static final Token ADAM = new Token("adam.admin", "demo"); // ADMIN: only checked to have a token

    static final AtomicLong REFERRALS = new AtomicLong();
    static final AtomicLong FLOWS = new AtomicLong();
    static volatile Instant started;

    final HttpProtocolBuilder protocol = http.baseUrl(GATEWAY)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .userAgentHeader("bridgeway-bench");

    final ChainBuilder flow = exec(
            http("submit referral").post("/api/referrals")
                    .header("Authorization", session -> SAM.bearer())
                    .body(StringBody(REFERRAL))
                    .check(status().is(201), jsonPath("$.id").saveAs("id"), header("ETag").optional().saveAs("etag")))
            .exitHereIfFailed()
            .exec(session -> {
                REFERRALS.incrementAndGet();
                return session;
            })
            .exec(http("provider inbox").get("/api/referrals?view=inbox&size=5")
                    .header("Authorization", session -> GEMMA.bearer())
                    .check(status().is(200)))
            .exec(http("accept referral").post("/api/referrals/#{id}/accept")
                    // The ETag of the new referral, which is "1"
                    .header("If-Match", session -> session.contains("etag") ? session.getString("etag") : "\"1\"")
                    .header("Authorization", session -> GEMMA.bearer())
                    .check(status().is(200)))
            .exec(http("referrer reads referral").get("/api/referrals/#{id}")
                    .header("Authorization", session -> SAM.bearer())
                    .check(status().is(200)))
            .exec(http("provider notifications").get("/api/notifications")
                    .header("Authorization", session -> GEMMA.bearer())
                    .check(status().is(200)))
            .exec(session -> {
                if (!session.isFailed()) {
                    FLOWS.incrementAndGet();
                }
                return session;
            });

    final ScenarioBuilder skeleton = scenario("skeleton flow").exec(flow);

    {
        setUp(skeleton.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(DURATION_SECONDS))))
                .protocols(protocol)
                .assertions(
                        global().responseTime().percentile(95.0).lt(P95_MS),
                        global().failedRequests().percent().lt(1.0));
    }

    /** Before any virtual user starts: the platform must answer, and every demo client gets a token. */
    @Override
    public void before() {
        System.out.printf("Skeleton flow: %d users for %d s against %s (tokens from %s)%n", USERS, DURATION_SECONDS, GATEWAY, IDENTITY);
        reachable(GATEWAY + "/actuator/health", "gateway");
        reachable(IDENTITY + "/.well-known/openid-configuration", "identity provider");
        SAM.bearer();
        GEMMA.bearer();
        ADAM.bearer();
        REFERRALS.set(0);
        FLOWS.set(0);
        started = Instant.now();
    }

    /** Writes the throughput figures that bench/run.sh compares with the infrastructure baseline. */
    @Override
    public void after() {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        String figures = String.format(Locale.ROOT, """
                        # Skeleton flow through the gateway, %s
                        users=%d
                        duration_s=%d
                        elapsed_s=%.2f
                        referrals_ok=%d
                        flows_ok=%d
                        referrals_per_s=%.2f
                        flows_per_s=%.2f
                        """, Instant.now(), USERS, DURATION_SECONDS, seconds, REFERRALS.get(), FLOWS.get(),
                REFERRALS.get() / seconds, FLOWS.get() / seconds);
        System.out.printf(Locale.ROOT, "Skeleton flow: %d referrals submitted, %d whole flows completed in %.1f s: %.1f referrals/s%n",
                REFERRALS.get(), FLOWS.get(), seconds, REFERRALS.get() / seconds);
        try {
            Path target = targetDir();
            Files.createDirectories(target);
            Files.writeString(target.resolve("bench-flow.txt"), figures);
        } catch (IOException e) {
            System.err.println("could not write bench-flow.txt: " + e);
        }
    }

    static void reachable(String url, String what) {
        try {
            HttpResponse<Void> response = Token.CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 500) {
                throw new IllegalStateException("The " + what + " at " + url + " answers " + response.statusCode()
                        + "; is Bridgeway healthy (./bridgeway status)?");
            }
        } catch (IOException e) {
            throw new IllegalStateException("The " + what + " at " + url + " is not reachable (" + e + "). "
                    + "Start the platform first, in another shell: ./bridgeway run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** bench/target: from the location of the compiled classes, or -Dbench.target. */
    static Path targetDir() {
        String configured = System.getProperty("bench.target");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path classes = Path.of(SkeletonFlowSimulation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (Exception e) {
            return Path.of("target");
        }
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A client-credentials access token, fetched again a while before it expires. */
    static final class Token {

        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

        private final String clientId;
        private final String basic;
        private volatile String bearer;
        private volatile Instant renewAt = Instant.MIN;

        Token(String clientId, String secret) {
            this.clientId = clientId;
            this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        String bearer() {
            if (Instant.now().isAfter(renewAt)) {
                synchronized (this) {
                    if (Instant.now().isAfter(renewAt)) {
                        fetch();
                    }
                }
            }
            return bearer;
        }

        private void fetch() {
            String url = IDENTITY + "/oauth2/token";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build();
            HttpResponse<String> response;
            try {
                response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("No token for " + clientId + ": " + url + " is not reachable (" + e + "). "
                        + "Start the platform first, in another shell: ./bridgeway run", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("No token for " + clientId + " from " + url + ": HTTP " + response.statusCode() + " " + response.body());
            }
            Matcher expires = EXPIRES_IN.matcher(response.body());
            long lifetime = expires.find() ? Long.parseLong(expires.group(1)) : 300;
            bearer = "Bearer " + token.group(1);
            // Renew at 80 % of the lifetime, so no request goes out with a token about to expire.
            renewAt = Instant.now().plusSeconds(Math.max(1, lifetime * 8 / 10));
        }
    }
}
