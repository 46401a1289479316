package org.bridgeway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Two gateways sharing their buckets in Redis: what one has allowed, the other counts. Needs Docker; skipped, saying so, without it. */
@ExtendWith(DockerAvailable.class)
@Testcontainers
class RateLimitsOnRedisTest {

    @Container
    static final GenericContainer<?> REDIS = new GenericContainer<>("redis:7.4-alpine").withExposedPorts(6379);

    @Test
    void aPersonsAllowanceIsSharedByEveryGateway() throws Exception {
        String nobody = "http://localhost:" + GatewayTest.closedPort();
        String[] properties = {
                "server.port=0", "BRIDGEWAY_DIRECTORY_URL=" + nobody, "BRIDGEWAY_REFERRAL_URL=" + nobody,
                "BRIDGEWAY_NOTIFICATION_URL=" + nobody, "BRIDGEWAY_WEB_URL=" + nobody, "BRIDGEWAY_IDENTITY_URL=" + nobody,
                "bridgeway.rate-limits.redis-uri=redis://" + REDIS.getHost() + ":" + REDIS.getMappedPort(6379),
                "bridgeway.rate-limits.per-person.burst=2", "bridgeway.rate-limits.per-person.per-second=1",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwksUri()};
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(GatewayApplication.class).properties(properties).run();
             ConfigurableApplicationContext second = new SpringApplicationBuilder(GatewayApplication.class).properties(properties).run()) {
            String token = TestTokens.token("person-" + UUID.randomUUID(), "REFERRER", null, TestTokens.AUDIENCE);
            // Both have the key set before the test starts, so no fetch stretches it past the refill.
            assertThat(status(first, TestTokens.referrer())).isEqualTo(503);
            assertThat(status(second, TestTokens.referrer())).isEqualTo(503);

            assertThat(status(first, token)).as("the service is down, but the call was allowed").isEqualTo(503);
            assertThat(status(first, token)).isEqualTo(503);
            assertThat(status(second, token)).as("the other gateway knows the burst is spent").isEqualTo(429);
        }
    }

    private static int status(ConfigurableApplicationContext gateway, String token) throws Exception {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
