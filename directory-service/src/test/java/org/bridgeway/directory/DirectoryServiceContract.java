package org.bridgeway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import java.time.Instant;
import static org.awaitility.Awaitility.await;
import org.springframework.beans.factory.annotation.Value;

import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.net.URI;

/** The directory's behaviour over real HTTP, Kafka and the store. */
abstract class DirectoryServiceContract {

    static final String ADMIN = TestTokens.token("adam.admin", "ADMIN", null, TestTokens.AUDIENCE);

    @Value("${local.server.port}")
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMappings;

    Api api() {
        return new Api(port);
    }

    @Test
    void aListingShowsHowItsProviderAnswersReferralsOnceReferralServiceHasSaid() {
        String serviceId = UUID.randomUUID().toString();
        String path = "/api/directory/services/" + serviceId + "/responsiveness";
        assertThat(api().get(path, TestTokens.referrer()).status()).isEqualTo(404);

        publishResponsiveness("service", serviceId);

        await().atMost(Duration.ofSeconds(20)).until(() -> api().get(path, TestTokens.referrer()).status() == 200);
        JsonNode shown = api().get(path, TestTokens.referrer()).body();
        assertThat(shown.get("usuallyRepliesWithinDays").asInt()).isEqualTo(2);
        assertThat(shown.get("acceptedPercent").asDouble()).isEqualTo(87.8);
        assertThat(shown.get("referrals").asInt()).isEqualTo(41);
        assertThat(api().get(path, null).status()).isEqualTo(401);
    }

    @Test
    void anAdministratorAddsAnOrganisationAndAListingAndBothArePublishedAsFullSnapshots() {
        String organisationId = organisation("Medway Foodbank");
        Api.Response listing = api().post("/api/directory/services", ADMIN, listing(organisationId, "Warm Homes Advice", "fuel"), Map.of());

        assertThat(listing.status()).isEqualTo(201);
        assertThat(listing.header("ETag")).isEqualTo("\"1\"");
        String serviceId = listing.body().get("id").asString();
        JsonNode read = api().get("/api/directory/services/" + serviceId, TestTokens.referrer()).body();
        assertThat(read.get("name").asString()).isEqualTo("Warm Homes Advice");
        assertThat(read.get("coverage").get("areas").get(0).asString()).isEqualTo("medway");
        assertThat(read.get("capacity").get("status").asString()).isEqualTo("ACCEPTING");
        assertThat(read.get("lastVerifiedBy").asString()).isEqualTo("adam.admin");
        assertThat(read.get("provenance").asString()).isEqualTo("MANUAL");

        CloudEvent service = single("directory.services.v1", serviceId, "org.bridgeway.directory.service.snapshot.v1");
        assertThat(new String(service.getData().toBytes(), StandardCharsets.UTF_8))
                .contains("\"id\":\"" + serviceId + "\"", "\"version\":1", "\"pathway\":\"REFERRAL\"");
        assertThat(Contracts.violations("org.bridgeway.directory.service.snapshot.v1", service.getData().toBytes())).isEmpty();
        CloudEvent organisation = single("directory.organisations.v1", organisationId, "org.bridgeway.directory.organisation.snapshot.v1");
        assertThat(Contracts.violations("org.bridgeway.directory.organisation.snapshot.v1", organisation.getData().toBytes())).isEmpty();
    }

