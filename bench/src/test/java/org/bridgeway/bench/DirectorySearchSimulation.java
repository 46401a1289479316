package org.bridgeway.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Directory search at scale: first the directory is grown to {@code listings} listings (50,000)
 * through the gateway, as an administrator would publish them; then {@code users} concurrent
 * referrers (32) search, {@code warmUp} seconds (20) not counted and then {@code duration} seconds with text, two filters and the facet counts
 * every search returns; then the same number of clients page through the public Open Referral
 * {@code /openreferral/services} feed. Asserts p95 under {@code p95ms} (100) for each, and writes
 * target/bench-directory.txt.
 */
public class DirectorySearchSimulation extends Simulation {

    static final int LISTINGS = Integer.getInteger("listings", 50_000);
    static final int USERS = Integer.getInteger("users", 32);
    static final int DURATION_SECONDS = Integer.getInteger("duration", 60);
    static final int P95_MS = Integer.getInteger("p95ms", 100);
    /** Searches before the measured ones, not counted: the load generator's own JVM is slow and busy compiling at first. */
    static final int WARM_UP_SECONDS = Integer.getInteger("warmUp", 20);
    static final String SEARCH = "search with two filters and facets";
    static final String GATEWAY = SkeletonFlowSimulation.GATEWAY;

    /** What a social prescriber types, typos included. */
    static final List<String> QUERIES = List.of("energy bills", "debt advice", "benefit", "housng", "mental health",
            "food bank", "carers", "lonely", "universal credit", "warm home", "budgeting", "counselling", "digital skills",
            "employment support", "family", "walking group", "befriending", "money advice", "heating", "anxiety");
    static final List<String> CATEGORIES = List.of("fuel", "housing", "benefits", "debt", "money-management",
            "mental-health", "food", "digital-inclusion", "employment-skills", "carers", "family-support", "social-connection");
    static final List<String> POSTCODES = List.of("ME1", "ME2", "ME3", "ME4", "ME5", "ME7", "ME8", "ME10", "ME14");
    static final List<String> AREAS = List.of("medway", "chatham", "gillingham", "rochester", "strood", "rainham", "swale", "maidstone");
    static final List<String> CAPACITIES = List.of("ACCEPTING", "WAITING_LIST");
    static final List<String> MODES = List.of("IN_PERSON", "HOME_VISIT", "PHONE", "ONLINE");
    static final List<String> WORDS = List.of("advice", "support", "community", "group", "help", "club", "drop-in",
            "service", "project", "hub", "wellbeing", "network", "centre", "line", "team", "circle");

    static volatile double seedSeconds;
    static volatile int seeded;

    final HttpProtocolBuilder protocol = http.baseUrl(GATEWAY).acceptHeader("application/json").userAgentHeader("bridgeway-bench");

    {
        var feed = http("open referral services page")
                .get(session -> "/openreferral/services?per_page=50&page=" + (1 + ThreadLocalRandom.current().nextInt(200)))
                .check(status().is(200), substring("\"empty\":false"));
        setUp(clients("warm-up search", WARM_UP_SECONDS, search("warm-up search"))
                .andThen(clients(SEARCH, DURATION_SECONDS, search(SEARCH))
                        .andThen(clients("open referral feed", DURATION_SECONDS, feed))))
                .protocols(protocol)
                .assertions(
                        details(SEARCH).responseTime().percentile(95.0).lt(P95_MS),
                        details("open referral services page").responseTime().percentile(95.0).lt(P95_MS),
                        global().failedRequests().percent().lt(1.0));
    }

    /**
     * {@code users} clients, each asking again as soon as it is answered, on its own kept-alive
     * connection as an HTTP client does: Gatling's default of one short-lived user per request made
     * a new connection for every search, and the gateway and the load generator spent their time on that.
     */
    static PopulationBuilder clients(String name, int seconds, HttpRequestActionBuilder request) {
        return scenario(name).during(Duration.ofSeconds(seconds)).on(exec(request)).injectOpen(atOnceUsers(USERS));
    }

    /**
     * The checks look for the answer's parts as text: parsing each 28 KB answer as JSON took the
     * load generator, which shares the machine's cores with the platform, a tenth of their time.
     */
    static HttpRequestActionBuilder search(String name) {
        return http(name)
                .get(session -> "/api/directory/services?" + randomSearch())
                .header("Authorization", session -> SkeletonFlowSimulation.SAM.bearer())
                .check(status().is(200), substring("\"facets\":{\"category\":"));
    }

