package org.bridgeway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.EmailFormat;
import com.networknt.schema.format.Format;
import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.listing.Listings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public Open Referral UK feed over real HTTP, without a token, on the demo directory. Every
 * response is validated against the profile's openapi.json response schema (its https $refs mapped
 * onto the copies in src/test/resources/oruk) and against the schema the Open Referral UK
 * validator uses for that endpoint, with format assertions (uuid, uri, email, date-time) on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bridgeway.demo-data.enabled=true")
class OpenReferralFeedTest {

    // Demo listings with fixed ids (src/main/resources/demo/directory.json).
    private static final String LINK_WORKERS = "8fb56141-194e-47f0-8298-658ec3bbd5ef"; // Medway, 18 and over, one location
    private static final String GREEN_DOCTORS_ENERGY_ADVICE = "9a0c4b7e-1f2d-4c3b-8a5e-6d7f8e9a0b11"; // need category fuel
    private static final String SLEEP_WELL_KENT = "fd9f3848-1dd4-4a1a-b92f-d12e6e725fdf"; // Kent, 0 to 17

    private static final String CATEGORIES = nameUuid("bridgeway:categories");
    private static final String FUEL = nameUuid("bridgeway:categories:fuel");
    private static final String ACTIVITIES = nameUuid("bridgeway:activities");
    private static final String SOCIAL_CONNECTION = nameUuid("bridgeway:categories:social-connection");