    @Test
    void onlyTheOwningOrganisationsProvidersAndAdministratorsChangeAListing() {
        Api.Response own = api().post("/api/directory/services", TestTokens.greenDoctors(), listing(TestTokens.GREEN_DOCTORS, "Loft Insulation Help", "fuel"), Map.of());
        assertThat(own.status()).isEqualTo(201);
        String id = own.body().get("id").asString();
        String other = organisation("Another Charity");

        assertThat(api().post("/api/directory/services", TestTokens.greenDoctors(), listing(other, "Theirs", "fuel"), Map.of()).status()).isEqualTo(403);
        assertThat(api().post("/api/directory/services", TestTokens.referrer(), listing(other, "Theirs", "fuel"), Map.of()).status()).isEqualTo(403);
        assertThat(api().put("/api/directory/services/" + id + "/capacity", TestTokens.citizensAdvice(), "{\"status\":\"PAUSED\"}", Map.of()).status()).isEqualTo(403);
        assertThat(api().put("/api/directory/services/" + id + "/capacity", TestTokens.referrer(), "{\"status\":\"PAUSED\"}", Map.of()).status()).isEqualTo(403);
        assertThat(api().delete("/api/directory/services/" + id, TestTokens.manager(), Map.of("If-Match", "\"1\"")).status()).isEqualTo(403);
        assertThat(api().post("/api/directory/organisations", TestTokens.manager(), organisationBody("X"), Map.of()).status()).isEqualTo(403);
        assertThat(api().post("/api/directory/organisations", TestTokens.greenDoctors(), organisationBody("X"), Map.of()).status()).isEqualTo(403);
        assertThat(api().post("/api/directory/services/" + id + "/merge", TestTokens.greenDoctors(), "{\"duplicateId\":\"" + id + "\"}", Map.of()).status()).isEqualTo(403);
        assertThat(api().get("/api/directory/services", null).status()).isEqualTo(401);
        assertThat(api().get("/api/directory/organisations/" + other, TestTokens.referrer()).body().get("referralEmails")).isEmpty();
        assertThat(api().get("/api/directory/organisations/" + other, ADMIN).body().get("referralEmails").get(0).asString())
                .isEqualTo("referrals@charity.example");
        assertThat(api().get("/api/directory/services/" + UUID.randomUUID(), TestTokens.referrer()).status()).isEqualTo(404);
    }

    @Test
    void badInputNamesEveryFieldAndTheAllowedValuesAndStoresNothing() {
        String organisationId = organisation("Checks Charity");

        Api.Response unknownCodes = api().post("/api/directory/services", ADMIN, listing(organisationId, "Checked", "energy")
                .replace("\"outcomes\":[]", "\"outcomes\":[\"happiness\"]"), Map.of());
        Api.Response noName = api().post("/api/directory/services", ADMIN, listing(organisationId, " ", "fuel"), Map.of());
        Api.Response unknownOrganisation = api().post("/api/directory/services", ADMIN, listing(UUID.randomUUID().toString(), "X", "fuel"), Map.of());
        Api.Response badAges = api().post("/api/directory/services", ADMIN, listing(organisationId, "Ages", "fuel")
                .replace("\"minimumAge\":null", "\"minimumAge\":18").replace("\"maximumAge\":null", "\"maximumAge\":5"), Map.of());
        Api.Response badPostcode = api().post("/api/directory/services", ADMIN, listing(organisationId, "Where", "fuel").replace("ME4 4TR", "NOT A CODE"), Map.of());
        Api.Response badFilter = api().get("/api/directory/services?category=energy&capacity=FULL", TestTokens.referrer());

        assertThat(unknownCodes.status()).isEqualTo(400);
        assertThat(fields(unknownCodes)).containsExactlyInAnyOrder("categories", "outcomes");
        assertThat(unknownCodes.body().get("errors").get(0).get("message").asString()).contains("fuel", "mental-health");
        assertThat(fields(noName)).containsExactly("name");
        assertThat(fields(unknownOrganisation)).containsExactly("organisationId");
        assertThat(fields(badAges)).containsExactly("maximumAge");
        assertThat(fields(badPostcode)).containsExactly("locations[0].address.postcode");
        assertThat(fields(badFilter)).containsExactlyInAnyOrder("category", "capacity");
        assertThat(api().get("/api/directory/services?page=-1", TestTokens.referrer()).status()).isEqualTo(400);
        assertThat(api().get("/api/directory/organisations/" + organisationId + "/services", TestTokens.referrer()).body()).isEmpty();
    }

