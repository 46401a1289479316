package org.bridgeway.identity.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bridgeway.identity.people.Cases.anyString;
import static org.bridgeway.identity.people.Cases.between;
import static org.bridgeway.identity.people.Cases.example;
import static org.bridgeway.identity.people.Cases.generated;
import static org.bridgeway.identity.people.Cases.listOf;
import static org.bridgeway.identity.people.Cases.oneOf;
import static org.bridgeway.identity.people.Cases.stringOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.bridgeway.identity.JsonConfig;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading and checking the body of POST /api/people, on generated bodies: any body is refused by
 * the JSON reader or checked field by field (both the API's 400), never an error of another kind;
 * a valid person passes and reads back as written; and the password's bounds hold exactly.
 */
@ExtendWith(Cases.NamedFailures.class)
class NewPersonPropertiesTest {

    private static final JsonMapper JSON = JsonConfig.strictMapperBuilder().build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final long SEED = 0x5EED_BE0B1EL;
    private static final List<String> FIELDS = List.of("username", "name", "email", "role", "organisationId",
            "professionalRole", "password", "enabled");

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("bodies")
    void anyBodyIsRefusedOrCheckedFieldByField(String body) {
        NewPerson person;
        try {
            person = JSON.readValue(body, NewPerson.class);
        } catch (JacksonException notReadable) {
            return;
        }
        if (person == null) {
            return; // a body of "null": Spring answers 400, the body is required
        }
        Set<ConstraintViolation<NewPerson>> violations = VALIDATOR.validate(person);

        if (violations.isEmpty()) {
            assertThat(person.toPerson().enabled()).isTrue();
        }
        assertThat(violations).allSatisfy(violation -> assertThat(violation.getPropertyPath().toString()).isIn(FIELDS));
    }

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("people")
    void aValidPersonPassesAndReadsBackAsWritten(Map<String, Object> written) {
        NewPerson person = JSON.readValue(JSON.writeValueAsString(written), NewPerson.class);

        assertThat(VALIDATOR.validate(person)).isEmpty();
        assertThat(JSON.readValue(JSON.writeValueAsString(person), NewPerson.class)).isEqualTo(person);
        Person added = person.toPerson();
        assertThat(added.username()).isEqualTo(written.get("username"));
        assertThat(added.name()).isEqualTo(((String) written.get("name")).strip());
        assertThat(added.role().name()).isEqualTo(written.get("role"));
    }

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("passwords")
    void aPasswordIsTakenExactlyWhenItIs12To128Characters(String password) {
        NewPerson person = new NewPerson("priya.patel", "Priya Patel", "priya@example.org", Person.Role.MANAGER, null, null, password);

        boolean refused = VALIDATOR.validate(person).stream().anyMatch(v -> v.getPropertyPath().toString().equals("password"));

        assertThat(refused).isEqualTo(password.isBlank() || password.length() < 12 || password.length() > 128);
    }

    /** Valid people with a field replaced by anything; some bodies cut short, some any text. */
    static Stream<Arguments> bodies() {
        return Stream.concat(Stream.of("", "null", "[]", "{}", "\"text\"", "1").map(body -> example("not a person", body)),
                generated(SEED, 500, random -> Arguments.of(body(random))));
    }

    private static String body(Random random) {
        int kind = random.nextInt(10); // in 10: 8 valid with a field replaced, 1 of those cut short, 1 any text
        if (kind == 9) {
            return anyString(random, 200);
        }
        Map<String, Object> body = person(random);
        body.put(oneOf(random, FIELDS), anything(random));
        String text = JSON.writeValueAsString(body);
        return kind == 8 ? text.substring(0, Math.min(between(random, 0, 200), text.length())) : text;
    }

    private static Object anything(Random random) {
        return random.nextInt(10) == 0 ? null : switch (random.nextInt(6)) {
            case 0 -> anyString(random, 80);
            case 1 -> stringOf(random, LOWER, 120, 300);
            case 2 -> oneOf(random, "ADMIN", "admin", "SUPERUSER", "", " ", "a@b", "x".repeat(65), "6f1c0a52-8a4e");
            case 3 -> random.nextInt();
            case 4 -> random.nextBoolean();
            default -> listOf(random, 0, 2, () -> anyString(random, 5));
        };
    }

    /** Valid people, among them one of the shortest fields and one of the longest. */
    static Stream<Arguments> people() {
        Map<String, Object> shortest = person("a..", "a", "MANAGER", "a".repeat(12));
        Map<String, Object> longest = person("z9" + "._-".repeat(20) + "z0", "é' -".repeat(25), "REFERRER", "ÿ".repeat(128));
        return Stream.concat(Stream.of(example("the shortest fields", shortest), example("the longest fields", longest)),
                generated(SEED, 200, random -> Arguments.of(person(random))));
    }

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";

    private static Map<String, Object> person(Random random) {
        String username = stringOf(random, LOWER + DIGITS, 1, 1) + stringOf(random, LOWER + DIGITS + "._-", 2, 63);
        String name;
        do {
            name = stringOf(random, LOWER + " 'é-", 1, 100);
        } while (name.isBlank());
        String password;
        do {
            password = anyString(random, 12, 128);
        } while (password.isBlank());
        return person(username, name, oneOf(random, "REFERRER", "PROVIDER", "MANAGER", "ADMIN"), password);
    }

    /** A person of these; a referrer or provider with an organisation and a professional role, a manager or administrator without. */
    private static Map<String, Object> person(String username, String name, String role, String password) {
        boolean ofAnOrganisation = role.equals("REFERRER") || role.equals("PROVIDER");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("name", name);
        body.put("email", username.replaceAll("[^a-z0-9]", "") + "x@example.org");
        body.put("role", role);
        body.put("organisationId", ofAnOrganisation ? "6f1c0a52-8a4e-4d1b-9a57-3c2f1e0b7a01" : null);
        body.put("professionalRole", ofAnOrganisation ? "social-prescriber" : null);
        body.put("password", password);
        return body;
    }

    /** Passwords around both bounds, blank ones among them. */
    static Stream<Arguments> passwords() {
        return Stream.concat(Stream.of(
                        example("empty", ""),
                        example("11 characters", "a".repeat(11)),
                        example("12 characters", "a".repeat(12)),
                        example("128 characters", "a".repeat(128)),
                        example("129 characters", "a".repeat(129)),
                        example("12 spaces", " ".repeat(12)),
                        example("12 ideographic spaces", "\u3000".repeat(12)),
                        example("12 non-breaking spaces, not blank", "\u00A0".repeat(12)),
                        example("6 emoji, 12 UTF-16 units", "\uD83D\uDE00".repeat(6))),
                generated(SEED, 200, random -> Arguments.of(switch (random.nextInt(4)) {
                    case 0 -> anyString(random, 140);
                    case 1 -> stringOf(random, WHITESPACE, 12, 20);
                    case 2 -> stringOf(random, LETTERS, 10, 14);
                    default -> stringOf(random, LETTERS, 126, 130);
                })));
    }

    private static final String LETTERS = LOWER + LOWER.toUpperCase(Locale.ROOT);
    /** Every character Java takes for whitespace. */
    private static final String WHITESPACE = IntStream.rangeClosed(0, Character.MAX_VALUE).filter(Character::isWhitespace)
            .mapToObj(Character::toString).collect(Collectors.joining());
}
