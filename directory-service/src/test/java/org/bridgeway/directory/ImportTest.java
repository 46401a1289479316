package org.bridgeway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Administrators import the asset-mapping form's export and Open Referral UK files, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bridgeway.demo-data.enabled=true")
class ImportTest {

    static final String ADMIN = TestTokens.token("adam.admin", "ADMIN", null, TestTokens.AUDIENCE);
    static final String ASSET_MAP = "/api/directory/imports/asset-map";
    static final String OPEN_REFERRAL = "/api/directory/imports/openreferral";
    static final String CSV = "text/csv";
    /** The demo data's own listings of the two sample services, which an import must name as possible duplicates. */
    static final String DEMO_DRAWING_AND_TALKING = "2c7cb8f8-6153-4665-bcd4-7f1e2a92fbdd";
    static final String DEMO_PARENT_PANEL = "cce2005a-d9f7-426c-801a-142b21e47bae";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry);
    }

    @Value("${local.server.port}")
    int port;

    Api api() {
        return new Api(port);
    }

    @Test
    void theFormsSampleRowsImportAreFoundAndAReImportChangesNothing() {
        String file = resource("imports/asset-map-sample.csv");

        JsonNode report = postCsv(file).body();

        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isZero();
        JsonNode panelRow = report.get("rows").get(0);
        JsonNode drawingRow = report.get("rows").get(1);
        assertThat(panelRow.get("row").asInt()).isEqualTo(2);
        assertThat(drawingRow.get("row").asInt()).isEqualTo(3);
        assertThat(drawingRow.get("outcome").asString()).isEqualTo("CREATED");
        assertThat(ids(drawingRow.get("possibleDuplicates"))).contains(DEMO_DRAWING_AND_TALKING);
        assertThat(ids(panelRow.get("possibleDuplicates"))).contains(DEMO_PARENT_PANEL);
        assertThat(drawingRow.get("warnings").get(0).asString()).contains("ME3 8DS");

        JsonNode drawing = imported("drawing");
        assertThat(drawing.get("id").asString()).isEqualTo(drawingRow.get("serviceId").asString());
        assertThat(drawing.get("organisationName").asString()).isEqualTo("Safe Space");
        assertThat(texts(drawing.get("marmotPrinciples"))).containsExactly("maximise-capabilities", "healthy-places");
        assertThat(texts(drawing.get("outcomes"))).containsExactly("improved-mental-wellbeing", "increased-social-connection",
                "reduced-isolation", "improved-access-to-services");
        assertThat(texts(drawing.get("priorityGroups"))).containsExactly("all-residents");
        assertThat(texts(drawing.get("genders"))).containsExactly("all");
        assertThat(texts(drawing.get("categories"))).containsExactly("mental-health");
        assertThat(texts(drawing.get("coverage").get("areas"))).containsExactly("medway");
        assertThat(texts(drawing.get("deliveryModes"))).containsExactly("ONLINE");
        assertThat(drawing.get("referral").get("pathway").asString()).isEqualTo("SIGNPOST_ONLY");
        assertThat(drawing.get("description").asString()).contains("Results for the people supported: Build up confidence");
        assertThat(drawing.get("email").asString()).isEqualTo("clairehurst1@gmail.com");

        JsonNode panel = api().get("/api/directory/services/" + panelRow.get("serviceId").asString(), ADMIN).body();
        assertThat(panel.get("provenance").asString()).isEqualTo("FORM_IMPORT");
        assertThat(texts(panel.get("marmotPrinciples"))).containsExactly("best-start");
        assertThat(texts(panel.get("outcomes"))).containsExactly("improved-mental-wellbeing", "increased-social-connection",
                "reduced-isolation", "improved-access-to-services", "increased-training-or-skills");
        assertThat(texts(panel.get("categories"))).containsExactly("family-support", "social-connection");
        assertThat(panel.get("locations").get(0).get("address").get("postcode").asString()).isEqualTo("ME2 3FF");
        assertThat(panel.get("locations").get(0).get("address").get("town").asString()).isEqualTo("Rochester");
        assertThat(texts(panel.get("deliveryModes"))).containsExactly("IN_PERSON");
        assertThat(panel.get("description").asString()).endsWith("Delivered with: Medway Parent Carer Forum");

        JsonNode again = postCsv(file).body();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("rows").get(1).get("serviceId").asString()).isEqualTo(drawing.get("id").asString());

        JsonNode revised = postCsv(file.replace("Build up confidence", "Builds confidence")).body();
        assertThat(revised.get("rows").get(0).get("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(revised.get("rows").get(1).get("outcome").asString()).isEqualTo("UPDATED");
        assertThat(imported("drawing").get("description").asString()).contains("Builds confidence");
        assertThat(api().get("/api/directory/organisations?name=Safe%20Space", ADMIN).body().size()).isEqualTo(1);
    }

    @Test
    void badRowsAreRejectedWithTheirRowNumberAndTheOthersImport() {
        String file = header()
                + row("Oxlipmoor Community Kitchen", "Oxlipmoor Lunch Club", "Chatham; Gillingham;", "Older people;",
                "Older people 65+;", "A weekly hot lunch club for people who live alone.", "oxlipmoor.example/lunch")
                + "Oxlipmoor Short Row,hello@oxlipmoor.example,01634 000222,No,\r\n"
                + row("Oxlipmoor Community Kitchen", "Oxlipmoor Pirate Club", "", "Pirates;", "", "Games.", "")
                + "\"Oxlipmoor\"Stray,hello@oxlipmoor.example,01634 000222,No,,Stray,,,,,,,,,,,\r\n"
                + row("Oxlipmoor Community Kitchen", "Oxlipmoor Walking Group", "All Medway", "", "0-19; Under 5s;",
                "Gentle walking for families around the Great Lines.", "https://oxlipmoor.example/walks")
                + "\"Oxlipmoor Unclosed,hello@oxlipmoor.example,01634 000222,No,,Unclosed,,,,,,,,,,,\r\n";

        JsonNode report = postCsv(file).body();

        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(4);
        JsonNode rows = report.get("rows");
        assertThat(outcome(rows, 2)).isEqualTo("CREATED");
        assertThat(outcome(rows, 3)).isEqualTo("REJECTED");
        assertThat(reason(rows, 3)).contains("has 5 columns");
        assertThat(reason(rows, 4)).contains("column 12 (priority groups)", "Pirates");
        assertThat(reason(rows, 5)).contains("text follows a closing quote");
        assertThat(outcome(rows, 6)).isEqualTo("CREATED");
        assertThat(reason(rows, 7)).contains("never closed");
        assertThat(names("oxlipmoor")).containsOnlyOnce("Oxlipmoor Lunch Club", "Oxlipmoor Walking Group")
                .doesNotContain("Oxlipmoor Pirate Club");

        JsonNode lunch = api().get("/api/directory/services/" + serviceId(rows, 2), ADMIN).body();
        assertThat(texts(lunch.get("coverage").get("areas"))).containsExactly("chatham", "gillingham");
        assertThat(lunch.get("minimumAge").asInt()).isEqualTo(65);
        assertThat(lunch.get("maximumAge").isNull()).isTrue();
        assertThat(lunch.get("website").asString()).isEqualTo("https://oxlipmoor.example/lunch");
        assertThat(texts(lunch.get("categories"))).containsExactly("food");
        JsonNode walks = api().get("/api/directory/services/" + serviceId(rows, 6), ADMIN).body();
        assertThat(texts(walks.get("coverage").get("areas"))).containsExactly("medway");
        assertThat(walks.get("minimumAge").asInt()).isZero();
        assertThat(walks.get("maximumAge").asInt()).isEqualTo(19);
        assertThat(texts(walks.get("categories"))).contains("physical-activity");
    }

    @Test
    void aRowLikeAnEarlierRowOfTheSameFileNamesItAsAPossibleDuplicateHoweverFarApart() {
        StringBuilder file = new StringBuilder(header())
                .append(row("Quillbrook Trust", "Quillbrook Youth Club", "", "", "", "Games and trips for teenagers.", ""))
                .append(row("Quillbrook Trust", "Quillbrook Allotment Society", "", "", "", "Growing food together.", ""))
                .append(row("Quillbrook Trust", "Quillbrook Youth Clubs", "", "", "", "Evening clubs for teenagers.", ""));
        for (int i = 0; i < 110; i++) { // more than a duplicate check compares by itself before it looks at the index again
            file.append(row("Fillerford Group", "Fillerford Room " + i, "", "", "", "A room to hire.", ""));
        }
        file.append(row("Quillbrook Trust", "The Quillbrook Youth Club", "", "", "", "Clubs for teenagers.", ""));

        JsonNode rows = postCsv(file.toString()).body().get("rows");

        assertThat(outcome(rows, 4)).isEqualTo("CREATED");
        assertThat(ids(rowOf(rows, 4).get("possibleDuplicates"))).containsExactly(serviceId(rows, 2));
        assertThat(rowOf(rows, 2).get("possibleDuplicates")).isNull();
        assertThat(rowOf(rows, 3).get("possibleDuplicates")).isNull();
        assertThat(ids(rowOf(rows, 115).get("possibleDuplicates"))).containsExactlyInAnyOrder(serviceId(rows, 2), serviceId(rows, 4));
        assertThat(names("quillbrook")).containsExactlyInAnyOrder("Quillbrook Youth Club", "Quillbrook Allotment Society",
                "Quillbrook Youth Clubs", "The Quillbrook Youth Club");
    }

    @Test
    void aListingThatBreaksTheDirectorysRulesIsRejectedNamingItsFieldAndColumn() {
        JsonNode report = postCsv(header() + row("Oxlipmoor Bad Links", "Oxlipmoor Bad Link", "", "", "", "Text.",
                "not a link")).body();

        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        assertThat(reason(report.get("rows"), 2)).contains("website in column 9 (link)");
        assertThat(api().get("/api/directory/organisations?name=Oxlipmoor%20Bad", ADMIN).body().size()).isZero();
    }

    @Test
    void aFileWithoutTheFormsHeadersIsRefusedNamingThem() {
        String file = header().replace("Which group(s) does the service prioritise? (select all that apply)", "Priority groups")
                + row("Oxlipmoor Header", "Oxlipmoor Header", "", "", "", "Text.", "");

        Api.Response response = post(ASSET_MAP, ADMIN, CSV, file);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").toString())
                .contains("missing column \\\"Which group(s) does the service prioritise? (select all that apply)\\\"")
                .contains("unexpected column \\\"Priority groups\\\"");
    }

    @Test
    void aFileOfMoreThan5000RowsIsRefusedBeforeAnyIsStored() {
        StringBuilder file = new StringBuilder(header());
        for (int i = 0; i < 5001; i++) {
            file.append(row("Zzmanyrows " + i, "Zzmanyrows service " + i, "", "", "", "Text.", ""));
        }

        Api.Response response = post(ASSET_MAP, ADMIN, CSV, file.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("message").asString()).contains("5000");
        assertThat(api().get("/api/directory/organisations?name=Zzmanyrows", ADMIN).body().size()).isZero();
    }

    @Test
    void aFileOverFiveMegabytesIsRefused() {
        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1024];

        Api.Response announced = api().postHeadOnly(ASSET_MAP, ADMIN, CSV, tooLarge.length);
        Api.Response streamed = api().post(ASSET_MAP, ADMIN, CSV,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)));

        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.body().get("detail").asString()).contains("5 MB");
        assertThat(streamed.status()).isEqualTo(413);
    }

    @Test
    void onlyAdministratorsImport() {
        String file = header() + row("Oxlipmoor Forbidden", "Oxlipmoor Forbidden", "", "", "", "Text.", "");

        assertThat(post(ASSET_MAP, TestTokens.greenDoctors(), CSV, file).status()).isEqualTo(403);
        assertThat(post(ASSET_MAP, TestTokens.referrer(), CSV, file).status()).isEqualTo(403);
        assertThat(post(OPEN_REFERRAL, TestTokens.greenDoctors(), "application/json", "[]").status()).isEqualTo(403);
        assertThat(post(OPEN_REFERRAL, TestTokens.referrer(), "application/json", "[]").status()).isEqualTo(403);
    }

    @Test
    void anOpenReferralPageImportsAndReImportsWithoutDuplicates() {
        String file = resource("imports/openreferral-services.json");

        JsonNode report = post(OPEN_REFERRAL, ADMIN, "application/json", file).body();

        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        JsonNode rows = report.get("rows");
        assertThat(reason(rows, 3)).contains("locations[0].address.postcode", "locations[0].latitude");
        assertThat(rows.get(0).get("warnings").toString()).contains("Eating disorders");

        JsonNode counselling = api().get("/api/directory/services/" + serviceId(rows, 1), ADMIN).body();
        assertThat(counselling.get("provenance").asString()).isEqualTo("OPEN_REFERRAL_IMPORT");
        assertThat(texts(counselling.get("categories"))).containsExactly("mental-health");
        assertThat(texts(counselling.get("activities"))).containsExactly("talking-therapy");
        assertThat(texts(counselling.get("languages"))).containsExactly("en", "pl");
        assertThat(texts(counselling.get("coverage").get("areas"))).containsExactly("medway");
        assertThat(counselling.get("openingHours").size()).isEqualTo(2);
        assertThat(counselling.get("cost").get("details").asString()).isEqualTo("Under 18s and Over 60s: £35 per 1 hour session");
        assertThat(counselling.get("phone").asString()).isEqualTo("01634 000111");
        assertThat(counselling.get("minimumAge").asInt()).isEqualTo(12);
        JsonNode dropIn = api().get("/api/directory/services/" + serviceId(rows, 2), ADMIN).body();
        assertThat(dropIn.get("status").asString()).isEqualTo("TEMPORARILY_CLOSED");
        assertThat(texts(dropIn.get("categories"))).containsExactly("other");
        assertThat(texts(dropIn.get("deliveryModes"))).containsExactly("ONLINE");
        assertThat(dropIn.get("organisationId").asString()).isEqualTo(counselling.get("organisationId").asString());
        JsonNode organisations = api().get("/api/directory/organisations?name=Bramblecote", ADMIN).body();
        assertThat(organisations.size()).isEqualTo(1);
        assertThat(organisations.get(0).get("type").asString()).isEqualTo("CIC");
        assertThat(organisations.get(0).get("registeredNumber").asString()).isEqualTo("1234567");

        JsonNode again = post(OPEN_REFERRAL, ADMIN, "application/json", file).body();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(serviceId(again.get("rows"), 1)).isEqualTo(counselling.get("id").asString());
        JsonNode single = post(OPEN_REFERRAL, ADMIN, "application/json",
                StreamSupport.stream(readTree(file).get("contents").spliterator(), false).findFirst().orElseThrow().toString()).body();
        assertThat(single.get("unchanged").asInt()).isEqualTo(1);
        assertThat(names("bramblecote")).containsOnlyOnce("Bramblecote Community Counselling", "Bramblecote Online Drop-in");
        assertThat(api().get("/api/directory/organisations?name=Example%20Organization", ADMIN).body().size()).isZero();
    }

    @Test
    void jsonWithRepeatedKeysOrDeepNestingIsRefused() {
        Api.Response repeated = post(OPEN_REFERRAL, ADMIN, "application/json",
                "{\"id\": \"5b0f6c1e-4d7a-4e2b-9c3d-1a2b3c4d5e09\", \"name\": \"One\", \"name\": \"Two\", \"status\": \"active\"}");
        Api.Response deep = post(OPEN_REFERRAL, ADMIN, "application/json", "[".repeat(200) + "]".repeat(200));

        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.body().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(repeated.body().get("errors").get(0).get("message").asString()).contains("Duplicate", "name");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.body().get("errors").get(0).get("message").asString()).contains("nesting");
    }

    private Api.Response postCsv(String file) {
        Api.Response response = post(ASSET_MAP, ADMIN, CSV, file);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response;
    }

    private Api.Response post(String path, String token, String contentType, String body) {
        return api().post(path, token, contentType, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private List<String> names(String words) {
        List<String> names = new ArrayList<>();
        api().get("/api/directory/services?size=100&q=" + words, ADMIN).body().get("items")
                .forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    /** The imported listing that a search for the words finds (the demo data has a listing of the same name). */
    private JsonNode imported(String words) {
        JsonNode items = api().get("/api/directory/services?q=" + words, ADMIN).body().get("items");
        List<JsonNode> found = StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.get("provenance").asString().equals("FORM_IMPORT")).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private static String header() {
        String sample = resource("imports/asset-map-sample.csv");
        return sample.substring(1, sample.indexOf("\r\n") + 2);
    }

    /** A row of the form with the columns these tests vary; the others as a provider would fill them in. */
    private static String row(String organisation, String service, String areas, String priorityGroups, String ageGroups,
                              String description, String link) {
        List<String> cells = List.of(organisation, "hello@oxlipmoor.example", "01634 000222", "No", "", service,
                "", "", link, description, areas, priorityGroups, ageGroups, "All genders;",
                "Strengthen the role and impact of ill health prevention;", "Reduced isolation;", "");
        return String.join(",", cells.stream().map(ImportTest::quoted).toList()) + "\r\n";
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static String outcome(JsonNode rows, int row) {
        return rowOf(rows, row).get("outcome").asString();
    }

    private static String reason(JsonNode rows, int row) {
        return rowOf(rows, row).get("reason").asString();
    }

    private static String serviceId(JsonNode rows, int row) {
        return rowOf(rows, row).get("serviceId").asString();
    }

    private static JsonNode rowOf(JsonNode rows, int row) {
        return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.get("row").asInt() == row).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + row + " in " + rows));
    }

    private static List<String> ids(JsonNode candidates) {
        List<String> ids = new ArrayList<>();
        candidates.forEach(candidate -> ids.add(candidate.get("id").asString()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asString()));
        return texts;
    }

    private static JsonNode readTree(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
    }

    private static String resource(String path) {
        try (InputStream in = ImportTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