    @Test
    void changesNeedTheCurrentETagAndAWithdrawnListingLeavesSearch() {
        String id = created(listing(TestTokens.GREEN_DOCTORS, "Quillwort Draught Proofing", "fuel"), TestTokens.greenDoctors());
        String revised = listing(TestTokens.GREEN_DOCTORS, "Quillwort Draught Proofing and Insulation", "fuel");

        assertThat(api().put("/api/directory/services/" + id, TestTokens.greenDoctors(), revised, Map.of()).status()).isEqualTo(428);
        Api.Response ok = api().put("/api/directory/services/" + id, TestTokens.greenDoctors(), revised, Map.of("If-Match", "\"1\""));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"2\"");
        assertThat(api().put("/api/directory/services/" + id, TestTokens.greenDoctors(), revised, Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);

        Api.Response waiting = api().put("/api/directory/services/" + id + "/capacity", TestTokens.greenDoctors(),
                "{\"status\":\"WAITING_LIST\",\"estimatedWaitWeeks\":4}", Map.of());
        assertThat(waiting.body().get("capacity").get("estimatedWaitWeeks").asInt()).isEqualTo(4);
        assertThat(search("q=quillwort&capacity=WAITING_LIST").get("page").get("totalItems").asInt()).isEqualTo(1);

        assertThat(api().delete("/api/directory/services/" + id, TestTokens.greenDoctors(), Map.of("If-Match", "\"3\"")).body()
                .get("status").asString()).isEqualTo("INACTIVE");
        assertThat(search("q=quillwort").get("page").get("totalItems").asInt()).isZero();
        assertThat(api().get("/api/directory/services/" + id, TestTokens.referrer()).body().get("status").asString()).isEqualTo("INACTIVE");
    }

    @Test
    void searchRanksTextWithTyposAndSynonymsAndCountsEveryFilterOnTheFilteredResult() {
        String organisationId = organisation("Zebrafinch Community Trust");
        created(listing(organisationId, "Zebrafinch Warm Homes", "fuel"), ADMIN);
        created(listing(organisationId, "Zebrafinch Housing Clinic", "housing").replace("ACCEPTING", "PAUSED")
                .replace("\"areas\":[\"medway\"]", "\"areas\":[\"swale\"]"), ADMIN);

        JsonNode all = search("q=zebrafinch");
        assertThat(all.get("page").get("totalItems").asInt()).isEqualTo(2);
        assertThat(all.get("facets").get("capacity").get("ACCEPTING").asInt()).isEqualTo(1);
        assertThat(all.get("facets").get("capacity").get("PAUSED").asInt()).isEqualTo(1);
        assertThat(all.get("items").get(0).get("organisationName").asString()).isEqualTo("Zebrafinch Community Trust");

        JsonNode synonym = search("q=zebrafinch%20energy%20bills");
        assertThat(names(synonym).getFirst()).isEqualTo("Zebrafinch Warm Homes");
        assertThat(names(synonym)).doesNotContain("Zebrafinch Housing Clinic");
        assertThat(names(search("q=energy%20bills&size=100"))).contains("Zebrafinch Warm Homes"); // by fuel's synonyms alone
        assertThat(names(search("q=benefit&size=100"))).contains("Medway Council Benefits and Budgeting Support");
        JsonNode typo = search("q=zebrafinch%20housng");
        assertThat(names(typo).getFirst()).isEqualTo("Zebrafinch Housing Clinic");
        JsonNode filtered = search("q=zebrafinch&capacity=ACCEPTING&category=fuel");
        assertThat(names(filtered)).containsExactly("Zebrafinch Warm Homes");
        assertThat(filtered.get("facets").get("capacity").has("PAUSED")).isFalse();
        assertThat(filtered.get("facets").get("category").get("fuel").asInt()).isEqualTo(1);

        assertThat(names(search("q=zebrafinch&postcode=ME4%204TR"))).containsExactly("Zebrafinch Warm Homes");
        assertThat(names(search("q=zebrafinch&area=swale"))).containsExactly("Zebrafinch Housing Clinic");
        assertThat(names(search("q=zebrafinch&sort=name"))).containsExactly("Zebrafinch Housing Clinic", "Zebrafinch Warm Homes");
        assertThat(fields(api().get("/api/directory/services?postcode=ZZ99", TestTokens.referrer()))).containsExactly("postcode");
        assertThat(search("q=%22%24where%22%3A%20%7B%7D%20.*%20(").get("items")).isNotNull(); // query syntax is just text
    }

