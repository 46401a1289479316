package org.bridgeway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway's own answers, with every service behind it down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String nobody = "http://localhost:" + closedPort();
        registry.add("BRIDGEWAY_DIRECTORY_URL", () -> nobody);
        registry.add("BRIDGEWAY_REFERRAL_URL", () -> nobody);
        registry.add("BRIDGEWAY_NOTIFICATION_URL", () -> nobody);
        registry.add("BRIDGEWAY_WEB_URL", () -> nobody);
        registry.add("BRIDGEWAY_IDENTITY_URL", () -> nobody);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aKeyTheProviderAddsIsFetchedWithoutARestart() throws Exception {
        assertThat(get("/api/referrals", TestTokens.referrer()).statusCode()).as("the first key, now cached").isEqualTo(503);

        assertThat(get("/api/referrals", TestTokens.referrerWithANewKey()).statusCode())
                .as("an unknown key id fetches the key set again: accepted, then the service is down").isEqualTo(503);
    }

    @Autowired
    ReactiveJwtDecoder decoder;

    @Test
    void tokensAreVerifiedOnceByTheDecoderBootConfigured() throws Exception {
        assertThat(decoder).isInstanceOf(ReactiveVerifiedTokens.class);
        String token = TestTokens.token("sam.prescriber", "REFERRER", null, "another-api");
        assertThat(get("/api/referrals", token).statusCode()).isEqualTo(401);
        assertThat(get("/api/referrals", token).statusCode()).as("refused again: the audience is still checked").isEqualTo(401);
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestIsTimedWithoutSpringSecuritysOwnObservations() throws Exception {
        get("/api/referrals", TestTokens.referrer());
        for (int wait = 0; wait < 50 && meters.find("http.server.requests").timers().isEmpty(); wait++) {
            Thread.sleep(100); // the timer is recorded as the exchange completes, which may be just after the answer arrives
        }

        assertThat(meters.find("http.server.requests").timers()).as("the request's own timer").isNotEmpty();
        assertThat(meters.find("spring.security.filterchains").timers()).as("switched off: a cost on every request").isEmpty();
        assertThat(meters.find("spring.security.authentications").timers()).isEmpty();
    }

    @Test
    void anUnknownRouteIsAProblemNotFound() throws Exception {
        HttpResponse<String> response = get("/no/such/thing", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404");
    }

    @Test
    void apiCallsWithoutAValidTokenForThisAudienceStopAtTheGateway() throws Exception {
        assertThat(get("/api/referrals", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/referrals", "garbage").statusCode()).isEqualTo(401);
        HttpResponse<String> otherAudience = get("/api/referrals", TestTokens.token("sam.prescriber", "REFERRER", null, "another-api"));
        assertThat(otherAudience.statusCode()).isEqualTo(401);
        assertThat(otherAudience.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(otherAudience.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aServiceThatIsDownIsAProblemServiceUnavailableAndTheOpenReferralFeedNeedsNoToken() throws Exception {
        HttpResponse<String> withToken = get("/api/referrals", TestTokens.referrer());
        HttpResponse<String> publicFeed = get("/openreferral/services", null);

        assertThat(withToken.statusCode()).isEqualTo(503);
        assertThat(withToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(withToken.body()).doesNotContain("Exception", "at org.");
        assertThat(publicFeed.statusCode()).isEqualTo(503);
        assertThat(get("/search", null).statusCode()).as("a page of the web front end").isEqualTo(503);
        assertThat(get("/actuator/health", null).statusCode()).as("the web's actuator is not routed").isNotEqualTo(503);
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedBeforeAnyServiceSeesIt() throws Exception {
        String big = "{\"reason\":\"" + "x".repeat(1_200_000) + "\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                .header("Authorization", "Bearer " + TestTokens.referrer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A port nothing listens on for the whole test. Below the system's range for ports it hands
     * out (32768 and up here): a port from that range was once given to the gateway under test
     * itself, which then proxied "the service that is down" to itself.
     */
    static int closedPort() throws IOException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }
}
