package org.bridgeway.referral.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bridgeway.referral.Cases.anyString;
import static org.bridgeway.referral.Cases.between;
import static org.bridgeway.referral.Cases.example;
import static org.bridgeway.referral.Cases.generated;
import static org.bridgeway.referral.Cases.listOf;
import static org.bridgeway.referral.Cases.oneOf;
import static org.bridgeway.referral.Cases.stringOf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.bridgeway.referral.Cases;
import org.bridgeway.referral.JsonConfig;
import org.bridgeway.referral.referral.Resident;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading and checking the body of POST /api/referrals, on generated bodies: any body is either
 * refused by the JSON reader or checked field by field (both the API's 400), never an error of
 * another kind; and a valid submission passes and reads back as it was written.
 */
@ExtendWith(Cases.NamedFailures.class)
class SubmitReferralRequestPropertiesTest {

    private static final JsonMapper JSON = JsonConfig.strictMapperBuilder().build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final long SEED = 0x5EED_1A7A4EL;

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("bodies")
    void anyBodyIsRefusedOrCheckedFieldByField(String body) {
        SubmitReferralRequest request;
        try {
            request = JSON.readValue(body, SubmitReferralRequest.class);
        } catch (JacksonException notReadable) {
            return;
        }
        if (request == null) {
            return; // a body of "null": Spring answers 400, the body is required
        }
        Set<ConstraintViolation<SubmitReferralRequest>> violations = VALIDATOR.validate(request);

        if (violations.isEmpty()) {
            Resident resident = request.resident().toResident();
            assertThat(resident.postcode()).isEqualTo(resident.postcode().strip().toUpperCase(Locale.ROOT));
        }
        assertThat(violations).allSatisfy(violation -> assertThat(violation.getPropertyPath().toString()).isNotEmpty());
    }

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("submissions")
    void aValidSubmissionPassesAndReadsBackAsWritten(Map<String, Object> submission) {
        SubmitReferralRequest request = JSON.readValue(JSON.writeValueAsString(submission), SubmitReferralRequest.class);

        assertThat(VALIDATOR.validate(request)).isEmpty();
        assertThat(JSON.readValue(JSON.writeValueAsString(request), SubmitReferralRequest.class)).isEqualTo(request);
        @SuppressWarnings("unchecked")
        Map<String, Object> written = (Map<String, Object>) submission.get("resident");
        Resident resident = request.resident().toResident();
        assertThat(resident.name()).isEqualTo(((String) written.get("name")).strip());
        assertThat(resident.postcode()).isEqualTo(((String) written.get("postcode")).strip().toUpperCase(Locale.ROOT));
        assertThat(resident.preferredLanguage()).isEqualTo(written.get("preferredLanguage") == null ? "en" : written.get("preferredLanguage"));
    }

    /** Valid submissions with a field and a field of the resident replaced by anything; some bodies cut short, some any text. */
    static Stream<Arguments> bodies() {
        return Stream.concat(Stream.of("", "null", "[]", "{}", "\"text\"", "1", "{\"resident\": null}", "{\"resident\": []}")
                        .map(body -> example("not a submission", body)),
                generated(SEED, 500, random -> Arguments.of(body(random))));
    }

    private static String body(Random random) {
        int kind = random.nextInt(10); // in 10: 8 valid with a field replaced, 1 of those cut short, 1 any text
        if (kind == 9) {
            return anyString(random, 400);
        }
        Map<String, Object> body = submission(random);
        resident(body).put(oneOf(random, RESIDENT_FIELDS), anything(random));
        body.put(oneOf(random, FIELDS), anything(random));
        String text = JSON.writeValueAsString(body);
        return kind == 8 ? text.substring(0, Math.min(between(random, 0, 400), text.length())) : text;
    }

    private static final List<String> FIELDS = List.of("serviceId", "category", "urgency", "reason", "consent", "lawfulBasis",
            "resident", "householdContext", "safeguardingConcern", "unknown");
    private static final List<String> RESIDENT_FIELDS = List.of("name", "dateOfBirth", "postcode", "phone", "email",
            "contactPreference", "preferredLanguage", "interpreterNeeded", "accessibilityNeeds");

    /** Any JSON value: text, numbers, dates and enum names in and out of range, or lists and objects of those up to two deep. */
    private static Object anything(Random random) {
        return anything(random, between(random, 0, 2));
    }

    private static Object anything(Random random, int depth) {
        if (depth == 0) {
            return random.nextInt(10) == 0 ? null : switch (random.nextInt(6)) {
                case 0 -> anyString(random, 30);
                case 1 -> stringOf(random, LOWER, 4000, 4100);
                case 2 -> oneOf(random, "ROUTINE", "URGENT", "routine", "VERBAL", "PHONE", "2026-02-30", "1988-04-02", "2999-01-01",
                        "2026-11-22T10:00:00Z", "2999-11-22T10:00:00Z", "ME7 1AA", "me71aa", "SW1A 1AA", "ME7", "", " ");
                case 3 -> random.nextInt();
                case 4 -> random.nextBoolean() ? random.nextDouble(-1e6, 1e6) : anyFiniteDouble(random);
                default -> random.nextBoolean();
            };
        }
        if (random.nextBoolean()) {
            return listOf(random, 0, 3, () -> anything(random, depth - 1));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        listOf(random, 0, 3, () -> oneOf(random, "given", "method", "recordedAt", "basis", "explanation", "name"))
                .forEach(key -> object.put(key, anything(random, depth - 1)));
        return object;
    }

    /** A double of any bits that make a finite number: tiny, huge, negative zero. */
    private static double anyFiniteDouble(Random random) {
        double value;
        do {
            value = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(value));
        return value;
    }

    /** Valid submissions, among them one of the shortest fields and one of the longest. */
    static Stream<Arguments> submissions() {
        Map<String, Object> shortest = submission(new Random(SEED));
        shortest.putAll(Map.of("serviceId", "-", "category", "ca", "reason", "a"));
        resident(shortest).putAll(Map.of("name", "a", "dateOfBirth", LocalDate.now().minusDays(1).toString(), "postcode", "a9 9aa",
                "phone", ""));
        resident(shortest).put("preferredLanguage", null);
        Map<String, Object> longest = submission(new Random(SEED));
        longest.putAll(Map.of("serviceId", "S-1".repeat(21) + "x", "category", "c" + "a-".repeat(20), "reason", "é' -".repeat(15),
                "consent", consent("ELECTRONIC", 3_650)));
        resident(longest).putAll(Map.of("name", "a".repeat(60), "dateOfBirth", LocalDate.now().minusDays(40_000).toString(),
                "postcode", "AA9A 9AA", "phone", "+44 (0)7700-900123 000 000 000", "preferredLanguage", "x-".repeat(17) + "x"));
        return Stream.concat(Stream.of(example("the shortest fields", shortest), example("the longest fields", longest)),
                generated(SEED, 200, random -> Arguments.of(submission(random))));
    }

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = LOWER.toUpperCase(Locale.ROOT);
    private static final String DIGITS = "0123456789";

    private static Map<String, Object> submission(Random random) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceId", stringOf(random, LOWER + UPPER + DIGITS + "-", 1, 64));
        body.put("category", "c" + stringOf(random, LOWER + "-", 1, 40));
        body.put("urgency", oneOf(random, "ROUTINE", "URGENT"));
        body.put("reason", words(random));
        body.put("consent", consent(oneOf(random, "VERBAL", "WRITTEN", "ELECTRONIC"), between(random, 1, 3_650)));
        body.put("resident", resident(random));
        body.put("safeguardingConcern", random.nextBoolean());
        return body;
    }

    /** Consent given and recorded that many days ago. */
    private static Map<String, Object> consent(String method, int daysAgo) {
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("given", true);
        consent.put("method", method);
        consent.put("recordedAt", Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        return consent;
    }

    private static Map<String, Object> resident(Random random) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", words(random));
        fields.put("dateOfBirth", LocalDate.now().minusDays(between(random, 1, 40_000)).toString());
        fields.put("postcode", postcode(random));
        fields.put("phone", stringOf(random, DIGITS + " +()-", 0, 30));
        fields.put("email", "resident@example.org");
        fields.put("contactPreference", oneOf(random, "PHONE", "EMAIL", "SMS", "POST", "DO_NOT_CONTACT"));
        String language = random.nextInt(10) < 3 ? null : stringOf(random, LOWER + "-", 0, 35);
        fields.put("preferredLanguage", language == null || language.isBlank() ? null : language);
        fields.put("interpreterNeeded", random.nextBoolean());
        return fields;
    }

    /** The submission's resident, to change in place. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resident(Map<String, Object> submission) {
        return (Map<String, Object>) submission.get("resident");
    }

    /** Words of 1 to 60 characters, not blank. */
    private static String words(Random random) {
        String words;
        do {
            words = stringOf(random, LOWER + " '-é", 1, 60);
        } while (words.isBlank());
        return words;
    }

    /** UK postcodes in the shapes the form takes: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, any case and spacing. */
    private static String postcode(Random random) {
        String outward = stringOf(random, UPPER, 1, 2) + between(random, 0, 9) + stringOf(random, DIGITS + UPPER, 0, 1);
        String inward = between(random, 0, 9) + stringOf(random, UPPER, 2, 2);
        String postcode = outward + oneOf(random, " ", "") + inward;
        return random.nextBoolean() ? postcode.toLowerCase(Locale.ROOT) : postcode;
    }
}