    @Test
    void aPlaceFindsListingsCoveringItWhatIsAboveItOrBelowItAndListingsForTheWholeArea() {
        String organisationId = organisation("Quokka Neighbourhood Trust");
        created(listing(organisationId, "Quokka Walks", "social-connection")
                .replace("\"areas\":[\"medway\"]", "\"areas\":[\"luton-ward\"]"), ADMIN);
        created(listing(organisationId, "Quokka Chats", "social-connection")
                .replace("\"wholeArea\":false,\"areas\":[\"medway\"]", "\"wholeArea\":true,\"areas\":[]"), ADMIN);

        // Equally relevant, so in name order, not the order they were made in.
        assertThat(names(search("q=quokka&area=chatham"))).containsExactly("Quokka Chats", "Quokka Walks");
        assertThat(names(search("q=quokka&area=medway"))).containsExactly("Quokka Chats", "Quokka Walks");
        assertThat(names(search("q=quokka&postcode=ME4%204TR"))).containsExactly("Quokka Chats", "Quokka Walks");
        assertThat(names(search("q=quokka&area=rochester"))).containsExactly("Quokka Chats");
        assertThat(names(search("q=quokka&postcode=ME10"))).containsExactly("Quokka Chats");
    }

    @Test
    void aLikelyDuplicateIsNamedAndAMergedListingRedirectsToTheSurvivor() {
        String organisationId = organisation("Duplicate Check Trust");
        String survivor = created(listing(organisationId, "Warm Spaces Cafe", "food"), ADMIN);
        Api.Response duplicate = api().post("/api/directory/services", ADMIN, listing(organisationId, "Warm Space Cafe", "food"), Map.of());
        assertThat(duplicate.body().get("possibleDuplicates").get(0).get("id").asString()).isEqualTo(survivor);
        String duplicateId = duplicate.body().get("id").asString();

        Api.Response merged = api().post("/api/directory/services/" + survivor + "/merge", ADMIN, "{\"duplicateId\":\"" + duplicateId + "\"}", Map.of());
        assertThat(merged.status()).isEqualTo(200);
        assertThat(api().post("/api/directory/services/" + survivor + "/merge", ADMIN, "{\"duplicateId\":\"" + duplicateId + "\"}", Map.of()).status())
                .as("merged already").isEqualTo(409);
        assertThat(api().put("/api/directory/services/" + duplicateId + "/capacity", ADMIN, "{\"status\":\"PAUSED\"}", Map.of()).status()).isEqualTo(409);
        Api.Response redirected = api().get("/api/directory/services/" + duplicateId, TestTokens.referrer());
        assertThat(redirected.status()).isEqualTo(308);
        assertThat(redirected.header("Location")).isEqualTo("/api/directory/services/" + survivor);
        assertThat(names(search("q=warm%20space%20cafe"))).contains("Warm Spaces Cafe").doesNotContain("Warm Space Cafe");
    }

    @Test
    void aListingNotVerifiedForSixMonthsIsFlaggedOnceAndVerifyingClearsIt() {
        String id = created(listing(TestTokens.GREEN_DOCTORS, "Old Boiler Advice", "fuel"), TestTokens.greenDoctors());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("lastVerifiedAt", Instant.now().minus(Duration.ofDays(200))), "services");