    /**
     * The strict email check, except that it takes the .example domain RFC 2606 reserves for
     * documentation: the demo data's made-up addresses use it, and the checker knows only
     * IANA-delegated top-level domains.
     */
    private static final Format EMAIL = new Format() {
        private final EmailFormat strict = new EmailFormat();

        @Override
        public String getName() {
            return strict.getName();
        }

        @Override
        public String getMessageKey() {
            return strict.getMessageKey();
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return strict.matches(context, value.replaceFirst("\\.example$", ".org"));
        }
    };

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012()).format(EMAIL).build(),
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaIdResolvers(ids -> ids.mapPrefix("https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/",
                            "classpath:oruk/schema/")));

    /** Per endpoint: each schema checked, with how many responses passed and failed it. */
    private static final Map<String, Map<String, int[]>> RESULTS = new TreeMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    Listings listings;

    @AfterAll
    static void printValidationResults() {
        synchronized (RESULTS) {
            RESULTS.forEach((endpoint, schemas) -> {
                StringBuilder line = new StringBuilder("[ORUK validation] GET " + endpoint + " :");
                schemas.forEach((schema, counts) -> line.append(' ').append(schema).append(' ')
                        .append(counts[1] == 0 ? "PASS" : "FAIL").append(" (").append(counts[0]).append('/')
                        .append(counts[0] + counts[1]).append(" responses valid);"));
                System.out.println(line);
            });
        }
    }

    @Test
    void theApiDescriptionNamesTheProfileItFollows() {
        for (String path : List.of("/openreferral/", "/openreferral")) {
            JsonNode api = valid("/openreferral/", get(path), openapi("/"), validatorSchema("api_details.json"));
            assertThat(api.get("version").asString()).isEqualTo("HSDS-UK-3.0");
            assertThat(api.get("openapi_url").asString()).endsWith("/openapi.json");
        }
    }

    @Test
    void everyServiceAndEveryServiceAtLocationIsListedOnceAndValidatesInFull() {
        List<JsonNode> services = allPages("/openreferral/services", "per_page=10", 10,
                openapi("/services"), validatorSchema("service_list.json"));
        Set<String> serviceIds = ids(services);
        assertThat(serviceIds).hasSameSizeAs(services).contains(LINK_WORKERS, GREEN_DOCTORS_ENERGY_ADVICE, SLEEP_WELL_KENT);
        services.forEach(service -> keeps("/openreferral/services (each of contents)", compiled("service_list.json"), service));

        Map<String, String> locationOfServiceAtLocation = new LinkedHashMap<>();
        for (String id : serviceIds) {
            JsonNode service = valid("/openreferral/services/{id}", get("/openreferral/services/" + id),
                    openapi("/services/{id}"), validatorSchema("service.json"));
            assertThat(service.get("id").asString()).isEqualTo(id);
            service.path("service_at_locations").forEach(at ->
                    locationOfServiceAtLocation.put(at.get("id").asString(), at.get("location").get("id").asString()));
        }

        List<JsonNode> rows = allPages("/openreferral/service_at_locations", "per_page=7", 7,
                openapi("/service_at_locations"), validatorSchema("service_at_location_list.json"));
        assertThat(ids(rows)).hasSameSizeAs(rows).isEqualTo(locationOfServiceAtLocation.keySet());
        for (JsonNode row : rows) {
            keeps("/openreferral/service_at_locations (each of contents)", compiled("service_at_location_list.json"), row);
            String id = row.get("id").asString();
            assertThat(row.get("location").get("id").asString()).isEqualTo(locationOfServiceAtLocation.get(id));
            assertThat(serviceIds).contains(row.get("service").get("id").asString());
            JsonNode single = valid("/openreferral/service_at_locations/{id}", get("/openreferral/service_at_locations/" + id),
                    compiled("service_at_location.json"), validatorSchema("service_at_location.json"));
            assertThat(single.get("service").get("id").asString()).isEqualTo(row.get("service_id").asString());
            assertThat(single.get("location").get("addresses")).hasSize(1);
        }

        JsonNode beyond = valid("/openreferral/services", get("/openreferral/services?per_page=10&page=" + (services.size() / 10 + 2)),
                openapi("/services"), validatorSchema("service_list.json"));
        assertThat(beyond.get("contents")).isEmpty();
        assertThat(beyond.get("empty").asBoolean()).isTrue();
        assertThat(beyond.get("last_page").asBoolean()).isTrue();
        assertThat(beyond.get("total_items").asLong()).isEqualTo(services.size());
    }

    @Test
    void aServiceCarriesItsOrganisationLocationsHoursLanguagesCostsAreasAndTerms() {
        JsonNode service = valid("/openreferral/services/{id}", get("/openreferral/services/" + LINK_WORKERS),
                openapi("/services/{id}"), validatorSchema("service.json"));

        assertThat(service.get("name").asString()).isEqualTo("Medway Social Prescribing Link Workers");
        assertThat(service.get("status").asString()).isEqualTo("active");
        assertThat(service.get("minimum_age").asInt()).isEqualTo(18);
        assertThat(service.has("maximum_age")).isFalse();
        assertThat(service.get("url").asString()).startsWith("https://");
        assertThat(service.get("organization").get("name").asString()).isEqualTo("Medway Social Prescribing Service");
        assertThat(service.get("organization").get("description").asString()).isEqualTo("NHS organisation");
        assertThat(service.get("organization").get("phones").get(0).get("number").asString()).isEqualTo("01632 960101");
        assertThat(service.get("phones").get(0).get("number").asString()).isEqualTo("01632 960101");
        JsonNode location = service.get("service_at_locations").get(0).get("location");
        assertThat(location.get("location_type").asString()).isEqualTo("physical");
        JsonNode address = location.get("addresses").get(0);
        assertThat(address.get("address_1").asString()).isEqualTo("1 Railway Street");
        assertThat(address.get("city").asString()).isEqualTo("Chatham");
        assertThat(address.get("state_province").asString()).isEqualTo("Medway");
        assertThat(address.get("postal_code").asString()).isEqualTo("ME4 4RR");
        assertThat(address.get("country").asString()).isEqualTo("GB");
        assertThat(location.get("accessibility").get(0).get("description").asString()).contains("Step-free access");
        JsonNode schedule = service.get("schedules").get(0);
        assertThat(schedule.get("freq").asString()).isEqualTo("WEEKLY");
        assertThat(schedule.get("byday").asString()).isEqualTo("MO,TU,WE,TH,FR");
        assertThat(schedule.get("opens_at").asString()).isEqualTo("09:00");
        assertThat(schedule.get("closes_at").asString()).isEqualTo("17:00");
        assertThat(service.get("languages").get(0).get("code").asString()).isEqualTo("en");
        assertThat(service.get("cost_options").get(0).get("amount").asInt()).isZero();
        assertThat(service.get("service_areas").get(0).get("name").asString()).isEqualTo("Medway");
        List<String> termIds = new ArrayList<>();
        service.get("attributes").forEach(attribute -> {
            assertThat(attribute.get("link_id").asString()).isEqualTo(LINK_WORKERS);
            assertThat(attribute.get("taxonomy_term").get("id").asString()).isEqualTo(attribute.get("taxonomy_term_id").asString());
            termIds.add(attribute.get("taxonomy_term_id").asString());
        });
        assertThat(termIds).contains(SOCIAL_CONNECTION).doesNotContain(FUEL);
    }

    @Test
    void aListedServiceHasTheFactsOfTheServiceItselfAndFollowsEveryChange() {
        Listing listing = Listing.publish(UUID.randomUUID().toString(), listings.find(LINK_WORKERS).orElseThrow().details(),
                Listing.Provenance.MANUAL, null, "feed-test", Instant.now());
        assertThat(listings.insert(listing)).isTrue();
        try {
            JsonNode listed = listed(listing.id());
            assertThat(listed).isEqualTo(factsOf(listing.id()));
            assertThat(listed.has("alert")).isFalse();

            listing.changeCapacity(new ListingDetails.Capacity(ListingDetails.CapacityStatus.WAITING_LIST, 6), "feed-test",
                    Instant.now().plusSeconds(90));
            assertThat(listings.replace(listing, listing.version() - 1)).isTrue();
            JsonNode changed = listed(listing.id());
            assertThat(changed).isEqualTo(factsOf(listing.id()));
            assertThat(changed.get("alert").asString()).isEqualTo("Waiting list for new referrals of about 6 weeks.");
            assertThat(changed.get("last_modified")).isNotEqualTo(listed.get("last_modified"));
        } finally {
            listing.changeStatus(Listing.Status.INACTIVE, "feed-test", Instant.now().plusSeconds(120));
            listings.replace(listing, listing.version() - 1);
        }
        assertThat(ids(allPages("/openreferral/services", "per_page=50", 50, openapi("/services")))).doesNotContain(listing.id());
    }

    /** The service's entry in the list of every service. */
    private JsonNode listed(String id) {
        return allPages("/openreferral/services", "per_page=50", 50, openapi("/services"), validatorSchema("service_list.json"))
                .stream().filter(service -> service.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    /** The one-to-one fields of the service as {@code /services/{id}} gives it: what a list entry must repeat. */
    private JsonNode factsOf(String id) {
        ObjectNode facts = (ObjectNode) get("/openreferral/services/" + id).body().deepCopy();
        facts.properties().removeIf(field -> field.getValue().isContainer());
        return facts;
    }

    @Test
    void searchFindsADemoServiceByAWordOfItsName() {
        JsonNode found = valid("/openreferral/services", get("/openreferral/services?search=prescribing"),
                openapi("/services"), validatorSchema("service_list.json"));

        assertThat(ids(found.get("contents"))).contains(LINK_WORKERS).doesNotContain(SLEEP_WELL_KENT);
    }

    @Test
    void aTaxonomyTermKeepsOnlyTheServicesClassifiedWithIt() {
        List<JsonNode> fuel = allPages("/openreferral/services", "taxonomy_term_id=" + FUEL + "&per_page=5", 5,
                openapi("/services"), validatorSchema("service_list.json"));

        assertThat(ids(fuel)).contains(GREEN_DOCTORS_ENERGY_ADVICE).doesNotContain(LINK_WORKERS);
        for (String id : ids(fuel)) {
            JsonNode service = valid("/openreferral/services/{id}", get("/openreferral/services/" + id),
                    openapi("/services/{id}"), validatorSchema("service.json"));
            List<String> terms = new ArrayList<>();
            service.get("attributes").forEach(attribute -> terms.add(attribute.get("taxonomy_term_id").asString()));
            assertThat(terms).as("terms of %s", id).contains(FUEL);
        }
        JsonNode withTaxonomy = valid("/openreferral/services",
                get("/openreferral/services?taxonomy_id=" + CATEGORIES + "&taxonomy_term_id=" + FUEL + "&per_page=100"),
                openapi("/services"), validatorSchema("service_list.json"));
        assertThat(withTaxonomy.get("total_items").asLong()).isEqualTo(fuel.size());
        JsonNode rows = valid("/openreferral/service_at_locations", get("/openreferral/service_at_locations?taxonomy_term_id=" + FUEL),
                openapi("/service_at_locations"), validatorSchema("service_at_location_list.json"));
        rows.get("contents").forEach(row -> assertThat(ids(fuel)).contains(row.get("service_id").asString()));
    }

    @Test
    void postcodeAndAgeFilterByTheAreaServedAndTheAgesTaken() {
        assertThat(serviceIdsOfRows("postcode=" + encode("ME4 4AA"))).contains(LINK_WORKERS);
        assertThat(serviceIdsOfRows("postcode=" + encode("CT1 1AA"))).doesNotContain(LINK_WORKERS).isNotEmpty();

        for (String age : List.of("minimum_age=10", "maximum_age=10", "minimum_age=10&maximum_age=10")) {
            JsonNode page = valid("/openreferral/services", get("/openreferral/services?per_page=100&" + age),
                    openapi("/services"), validatorSchema("service_list.json"));
            assertThat(ids(page.get("contents"))).as(age).contains(SLEEP_WELL_KENT).doesNotContain(LINK_WORKERS);
        }
    }

    @Test
    void taxonomiesAndTheirTermsArePublishedWithStableIds() {
        List<JsonNode> taxonomies = allPages("/openreferral/taxonomies", "per_page=2", 2,
                openapi("/taxonomies"), validatorSchema("taxonomy_list.json"));
        assertThat(ids(taxonomies)).containsExactly(CATEGORIES, ACTIVITIES, nameUuid("bridgeway:marmotPrinciples"),
                nameUuid("bridgeway:outcomes"), nameUuid("bridgeway:priorityGroups"));

        Set<String> termIdsOfTaxonomies = new LinkedHashSet<>();
        for (JsonNode taxonomy : taxonomies) {
            JsonNode full = valid("/openreferral/taxonomies/{id}", get("/openreferral/taxonomies/" + taxonomy.get("id").asString()),
                    openapi("/taxonomies/{id}"), validatorSchema("taxonomy.json"));
            full.get("taxonomy_terms").forEach(term -> termIdsOfTaxonomies.add(term.get("id").asString()));
        }
        List<JsonNode> terms = allPages("/openreferral/taxonomy_terms", "per_page=40", 40,
                openapi("/taxonomy_terms"), validatorSchema("taxonomy_term_list.json"));
        assertThat(ids(terms)).isEqualTo(termIdsOfTaxonomies).contains(FUEL, SOCIAL_CONNECTION);
        for (JsonNode term : terms) {
            valid("/openreferral/taxonomy_terms/{id}", get("/openreferral/taxonomy_terms/" + term.get("id").asString()),
                    openapi("/taxonomy_terms/{id}"), validatorSchema("taxonomy_term.json"));
        }

        JsonNode fuel = get("/openreferral/taxonomy_terms/" + FUEL).body();
        assertThat(fuel.get("code").asString()).isEqualTo("fuel");
        assertThat(fuel.get("name").asString()).isEqualTo("Fuel Advice & Support");
        assertThat(fuel.get("taxonomy_id").asString()).isEqualTo(CATEGORIES);
        JsonNode categoryTerms = valid("/openreferral/taxonomy_terms", get("/openreferral/taxonomy_terms?per_page=100&taxonomy_id=" + CATEGORIES),
                openapi("/taxonomy_terms"), validatorSchema("taxonomy_term_list.json"));
        categoryTerms.get("contents").forEach(term -> assertThat(term.get("taxonomy_id").asString()).isEqualTo(CATEGORIES));
        assertThat(ids(categoryTerms.get("contents"))).contains(FUEL).doesNotContain(nameUuid("bridgeway:activities:walking"));
    }

    @Test
    void anUnknownIdIsANotFoundProblem() {
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("services/", "service_at_locations/", "taxonomies/", "taxonomy_terms/")) {
            for (String id : List.of(unknown, "not-a-uuid")) {
                Api.Response response = get("/openreferral/" + path + id);
                assertThat(response.status()).as(path + id).isEqualTo(404);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.body().get("status").asInt()).isEqualTo(404);
                assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
            }
        }
    }

    @Test
    void aBadOrUnsupportedParameterIsABadRequestProblemNamingIt() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("/openreferral/services?per_page=0", "per_page");
        problems.put("/openreferral/services?per_page=101", "per_page");
        problems.put("/openreferral/services?per_page=ten", "per_page");
        problems.put("/openreferral/services?page=0", "page");
        problems.put("/openreferral/services?page=1001&per_page=100", "page"); // past the index window of 100,000
        problems.put("/openreferral/services?taxonomy_term_id=" + UUID.randomUUID(), "taxonomy_term_id");
        problems.put("/openreferral/services?taxonomy_id=" + ACTIVITIES, "taxonomy_id");
        problems.put("/openreferral/services?minimum_age=-1", "minimum_age");
        problems.put("/openreferral/services?minimum_age=12&maximum_age=30", "maximum_age");
        problems.put("/openreferral/services?day=MO", "day");
        problems.put("/openreferral/services?search=" + "a".repeat(201), "search");
        problems.put("/openreferral/service_at_locations?postcode=ZZ99", "postcode");
        problems.put("/openreferral/service_at_locations?postcode=ME4&proximity=1000", "proximity");
        problems.put("/openreferral/taxonomies?per_page=0", "per_page");
        problems.put("/openreferral/taxonomy_terms?taxonomy_id=nope", "taxonomy_id");
        problems.forEach((path, parameter) -> {
            Api.Response response = get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
            List<String> fields = new ArrayList<>();
            response.body().get("errors").forEach(error -> fields.add(error.get("field").asString()));
            assertThat(fields).as(path).containsExactly(parameter);
        });
    }

    @Test
    void aBrowserMayAskFromAnyOrigin() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/openreferral/services"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://somewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(preflight, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(methods -> assertThat(methods).contains("GET"));
        assertThat(get("/openreferral/services").header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    /** The checks above would catch a feed that breaks the profile: the schemas are really applied. */
    @Test
    void theSchemasRefuseWhatTheProfileForbids() {
        JsonNode page = get("/openreferral/services?per_page=1").body().deepCopy();
        ((ObjectNode) page.get("contents").get(0)).put("status", "open");
        ((ObjectNode) page).put("total_items", "many");
        assertThat(violations(openapi("/services"), page)).hasSize(2);
        assertThat(violations(validatorSchema("service_list.json"), page)).hasSize(1);

        JsonNode service = get("/openreferral/services/" + LINK_WORKERS).body().deepCopy();
        ((ObjectNode) service.get("organization")).remove("description");
        ((ObjectNode) service.get("service_at_locations").get(0).get("location").get("addresses").get(0))
                .put("city", 1);
        ((ObjectNode) service).put("url", "not a uri");
        assertThat(violations(openapi("/services/{id}"), service)).hasSize(3);

        JsonNode term = get("/openreferral/taxonomy_terms/" + FUEL).body().deepCopy();
        ((ObjectNode) term).put("id", "fuel");
        assertThat(violations(openapi("/taxonomy_terms/{id}"), term)).hasSize(1);
    }

    /** Follows the pages of a list to its last, checking the envelope of each; returns all contents. */
    private List<JsonNode> allPages(String path, String query, int perPage, Schema... schemas) {
        List<JsonNode> contents = new ArrayList<>();
        long totalItems = -1;
        for (int page = 1; ; page++) {
            JsonNode body = valid(path, get(path + "?" + query + "&page=" + page), schemas);
            if (totalItems < 0) {
                totalItems = body.get("total_items").asLong();
            }
            long totalPages = (totalItems + perPage - 1) / perPage;
            assertThat(body.get("total_items").asLong()).isEqualTo(totalItems);
            assertThat(body.get("total_pages").asLong()).isEqualTo(totalPages);
            assertThat(body.get("page_number").asInt()).isEqualTo(page);
            assertThat(body.get("size").asInt()).isEqualTo(body.get("contents").size());
            assertThat(body.get("first_page").asBoolean()).isEqualTo(page == 1);
            assertThat(body.get("last_page").asBoolean()).isEqualTo(page >= totalPages);
            assertThat(body.get("empty").asBoolean()).isEqualTo(body.get("contents").isEmpty());
            assertThat(body.get("contents").size())
                    .isEqualTo((int) Math.max(0, Math.min(perPage, totalItems - (long) (page - 1) * perPage)));
            body.get("contents").forEach(contents::add);
            if (body.get("last_page").asBoolean()) {
                assertThat(contents).hasSize((int) totalItems);
                return contents;
            }
        }
    }

    private Set<String> serviceIdsOfRows(String query) {
        JsonNode page = valid("/openreferral/service_at_locations", get("/openreferral/service_at_locations?per_page=100&" + query),
                openapi("/service_at_locations"), validatorSchema("service_at_location_list.json"));
        Set<String> ids = new HashSet<>();
        page.get("contents").forEach(row -> ids.add(row.get("service_id").asString()));
        return ids;
    }

    /** A 200 from the feed that keeps every given schema, says Access-Control-Allow-Origin: *, and has no null or empty values. */
    private JsonNode valid(String endpoint, Api.Response response, Schema... schemas) {
        assertThat(response.status()).as(endpoint).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        for (Schema schema : schemas) {
            keeps(endpoint, schema, response.body());
        }
        walk(response.body(), "$", (path, node) -> {
            assertThat(node.isNull()).as("null at %s of %s", path, endpoint).isFalse();
            boolean empty = node.isString() ? node.asString().isEmpty() : node.isContainer() && node.size() == 0;
            assertThat(empty && !path.equals("$.contents")).as("empty value at %s of %s", path, endpoint).isFalse();
        });
        return response.body();
    }

    /** Asserts the node keeps the schema, and counts the result for the endpoint's line in the output. */
    private static void keeps(String endpoint, Schema schema, JsonNode node) {
        List<String> violations = violations(schema, node);
        String location = schema.getSchemaLocation().toString().replace("classpath:oruk/", "");
        String name = location.contains("openapi.json#") ? "schema/openapi.json (this path's response schema)" : location.replace("#", "");
        synchronized (RESULTS) {
            int[] counts = RESULTS.computeIfAbsent(endpoint, e -> new LinkedHashMap<>()).computeIfAbsent(name, n -> new int[2]);
            counts[violations.isEmpty() ? 0 : 1]++;
        }
        assertThat(violations).as("%s against %s", endpoint, name).isEmpty();
    }

    private static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        visit.accept(path, node);
        if (node.isObject()) {
            node.properties().forEach(field -> walk(field.getValue(), path + "." + field.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visit);
            }
        }
    }

    private static List<String> violations(Schema schema, JsonNode body) {
        return schema.validate(body).stream().map(Error::toString).toList();
    }

    /** The response schema the profile's openapi.json gives for GET on the path. */
    private static Schema openapi(String path) {
        String pointer = "/paths/" + path.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D")
                + "/get/responses/200/content/application~1json/schema";
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:oruk/schema/openapi.json#" + pointer));
    }

    private static Schema compiled(String name) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:oruk/schema/compiled/" + name));
    }

    private static Schema validatorSchema(String name) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:oruk/validator-schemas/" + name));
    }

    private Api.Response get(String path) {
        return new Api(port).get(path, null);
    }

    private static Set<String> ids(Iterable<JsonNode> nodes) {
        Set<String> ids = new LinkedHashSet<>();
        nodes.forEach(node -> ids.add(node.get("id").asString()));
        return ids;
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