    static String randomSearch() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String q = "q=" + URLEncoder.encode(pick(QUERIES), StandardCharsets.UTF_8);
        String place = random.nextBoolean() ? "postcode=" + pick(POSTCODES) : "area=" + pick(AREAS);
        String second = switch (random.nextInt(3)) {
            case 0 -> "category=" + pick(CATEGORIES);
            case 1 -> "capacity=" + pick(CAPACITIES);
            default -> "deliveryMode=" + pick(MODES);
        };
        return q + "&" + place + "&" + second;
    }

    static <T> T pick(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    /** Grows the directory to the wanted size through the gateway; a second run adds nothing. */
    @Override
    public void before() {
        SkeletonFlowSimulation.reachable(GATEWAY + "/actuator/health", "gateway");
        String admin = SkeletonFlowSimulation.ADAM.bearer();
        int present = totalListings();
        int missing = Math.max(0, LISTINGS - present);
        System.out.printf("Directory search: %d listings present, publishing %d more to reach %d%n", present, missing, LISTINGS);
        Instant seedStart = Instant.now();
        if (missing > 0) {
            List<String> organisations = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                organisations.add(created("/api/directory/organisations", """
                        {"name":"Bench Community Trust %d","type":"CHARITY","referralEmails":["referrals@bench%d.example"]}
                        """.formatted(i, i)));
            }
            AtomicLong done = new AtomicLong();
            try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
                List<Future<?>> sends = new ArrayList<>();
                for (int i = 0; i < missing; i++) {
                    String organisationId = organisations.get(i % organisations.size());
                    int n = present + i;
                    sends.add(pool.submit(() -> {
                        created("/api/directory/services", listing(organisationId, n));
                        long count = done.incrementAndGet();
                        if (count % 5000 == 0) {
                            System.out.printf("  %d listings published%n", count);
                        }
                    }));
                }
                for (Future<?> send : sends) {
                    send.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException("publishing the bench listings failed: " + e, e);
            }
        }
        seeded = missing;
        seedSeconds = Duration.between(seedStart, Instant.now()).toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "Published %d listings in %.1f s; the directory now has %d searchable listings%n",
                missing, seedSeconds, totalListings());
        everyPlaceFindsListings();
    }

    static String listing(String organisationId, int n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String category = pick(CATEGORIES);
        String other = pick(CATEGORIES);
        String name = "Bench " + pick(WORDS) + " " + pick(WORDS) + " " + n;
        return """
                {"organisationId":"%s","name":"%s","description":"A %s %s for residents who need %s and %s support.",
                 "categories":["%s","%s"],"coverage":{"wholeArea":%s,"areas":["%s"]},
                 "locations":[{"name":"Bench hall","address":{"line1":"%d High Street","town":"Chatham","postcode":"ME4 %dAB"}}],
                 "deliveryModes":["%s","%s"],"languages":["en"],"cost":{"free":true},
                 "referral":{"pathway":"REFERRAL","referrerRoles":[],"selfReferral":%s},
                 "capacity":{"status":"%s"}}
                """.formatted(organisationId, name, pick(WORDS), pick(WORDS), category, other, category, other,
                random.nextInt(20) == 0, pick(AREAS), 1 + random.nextInt(300), random.nextInt(10), pick(MODES), pick(MODES),
                random.nextBoolean(), pick(CAPACITIES));
    }

    static int totalListings() {
        return totalItems("");
    }

    /** The checks during the run only see that answers have their parts: here every place must find listings. */
    static void everyPlaceFindsListings() {
        for (String place : AREAS) {
            requireListings("&area=" + place);
        }
        for (String postcode : POSTCODES) {
            requireListings("&postcode=" + postcode);
        }
    }

    private static void requireListings(String filter) {
        if (totalItems(filter) == 0) {
            throw new IllegalStateException("a search with " + filter + " found no listings: the place filter is broken");
        }
    }

    static int totalItems(String filter) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/directory/services?size=1" + filter))
                .header("Authorization", SkeletonFlowSimulation.SAM.bearer()).GET());
        Matcher total = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)").matcher(response.body());
        if (response.statusCode() != 200 || !total.find()) {
            throw new IllegalStateException("directory search answered " + response.statusCode() + ": " + response.body());
        }
        return Integer.parseInt(total.group(1));
    }

    static String created(String path, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("Authorization", SkeletonFlowSimulation.ADAM.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return id.group(1);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return SkeletonFlowSimulation.Token.CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void after() {
        String figures = String.format(Locale.ROOT, """
                # Directory search and Open Referral feed through the gateway, %s
                listings=%d
                listings_published_now=%d
                publish_seconds=%.1f
                users=%d
                warm_up_s=%d
                duration_s_each=%d
                """, Instant.now(), totalListings(), seeded, seedSeconds, USERS, WARM_UP_SECONDS, DURATION_SECONDS);
        System.out.print(figures);
        try {
            Files.createDirectories(SkeletonFlowSimulation.targetDir());
            Files.writeString(SkeletonFlowSimulation.targetDir().resolve("bench-directory.txt"), figures);
        } catch (IOException e) {
            System.err.println("could not write bench-directory.txt: " + e);
        }
    }
}