        CloudEvent reviewDue = single("directory.services.v1", id, "org.bridgeway.directory.service.review-due.v1");
        assertThat(Contracts.violations("org.bridgeway.directory.service.review-due.v1", reviewDue.getData().toBytes())).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !api().get("/api/directory/services/" + id, TestTokens.referrer()).body().get("reviewDueSince").isNull());
        Api.Response verified = api().post("/api/directory/services/" + id + "/verification", TestTokens.greenDoctors(), "", Map.of());
        assertThat(verified.body().get("reviewDueSince").isNull()).isTrue();
        assertThat(verified.body().get("lastVerifiedBy").asString()).isEqualTo("gemma.greendoctors");
    }

    @Test
    void withdrawingAnOrganisationTakesItsListingsOutOfSearch() {
        String organisationId = organisation("Yarrowby Advice Centre");
        String listingId = created(listing(organisationId, "Yarrowby Debt Clinic", "debt"), ADMIN);
        assertThat(search("q=yarrowby").get("page").get("totalItems").asInt()).isEqualTo(1);

        Api.Response renamed = api().put("/api/directory/organisations/" + organisationId, ADMIN, organisationBody("Yarrowby and Hoo Advice Centre"), Map.of("If-Match", "\"1\""));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(search("q=yarrowby%20hoo").get("items").get(0).get("organisationName").asString()).isEqualTo("Yarrowby and Hoo Advice Centre");
        assertThat(api().delete("/api/directory/organisations/" + organisationId, ADMIN, Map.of("If-Match", "\"2\"")).status()).isEqualTo(200);
        assertThat(search("q=yarrowby").get("page").get("totalItems").asInt()).isZero();
        assertThat(api().put("/api/directory/services/" + listingId + "/status", ADMIN, "{\"status\":\"ACTIVE\"}", Map.of("If-Match", "\"2\"")).status())
                .as("no listing of a withdrawn organisation comes back").isEqualTo(409);
    }

    @Test
    void theTaxonomyServesEveryVocabularyAndTheAreas() {
        JsonNode taxonomy = api().get("/api/directory/taxonomy", TestTokens.referrer()).body();
        assertThat(taxonomy.get("categories").get(0).get("label").asString()).isEqualTo("Fuel Advice & Support");
        assertThat(taxonomy.get("marmotPrinciples")).hasSize(8);
        assertThat(taxonomy.get("areas").valueStream().map(a -> a.get("code").asString())).contains("medway", "swale");
        assertThat(taxonomy.get("postcodeDistricts").has("ME4")).isTrue();
    }

    @Test
    void theApiIsDescribedInOpenApiWithoutAToken() {
        Api.Response openApi = api().get("/api/directory/openapi", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().get("paths").has("/api/directory/services/{id}/capacity")).isTrue();
        assertThat(openApi.body().get("paths").has("/openreferral/services")).isFalse();
        JsonNode schemas = openApi.body().get("components").get("schemas");
        assertThat(schemas.get("SearchResult").get("properties").get("items").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/ListingView");
        assertThat(schemas.get("ListingView").get("properties").has("capacity")).isTrue();
    }

    /** One endpoint, and how to call it on the fresh organisation and listing each caller gets. */
    record Endpoint(String method, String pattern, BiFunction<String, Owned, Api.Response> call) {
    }

    /** An organisation of its own with one listing, so that no call sees what another changed. */
    record Owned(String organisationId, String serviceId) {
    }

    /**
     * Every endpoint called as every kind of caller. A new endpoint without a row here fails
     * the build, so no endpoint ships without an authorisation rule.
     */
    @Test
    void authorisationMatrix() throws IOException {
        String figured = UUID.randomUUID().toString(); // an organisation and a listing referral-service has figures for
        publishResponsiveness("organisation", figured);
        publishResponsiveness("service", figured);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/directory/organisations/" + figured + "/responsiveness", ADMIN).status() == 200
                && api().get("/api/directory/services/" + figured + "/responsiveness", ADMIN).status() == 200);
        String csvHeader; // an export of the form with no rows yet
        try (InputStream sample = getClass().getResourceAsStream("/imports/asset-map-sample.csv")) {
            csvHeader = new String(sample.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow() + "\n";
        }
        // The owning provider works for the organisation each call gets.
        Map<String, Function<String, String>> callers = new LinkedHashMap<>();
        callers.put("referrer", organisationId -> TestTokens.referrer());
        callers.put("owning provider", organisationId -> TestTokens.token("olive.owner", "PROVIDER", organisationId, TestTokens.AUDIENCE));
        callers.put("other provider", organisationId -> TestTokens.citizensAdvice());
        callers.put("manager", organisationId -> TestTokens.manager());
        callers.put("admin", organisationId -> ADMIN);
        callers.put("no token", organisationId -> null);
        Map<Endpoint, int[]> matrix = new LinkedHashMap<>();
        String organisations = "/api/directory/organisations";
        String services = "/api/directory/services";
        Map<String, String> version1 = Map.of("If-Match", "\"1\"");
        //                                                                                          referrer owning other mgr admin none
        matrix.put(new Endpoint("POST", organisations, (t, o) -> api().post(organisations, t, organisationBody("Quernstone Trust"), Map.of())),
                new int[] {403, 403, 403, 403, 201, 401});
        matrix.put(new Endpoint("GET", organisations, (t, o) -> api().get(organisations + "?name=Quernstone", t)),
                new int[] {200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("GET", organisations + "/{id}", (t, o) -> api().get(organisations + "/" + o.organisationId(), t)),
                new int[] {200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("PUT", organisations + "/{id}", (t, o) -> api().put(organisations + "/" + o.organisationId(), t,
                organisationBody("Quernstone Community Transport"), version1)), new int[] {403, 200, 403, 403, 200, 401});
        matrix.put(new Endpoint("DELETE", organisations + "/{id}", (t, o) -> api().delete(organisations + "/" + o.organisationId(), t, version1)),
                new int[] {403, 403, 403, 403, 200, 401});
        matrix.put(new Endpoint("GET", organisations + "/{organisationId}/services", (t, o) -> api().get(organisations + "/" + o.organisationId()
                + "/services", t)), new int[] {200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("GET", organisations + "/{id}/responsiveness", (t, o) -> api().get(organisations + "/" + figured
                + "/responsiveness", t)), new int[] {200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("POST", services, (t, o) -> api().post(services, t, listing(o.organisationId(), "Quernstone Dial a Ride", "transport"),
                Map.of())), new int[] {403, 201, 403, 403, 201, 401});
        matrix.put(new Endpoint("GET", services, (t, o) -> api().get(services + "?q=quernstone", t)), new int[] {200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("GET", services + "/{id}", (t, o) -> api().get(services + "/" + o.serviceId(), t)),
                new int[] {200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("PUT", services + "/{id}", (t, o) -> api().put(services + "/" + o.serviceId(), t,
                listing(o.organisationId(), "Quernstone Minibus and Dial a Ride", "transport"), version1)), new int[] {403, 200, 403, 403, 200, 401});
        matrix.put(new Endpoint("PUT", services + "/{id}/capacity", (t, o) -> api().put(services + "/" + o.serviceId() + "/capacity", t,
                "{\"status\":\"WAITING_LIST\",\"estimatedWaitWeeks\":2}", Map.of())), new int[] {403, 200, 403, 403, 200, 401});
        matrix.put(new Endpoint("PUT", services + "/{id}/status", (t, o) -> api().put(services + "/" + o.serviceId() + "/status", t,
                "{\"status\":\"TEMPORARILY_CLOSED\"}", version1)), new int[] {403, 200, 403, 403, 200, 401});
        matrix.put(new Endpoint("POST", services + "/{id}/verification", (t, o) -> api().post(services + "/" + o.serviceId() + "/verification", t,
                "", Map.of())), new int[] {403, 200, 403, 403, 200, 401});
        matrix.put(new Endpoint("DELETE", services + "/{id}", (t, o) -> api().delete(services + "/" + o.serviceId(), t, version1)),
                new int[] {403, 200, 403, 403, 200, 401});
        matrix.put(new Endpoint("GET", services + "/{id}/duplicates", (t, o) -> api().get(services + "/" + o.serviceId() + "/duplicates", t)),
                new int[] {403, 403, 403, 403, 200, 401});
        matrix.put(new Endpoint("POST", services + "/{id}/merge", (t, o) -> api().post(services + "/" + o.serviceId() + "/merge", t,
                "{\"duplicateId\":\"" + created(listing(o.organisationId(), "Quernstone Minibus Service", "transport"), ADMIN) + "\"}", Map.of())),
                new int[] {403, 403, 403, 403, 200, 401});
        matrix.put(new Endpoint("GET", services + "/{id}/responsiveness", (t, o) -> api().get(services + "/" + figured + "/responsiveness", t)),
                new int[] {200, 200, 200, 200, 200, 401});
        matrix.put(new Endpoint("POST", "/api/directory/imports/asset-map", (t, o) -> api().post("/api/directory/imports/asset-map", t,
                "text/csv", HttpRequest.BodyPublishers.ofString(csvHeader))), new int[] {403, 403, 403, 403, 200, 401});
        matrix.put(new Endpoint("POST", "/api/directory/imports/openreferral", (t, o) -> api().post("/api/directory/imports/openreferral", t,
                "[]", Map.of())), new int[] {403, 403, 403, 403, 200, 401});
        matrix.put(new Endpoint("GET", "/api/directory/audit", (t, o) -> api().get("/api/directory/audit?subjectId=" + o.serviceId(), t)),
                new int[] {403, 403, 403, 403, 200, 401});
        matrix.put(new Endpoint("GET", "/api/directory/taxonomy", (t, o) -> api().get("/api/directory/taxonomy", t)),
                new int[] {200, 200, 200, 200, 200, 401});
        // The API's description holds no data, so it is public.
        for (String openApi : List.of("/api/directory/openapi", "/api/directory/openapi.yaml")) {
            matrix.put(new Endpoint("GET", openApi, (t, o) -> api().get(openApi, t)), new int[] {200, 200, 200, 200, 200, 200});
        }

        List<String> wrong = new ArrayList<>();
        matrix.forEach((endpoint, expected) -> {
            int column = 0;
            for (var caller : callers.entrySet()) {
                Owned owned = owned();
                int status = endpoint.call().apply(caller.getValue().apply(owned.organisationId()), owned).status();
                if (status != expected[column]) {
                    wrong.add(endpoint.method() + " " + endpoint.pattern() + " as " + caller.getKey() + ": " + status + ", expected " + expected[column]);
                }
                column++;
            }
        });
        assertThat(wrong).isEmpty();

        var mapped = handlerMappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().flatMap(pattern -> info.getMethodsCondition().getMethods().stream()
                        .map(method -> method.name() + " " + pattern)))
                .filter(endpoint -> endpoint.contains(" /api/")).collect(Collectors.toSet());
        assertThat(matrix.keySet().stream().map(e -> e.method() + " " + e.pattern()).toList())
                .as("every endpoint has a row in the authorisation matrix").containsExactlyInAnyOrderElementsOf(mapped);
    }

    /** Each service checks tokens itself, so called without the gateway it refuses what the gateway would. */
    @Autowired
    org.springframework.security.oauth2.jwt.JwtDecoder tokenDecoder;

    @Test
    void aForgedExpiredOrMisdirectedTokenIsRefusedWithAProblem() {
        assertThat(tokenDecoder).as("Boot's decoder, behind the tokens it verified before").isInstanceOf(org.bridgeway.security.VerifiedTokens.class);
        String path = "/api/directory/services";
        assertThat(api().get(path, TestTokens.referrer()).status()).as("the valid token the others are made from").isEqualTo(200);
        Map<String, String> tokens = new LinkedHashMap<>(TestTokens.abusive());
        tokens.put("no token", null);
        List<String> wrong = new ArrayList<>();
        tokens.forEach((label, token) -> {
            Api.Response refused = api().get(path, token);
            String type = refused.header("Content-Type");
            if (refused.status() != 401 || type == null || !type.startsWith("application/problem+json")
                    || refused.body().path("status").asInt(0) != 401) {
                wrong.add(label + ": " + refused.status() + " " + type);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyChangeToAListingOrOrganisationIsInTheAuditTrail() {
        String organisationId = organisation("Rainham Repair Cafe");
        String id = created(listing(organisationId, "Rainham Repair Cafe Sessions", "fuel"), ADMIN);
        assertThat(api().put("/api/directory/services/" + id + "/capacity", ADMIN, "{\"status\":\"PAUSED\"}", Map.of()).status()).isEqualTo(200);
        assertThat(api().put("/api/directory/services/" + id + "/capacity", TestTokens.citizensAdvice(), "{\"status\":\"ACCEPTING\"}", Map.of()).status())
                .as("refused, so not in the trail").isEqualTo(403);
        assertThat(api().post("/api/directory/services/" + id + "/verification", ADMIN, "", Map.of()).status()).isEqualTo(200);

        Api.Response trail = api().get("/api/directory/audit?subjectId=" + id, ADMIN);
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().get("items").valueStream().map(entry -> entry.get("userId").asString() + " " + entry.get("action").asString()))
                .as("newest first").containsExactly("adam.admin LISTING_VERIFIED", "adam.admin LISTING_CAPACITY_CHANGED", "adam.admin LISTING_PUBLISHED");
        assertThat(api().get("/api/directory/audit?subjectId=" + organisationId, ADMIN).body().get("items").get(0).get("action").asString())
                .isEqualTo("ORGANISATION_REGISTERED");
        assertThat(api().get("/api/directory/audit?size=1&page=1", ADMIN).body().get("page").get("size").asInt()).isEqualTo(1);
        assertThat(api().get("/api/directory/audit?size=1000", ADMIN).status()).isEqualTo(400);
    }

    @Test
    void onlyTheOrganisationsAdministratorsChangeWhereItsReferralsGo() {
        String organisationId = organisation("Strood Food Bank");
        String pat = TestTokens.token("pat.provider", "PROVIDER", organisationId, TestTokens.AUDIENCE);
        String withPatAsAdministrator = organisationBody("Strood Food Bank").replace("\"referralEmails\"", "\"administrators\":[\"pat.provider\"],\"referralEmails\"");

        assertThat(api().put("/api/directory/organisations/" + organisationId, pat, organisationBody("Strood Foodbank"), Map.of("If-Match", "\"1\"")).status())
                .as("a colleague keeps the details true").isEqualTo(200);
        assertThat(api().put("/api/directory/organisations/" + organisationId, pat, withPatAsAdministrator, Map.of("If-Match", "\"2\"")).status())
                .as("but may not name themselves administrator").isEqualTo(403);
        assertThat(api().put("/api/directory/organisations/" + organisationId, pat,
                organisationBody("Strood Foodbank").replace("referrals@charity.example", "elsewhere@example.com"), Map.of("If-Match", "\"2\"")).status())
                .as("nor send the referrals elsewhere").isEqualTo(403);

        assertThat(api().put("/api/directory/organisations/" + organisationId, ADMIN, withPatAsAdministrator, Map.of("If-Match", "\"2\"")).status()).isEqualTo(200);
        assertThat(api().put("/api/directory/organisations/" + organisationId, pat,
                withPatAsAdministrator.replace("referrals@charity.example", "intake@stroodfoodbank.example"), Map.of("If-Match", "\"3\"")).status())
                .as("an administrator of the organisation may").isEqualTo(200);
    }

    Owned owned() {
        String organisationId = organisation("Quernstone Community Transport");
        return new Owned(organisationId, created(listing(organisationId, "Quernstone Minibus", "transport"), ADMIN));
    }

    /** Figures as referral-service publishes them for an organisation or a listing. */
    void publishResponsiveness(String subject, String id) {
        CloudEvent figures = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType("org.bridgeway.referral.responsiveness.v1")
                .withSource(URI.create("/bridgeway/referral-service")).withData("application/json", """
                        {"subject":"%s","id":"%s","periodFrom":"2025-11-24","periodTo":"2026-11-23","referrals":41,
                         "usuallyRepliesWithinDays":2,"acceptedPercent":87.8}""".formatted(subject, id).getBytes(StandardCharsets.UTF_8)).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(KafkaMessageFactory.<String>createWriter("referral.responsiveness.v1", subject + ":" + id).writeBinary(figures));
        }
    }

    String organisation(String name) {
        Api.Response created = api().post("/api/directory/organisations", ADMIN, organisationBody(name), Map.of());
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    static String organisationBody(String name) {
        return """
                {"name":"%s","type":"CHARITY","email":"hello@charity.example","referralEmails":["referrals@charity.example"],
                 "address":{"line1":"1 High Street","town":"Chatham","postcode":"ME4 4TR"}}
                """.formatted(name);
    }

    String created(String body, String token) {
        Api.Response created = api().post("/api/directory/services", token, body, Map.of());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    JsonNode search(String query) {
        Api.Response found = api().get("/api/directory/services?" + query, TestTokens.referrer());
        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        return found.body();
    }

    static List<String> names(JsonNode result) {
        return result.get("items").valueStream().map(item -> item.get("name").asString()).toList();
    }

    static List<String> fields(Api.Response response) {
        assertThat(response.status()).isEqualTo(400);
        return response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    static String listing(String organisationId, String name, String category) {
        return """
                {"organisationId":"%s","name":"%s","description":"Help for residents","categories":["%s"],
                 "activities":[],"marmotPrinciples":[],"outcomes":[],"priorityGroups":[],"minimumAge":null,"maximumAge":null,
                 "coverage":{"wholeArea":false,"areas":["medway"]},
                 "locations":[{"name":"Hub","address":{"line1":"1 High Street","town":"Chatham","postcode":"ME4 4TR"}}],
                 "deliveryModes":["IN_PERSON","PHONE"],"openingHours":[{"dayOfWeek":"MONDAY","opens":"09:00","closes":"17:00"}],
                 "languages":["en"],"cost":{"free":true},
                 "referral":{"pathway":"REFERRAL","referrerRoles":[],"selfReferral":true},
                 "capacity":{"status":"ACCEPTING"}}
                """.formatted(organisationId, name, category);
    }

    CloudEvent single(String topic, String key, String type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (found.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key()) && type.equals(KafkaMessageFactory.createReader(r).toEvent().getType())) {
                        found.add(r);
                    }
                });
            }
        }
        assertThat(found).as(type + " of " + key + " on " + topic).hasSize(1);
        return KafkaMessageFactory.createReader(found.getFirst()).toEvent();
    }
}
