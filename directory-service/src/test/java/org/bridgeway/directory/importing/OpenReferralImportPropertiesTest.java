package org.bridgeway.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bridgeway.directory.importing.Cases.anyString;
import static org.bridgeway.directory.importing.Cases.between;
import static org.bridgeway.directory.importing.Cases.example;
import static org.bridgeway.directory.importing.Cases.generated;
import static org.bridgeway.directory.importing.Cases.listOf;
import static org.bridgeway.directory.importing.Cases.oneOf;
import static org.bridgeway.directory.importing.Cases.stringOf;
import static org.bridgeway.directory.importing.ImportedServices.MAX_PER_IMPORT;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.bridgeway.directory.JsonConfig;
import org.bridgeway.directory.importing.ImportReport.Row;
import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.reference.ShippedReferenceData;
import org.bridgeway.directory.web.InvalidFieldException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Referral UK import on generated documents: any text gives a report of every service in
 * it or a refusal (the API's 400), no service fails in a way the import did not foresee, a service
 * comes through as written, and a document of more services than the bound is refused whole.
 */
@ExtendWith(Cases.NamedFailures.class)
class OpenReferralImportPropertiesTest {

    private static final JsonMapper JSON = JsonConfig.strictMapperBuilder().build();
    private static final OpenReferralMapping MAPPING = new OpenReferralMapping(ShippedReferenceData.load());
    private static final long SEED = 0x5EED_A55E7L;

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("documents")
    void anyTextGivesAReportOfEveryServiceOrARefusal(String document) {
        ImportReport report;
        try {
            report = run(document, new RecordedServices());
        } catch (InvalidFieldException refused) {
            assertThat(refused.problems()).allSatisfy(problem -> assertThat(problem.field()).isIn("body", "contents"));
            return;
        }
        assertThat(report.rows()).extracting(Row::row).isSorted().doesNotHaveDuplicates().allSatisfy(row -> assertThat(row).isPositive());
        assertThat(report.rows()).extracting(Row::reason).doesNotContain(AssetMapImportPropertiesTest.UNFORESEEN);
        assertThat(report.created() + report.rejected()).isEqualTo(report.rows().size());
    }

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("services")
    void aServiceComesThroughAsWritten(List<Map<String, Object>> services, String wrapping) {
        RecordedServices recorded = new RecordedServices();
        Object document = switch (wrapping) {
            case "page" -> Map.of("contents", services);
            case "array" -> services;
            default -> services.getFirst();
        };

        ImportReport report = run(JSON.writeValueAsString(document), recorded);

        List<Map<String, Object>> imported = wrapping.equals("single") ? services.subList(0, 1) : services;
        assertThat(report.created()).as("%s", report.rows()).isEqualTo(imported.size());
        for (int i = 0; i < imported.size(); i++) {
            Map<String, Object> service = imported.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> organization = (Map<String, Object>) service.get("organization");
            ImportedService stored = recorded.services.get(i);
            assertThat(stored.sourceKey()).isEqualTo("openreferral:" + service.get("id"));
            assertThat(stored.status()).isEqualTo(Listing.Status.valueOf(((String) service.get("status")).toUpperCase(Locale.ROOT).replace(' ', '_')));
            assertThat(stored.organisation().name()).isEqualTo(((String) organization.get("name")).strip());
            assertThat(recorded.listings.get(i).name()).isEqualTo(((String) service.get("name")).strip());
            assertThat(recorded.listings.get(i).description()).isEqualTo(Wording.orNull((String) service.get("description")));
        }
    }

    /** Every count around the bound, from two below to two above. */
    @ParameterizedTest(name = "{0} services")
    @ValueSource(ints = {MAX_PER_IMPORT - 2, MAX_PER_IMPORT - 1, MAX_PER_IMPORT, MAX_PER_IMPORT + 1, MAX_PER_IMPORT + 2})
    void moreServicesThanTheBoundAreRefusedBeforeAnyIsStored(int count) {
        RecordedServices recorded = new RecordedServices();
        String document = IntStream.rangeClosed(1, count)
                .mapToObj(i -> "{\"id\": \"s" + i + "\", \"name\": \"Service\", \"status\": \"active\", \"organization\": {\"name\": \"Org\"}}")
                .collect(Collectors.joining(",", "{\"contents\": [", "]}"));

        if (count <= MAX_PER_IMPORT) {
            assertThat(run(document, recorded).created()).isEqualTo(count);
        } else {
            assertThatThrownBy(() -> run(document, recorded)).isInstanceOfSatisfying(InvalidFieldException.class,
                    refused -> assertThat(refused.problems().getFirst().field()).isEqualTo("contents"));
            assertThat(recorded.services).isEmpty();
        }
    }

    private static ImportReport run(String document, RecordedServices recorded) {
        return new OpenReferralImport(JSON, MAPPING, recorded.store).run(document.getBytes(StandardCharsets.UTF_8), "importer");
    }

    /** Documents of Open Referral services holding anything where a value goes; some cut short, some not JSON at all. */
    static Stream<Arguments> documents() {
        String service = "{\"id\": \"s1\", \"name\": \"Service\", \"status\": \"active\", \"organization\": {\"name\": \"Org\"}, ";
        return Stream.concat(Stream.of(
                        example("empty", ""),
                        example("null", "null"),
                        example("an empty array", "[]"),
                        example("an empty object", "{}"),
                        example("an empty page", "{\"contents\": []}"),
                        example("a page of null", "{\"contents\": null}"),
                        example("numbers beyond a double's range and a long's digits", service
                                + "\"cost_options\": [{\"amount\": 1e400}, {\"amount\": -1e400}, {\"amount\": 1e-400},"
                                + " {\"amount\": 12345678901234567890.5}], \"minimum_age\": 1e400, \"maximum_age\": 12345678901234567890}"),
                        example("a name of 100 000 characters",
                                service.replace("\"Service\"", "\"" + "é".repeat(100_000) + "\"") + "\"url\": \"\"}")),
                generated(SEED, 500, random -> Arguments.of(document(random))));
    }

    private static String document(Random random) {
        int kind = random.nextInt(11); // in 11: 8 structured, 1 structured cut short, 1 of JSON's characters, 1 any text
        if (kind == 9) {
            return stringOf(random, "{}[]\",:0123456789.eE-+ntrufals\\", 0, 60);
        }
        if (kind == 10) {
            return anyString(random, 200);
        }
        Object structured = switch (random.nextInt(4)) {
            case 0 -> SERVICE.apply(random);
            case 1 -> listOf(random, 0, 4, () -> SERVICE.apply(random));
            case 2 -> Map.of("contents", listOf(random, 0, 4, () -> SERVICE.apply(random)));
            default -> anything(random);
        };
        String text = JSON.writeValueAsString(structured);
        return kind == 8 ? text.substring(0, Math.min(between(random, 0, 200), text.length())) : text;
    }

    private static final Object LEFT_OUT = new Object();
    private static final Function<Random, Object> TEXT = OpenReferralImportPropertiesTest::text;
    private static final Function<Random, Object> NUMBER = OpenReferralImportPropertiesTest::number;
    /** An HSDS service as the mapping reads it, every field present, of another type, or left out. */
    private static final Function<Random, Object> SERVICE = service();

    private static Function<Random, Object> service() {
        Function<Random, Object> phones = array(object(Map.of("number", TEXT)));
        Function<Random, Object> address = object(Map.of("address_type", TEXT, "address_1", TEXT, "address_2", TEXT,
                "city", TEXT, "postal_code", TEXT));
        Function<Random, Object> location = object(Map.of("name", TEXT, "location_type", TEXT, "latitude", NUMBER,
                "longitude", NUMBER, "addresses", array(address),
                "accessibility", array(object(Map.of("description", TEXT, "accessibility", TEXT)))));
        Function<Random, Object> organization = object(Map.of("id", TEXT, "name", TEXT, "email", TEXT, "website", TEXT,
                "phones", phones, "organization_identifiers", array(object(Map.of("identifier_scheme", TEXT, "identifier", TEXT)))));
        return object(Map.ofEntries(
                Map.entry("id", TEXT), Map.entry("name", TEXT), Map.entry("description", TEXT), Map.entry("status", TEXT),
                Map.entry("url", TEXT), Map.entry("email", TEXT), Map.entry("organization", organization),
                Map.entry("organization_id", TEXT),
                Map.entry("attributes", array(object(Map.of("taxonomy_term",
                        object(Map.of("code", TEXT, "name", TEXT, "term", TEXT, "taxonomy", TEXT)))))),
                Map.entry("service_at_locations", array(object(Map.of("location", location)))),
                Map.entry("service_areas", array(object(Map.of("name", TEXT, "service_area", TEXT)))),
                Map.entry("schedules", array(object(Map.of("freq", TEXT, "byday", TEXT, "opens_at", TEXT,
                        "closes_at", TEXT, "description", TEXT, "notes", TEXT)))),
                Map.entry("languages", array(object(Map.of("code", TEXT, "name", TEXT)))),
                Map.entry("cost_options", array(object(Map.of("amount", NUMBER, "option", TEXT, "amount_description", TEXT)))),
                Map.entry("minimum_age", NUMBER), Map.entry("maximum_age", NUMBER), Map.entry("phones", phones),
                Map.entry("contacts", array(object(Map.of("phones", phones))))));
    }

    /**
     * An object of these fields, each as given (6 in 10), anything (1 in 10) or left out; made in
     * the order of their names, so that a seed always gives the same object.
     */
    private static Function<Random, Object> object(Map<String, Function<Random, Object>> fields) {
        Map<String, Function<Random, Object>> inOrder = new TreeMap<>(fields);
        return random -> {
            Map<String, Object> object = new LinkedHashMap<>();
            inOrder.forEach((name, value) -> {
                int choice = random.nextInt(10);
                Object chosen = choice < 6 ? value.apply(random) : choice < 7 ? anything(random) : LEFT_OUT;
                if (chosen != LEFT_OUT) {
                    object.put(name, chosen);
                }
            });
            return object;
        };
    }

    private static Function<Random, Object> array(Function<Random, Object> element) {
        return random -> listOf(random, 0, 3, () -> element.apply(random));
    }

    /** Text the mapping looks for (statuses, days, times, postcodes, vocabulary), and any text. */
    private static Object text(Random random) {
        return random.nextBoolean()
                ? oneOf(random, "active", "temporarily closed", "defunct", "WEEKLY", "MONTHLY", "MO,TU,XX", "SU", "09:30", "25:99",
                        "17:00+01:00", "virtual", "physical", "GB-CHC", "GB-COH", "ME4 4TR", "ME7", "SW1A 1AA", "Medway", "Kent",
                        "fuel", "mental-health", "Bridgeway need categories", "Women and girls", "en", "Polish",
                        "https://example.org", "x@example.org", "", " ")
                : anyString(random, 20);
    }

    /** Numbers, among them ones beyond a double's range and of more digits than a long holds. */
    private static Object number(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextLong();
            case 2 -> random.nextBoolean() ? random.nextDouble(-1e6, 1e6) : anyFiniteDouble(random);
            default -> oneOf(random, new BigDecimal("1e400"), new BigDecimal("-1e400"), new BigDecimal("1e-400"),
                    new BigDecimal("12345678901234567890.5"), BigDecimal.ZERO, new BigDecimal("0.00"));
        };
    }

    /** A double of any bits that make a finite number: tiny, huge, negative zero. */
    private static double anyFiniteDouble(Random random) {
        double value;
        do {
            value = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(value));
        return value;
    }

    /** Any JSON value, shallow: text, a number, a flag or null, or lists and objects of those up to two deep. */
    private static Object anything(Random random) {
        return anything(random, between(random, 0, 2));
    }

    private static Object anything(Random random, int depth) {
        if (depth == 0) {
            return switch (random.nextInt(10)) {
                case 0 -> null;
                case 1, 2, 3 -> text(random);
                case 4, 5, 6 -> number(random);
                default -> random.nextBoolean();
            };
        }
        if (random.nextBoolean()) {
            return listOf(random, 0, 3, () -> anything(random, depth - 1));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        listOf(random, 0, 3, () -> oneOf(random, "id", "name", "amount", "x")).forEach(key -> object.put(key, anything(random, depth - 1)));
        return object;
    }

    /** One to five services with what a listing needs, under ids unique to the document, in one of the three wrappings. */
    static Stream<Arguments> services() {
        return Stream.concat(Stream.of(
                        example("one-letter names, no description, as a page", List.of(numbered(1, "a", null, "active", "b")), "page"),
                        example("one-letter names, no description, as an array", List.of(numbered(1, "a", null, "active", "b")), "array"),
                        example("a blank description, alone", List.of(numbered(1, " a ", " \n ", "DEFUNCT", " b\n")), "single")),
                generated(SEED, 200, random -> {
                    List<Map<String, Object>> services = new ArrayList<>();
                    for (int i = 1, count = between(random, 1, 5); i <= count; i++) {
                        String description = random.nextInt(5) == 0 ? null : stringOf(random, Cases.PRINTABLE + "\n", 0, 200);
                        services.add(numbered(i, name(random), description,
                                oneOf(random, "active", "Temporarily Closed", "inactive", "DEFUNCT"), name(random)));
                    }
                    return Arguments.of(services, oneOf(random, "page", "array", "single"));
                }));
    }

    private static Map<String, Object> numbered(int number, String name, String description, String status, String organisationName) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", "service-" + number);
        service.put("name", name);
        service.put("description", description);
        service.put("status", status);
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("id", "org-" + organisationName.hashCode());
        organization.put("name", organisationName);
        service.put("organization", organization);
        return service;
    }

    /** A name of 1 to 40 characters, not blank. */
    private static String name(Random random) {
        String name;
        do {
            name = stringOf(random, Cases.PRINTABLE + "é€\n", 1, 40);
        } while (name.isBlank());
        return name;
    }
}
