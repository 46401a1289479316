package org.bridgeway.referral.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bridgeway.referral.Cases.anyString;
import static org.bridgeway.referral.Cases.between;
import static org.bridgeway.referral.Cases.example;
import static org.bridgeway.referral.Cases.generated;
import static org.bridgeway.referral.Cases.oneOf;
import static org.bridgeway.referral.Cases.stringOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.bridgeway.referral.Cases;
import org.bridgeway.referral.JsonConfig;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Placing a resident by postcode, on generated text and postcodes: any text is placed or not,
 * never an error; a postcode of a district the reference data knows is placed in that district
 * however it is written; and a listing covering the top of the tree covers every such place.
 */
@ExtendWith(Cases.NamedFailures.class)
class ResidentAreasPropertiesTest {

    private static final JsonMapper JSON = JsonConfig.strictMapperBuilder().build();
    private static final ResidentAreas AREAS = new ResidentAreas(JSON);
    private static final List<District> DISTRICTS = districts();
    private static final long SEED = 0x5EED_A4EA5L;

    record District(String code, String main) {
    }

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("texts")
    void anyTextIsPlacedOrNot(String text) {
        Optional<ResidentAreas.Place> place = AREAS.placeOf(text);

        place.ifPresent(found -> assertThat(AREAS.known(found.main())).isTrue());
    }

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("postcodes")
    void aPostcodeIsPlacedInItsDistrictHoweverItIsWritten(String postcode, Writing writing) {
        District district = DISTRICTS.stream().filter(d -> postcode.startsWith(d.code() + " ")).findFirst().orElseThrow();

        Optional<ResidentAreas.Place> place = AREAS.placeOf(writing.apply(postcode));

        assertThat(place).get().extracting(ResidentAreas.Place::main).isEqualTo(district.main());
        assertThat(AREAS.covers(List.of(district.main()), place.get())).isTrue();
        assertThat(AREAS.covers(List.of("kent-and-medway"), place.get())).as("the top of the tree covers every place").isTrue();
    }

    /** How people write a postcode: any case, with or without the space, with spaces around. */
    enum Writing {
        AS_GIVEN, LOWER_CASE, NO_SPACE, SPACES_AROUND;

        String apply(String postcode) {
            return switch (this) {
                case AS_GIVEN -> postcode;
                case LOWER_CASE -> postcode.toLowerCase(Locale.ROOT);
                case NO_SPACE -> postcode.replace(" ", "");
                case SPACES_AROUND -> "  " + postcode + "\t";
            };
        }
    }

    /** Any text of up to 255 characters, and text near a postcode. */
    static Stream<Arguments> texts() {
        String district = DISTRICTS.getFirst().code();
        return Stream.concat(Stream.of(
                        example("empty", ""),
                        example("blank", " \t\n\u00A0\u2028"),
                        example("a district alone", district),
                        example("a postcode without its last letter", district + " 1A"),
                        example("a postcode of full-width characters", "\uFF2D\uFF25\uFF17 \uFF11\uFF21\uFF21"),
                        example("a postcode and 100 000 spaces", district + " 1AA" + " ".repeat(100_000)),
                        example("100 000 characters", "ME7 1AA,".repeat(12_500))),
                generated(SEED, 200, random -> Arguments.of(anyString(random, 255))));
    }

    /**
     * Full postcodes of the districts in the reference data (the district, a space, a digit and two
     * letters), each written one of the ways people write them; the first and last districts each way.
     */
    static Stream<Arguments> postcodes() {
        Stream<Arguments> examples = Stream.of(Writing.values()).flatMap(writing -> Stream.of(
                example("the first district", DISTRICTS.getFirst().code() + " 0AA", writing),
                example("the last district", DISTRICTS.getLast().code() + " 9ZZ", writing)));
        return Stream.concat(examples, generated(SEED, 200, random -> Arguments.of(postcode(random), oneOf(random, Writing.values()))));
    }

    private static String postcode(Random random) {
        return oneOf(random, DISTRICTS).code() + " " + between(random, 0, 9) + stringOf(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2, 2);
    }

    private static List<District> districts() {
        try (InputStream in = ResidentAreas.class.getResourceAsStream("/reference/areas.json")) {
            JsonNode file = JSON.readTree(in);
            return file.get("postcodeDistricts").valueStream()
                    .map(d -> new District(d.get("district").asString(), d.get("areas").get(0).asString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
