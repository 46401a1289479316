package org.bridgeway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The directory's behaviour over real HTTP, Kafka and the store. */
abstract class DirectoryServiceContract {

    static final String ADMIN = TestTokens.token("adam.admin", "ADMIN", null, TestTokens.AUDIENCE);

    @Value("${local.server.port}")
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    Api api() {
        return new Api(port);
    }

    @Test
    void anAdministratorAddsAnOrganisationAndAListingAndBothArePublishedAsSnapshots() {
        String organisationId = organisation("Medway Foodbank");
        Api.Response listing = api().post("/api/directory/services", ADMIN, listing(organisationId, "fuel"), Map.of());

        assertThat(listing.status()).isEqualTo(201);
        assertThat(listing.header("ETag")).isEqualTo("\"1\"");
        String serviceId = listing.body().get("id").asString();
        assertThat(api().get("/api/directory/services/" + serviceId, TestTokens.referrer()).body().get("name").asString())
                .isEqualTo("Warm Homes Advice");

        CloudEvent service = single("directory.services.v1", serviceId);
        assertThat(service.getType()).isEqualTo("org.bridgeway.directory.service.snapshot.v1");
        assertThat(new String(service.getData().toBytes(), StandardCharsets.UTF_8))
                .contains("\"serviceId\":\"" + serviceId + "\"", "\"sequence\":1", "\"capacity\":\"ACCEPTING\"", "\"referralPathway\":\"REFERRAL\"");
        assertThat(Contracts.violations("org.bridgeway.directory.service.snapshot.v1", service.getData().toBytes())).isEmpty();
        CloudEvent organisation = single("directory.organisations.v1", organisationId);
        assertThat(organisation.getType()).isEqualTo("org.bridgeway.directory.organisation.snapshot.v1");
        assertThat(Contracts.violations("org.bridgeway.directory.organisation.snapshot.v1", organisation.getData().toBytes())).isEmpty();
    }

    @Test
    void aProviderListsOnlyForItsOwnOrganisationAndOnlyAdministratorsAddOrganisations() {
        assertThat(api().post("/api/directory/services", TestTokens.greenDoctors(), listing(TestTokens.GREEN_DOCTORS /* from the demo data */, "fuel"), Map.of()).status())
                .isEqualTo(201);
        String other = organisation("Another Charity");
        assertThat(api().post("/api/directory/services", TestTokens.greenDoctors(), listing(other, "fuel"), Map.of()).status()).isEqualTo(403);
        assertThat(api().post("/api/directory/services", TestTokens.referrer(), listing(other, "fuel"), Map.of()).status()).isEqualTo(403);
        assertThat(api().post("/api/directory/organisations", TestTokens.manager(), "{\"name\":\"X\"}", Map.of()).status()).isEqualTo(403);
        assertThat(api().post("/api/directory/organisations", TestTokens.greenDoctors(), "{\"name\":\"X\"}", Map.of()).status()).isEqualTo(403);
        assertThat(api().get("/api/directory/services", null).status()).isEqualTo(401);
    }

    @Test
    void badInputNamesTheFieldAndTheAllowedValues() {
        String organisationId = organisation("Checks Charity");

        Api.Response unknownCategory = api().post("/api/directory/services", ADMIN, listing(organisationId, "energy"), Map.of());
        Api.Response noName = api().post("/api/directory/services", ADMIN, listing(organisationId, "fuel").replace("Warm Homes Advice", " "), Map.of());
        Api.Response unknownOrganisation = api().post("/api/directory/services", ADMIN, listing(UUID.randomUUID().toString(), "fuel"), Map.of());
        Api.Response badFilter = api().get("/api/directory/services?category=energy", TestTokens.referrer());
        assertThat(api().get("/api/directory/services?page=-1", TestTokens.referrer()).status()).isEqualTo(400);

        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.body().get("errors").get(0).get("field").asString()).isEqualTo("categories");
        assertThat(unknownCategory.body().get("errors").get(0).get("message").asString()).contains("fuel", "mental-health");
        assertThat(noName.body().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(unknownOrganisation.body().get("errors").get(0).get("field").asString()).isEqualTo("organisationId");
        assertThat(badFilter.body().get("errors").get(0).get("field").asString()).isEqualTo("category");
    }

    @Test
    void listingsPageAndFilterByCategory() {
        String organisationId = organisation("Food Charity");
        api().post("/api/directory/services", ADMIN, listing(organisationId, "food"), Map.of());

        Api.Response food = api().get("/api/directory/services?category=food&size=1", TestTokens.referrer());

        assertThat(food.status()).isEqualTo(200);
        assertThat(food.body().get("items")).hasSize(1);
        assertThat(food.body().get("items").get(0).get("categories").get(0).asString()).isEqualTo("food");
        assertThat(food.body().get("page").get("size").asInt()).isEqualTo(1);
        assertThat(food.body().get("page").get("totalItems").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api().get("/api/directory/taxonomy", TestTokens.referrer()).body().get("categories").get(0).get("label").asString())
                .isEqualTo("Fuel Advice & Support");
    }

    String organisation(String name) {
        Api.Response created = api().post("/api/directory/organisations", ADMIN,
                "{\"name\":\"" + name + "\",\"referralEmails\":[\"referrals@charity.example\"]}", Map.of());
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    static String listing(String organisationId, String category) {
        return """
                {"organisationId":"%s","name":"Warm Homes Advice","description":"Help with energy bills","categories":["%s"]}
                """.formatted(organisationId, category);
    }

    CloudEvent single(String topic, String key) {
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
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        assertThat(found).as("snapshot of " + key + " on " + topic).hasSize(1);
        return KafkaMessageFactory.createReader(found.getFirst()).toEvent();
    }
}
