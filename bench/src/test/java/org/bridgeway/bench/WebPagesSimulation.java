package org.bridgeway.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The web front end's server render time, as a browser asks for pages: each virtual user signs
 * in through the real OpenID Connect flow (the gateway, the identity provider's login form,
 * the code exchange), then asks for one page again and again for {@code duration} seconds (60):
 * prescribers the directory search, providers their inbox, managers the reports dashboard,
 * {@code users} (4) of each. Asserts each page's p95 under {@code p95ms} (150).
 *
 * <p>Gatling does not send Secure cookies over plain http, so run the platform with
 * {@code BRIDGEWAY_SECURE_COOKIES=false ./bridgeway run} for this bench.
 */
public class WebPagesSimulation extends Simulation {

    static final int USERS = Integer.getInteger("users", 4);
    static final int DURATION_SECONDS = Integer.getInteger("duration", 60);
    static final int P95_MS = Integer.getInteger("p95ms", 150);

    final HttpProtocolBuilder protocol = http.baseUrl(SkeletonFlowSimulation.GATEWAY).acceptHeader("text/html")
            .userAgentHeader("bridgeway-bench");

    /** Sign-in as a person does it; redirects are followed and cookies kept per virtual user. */
    static ChainBuilder signIn(String user) {
        return exec(
                http("sign in: login page").get("/oauth2/authorization/bridgeway")
                        .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")),
                http("sign in: credentials").post(SkeletonFlowSimulation.IDENTITY + "/login")
                        .formParam("username", user).formParam("password", "demo").formParam("_csrf", "#{csrf}")
                        .check(status().is(200), substring("Hello,")));
    }

    static PopulationBuilder page(String name, String user, String path, String expected) {
        return scenario(name).exec(signIn(user))
                .during(Duration.ofSeconds(DURATION_SECONDS)).on(exec(http(name).get(path).check(status().is(200), substring(expected))))
                .injectOpen(atOnceUsers(USERS));
    }

    {
        setUp(page("search page", "sam.prescriber", "/search?q=energy+bills&postcode=ME7", "services found"),
                page("inbox page", "gemma.greendoctors", "/referrals", "Referrals received"),
                page("dashboard page", "maya.manager", "/reports", "Referrals by need"))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lt(1.0),
                        details("search page").responseTime().percentile(95.0).lt(P95_MS),
                        details("inbox page").responseTime().percentile(95.0).lt(P95_MS),
                        details("dashboard page").responseTime().percentile(95.0).lt(P95_MS));
    }

    @Override
    public void before() {
        SkeletonFlowSimulation.reachable(SkeletonFlowSimulation.GATEWAY + "/actuator/health", "gateway");
        System.out.printf("Web pages: %d users per page for %d s against %s%n", USERS, DURATION_SECONDS, SkeletonFlowSimulation.GATEWAY);
    }
}
