package org.bridgeway.referral.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Against the real reference/areas.json, as the service loads it. */
class ResidentAreasTest {

    private final ResidentAreas areas = new ResidentAreas(JsonMapper.builder().build());

    @Test
    void aPostcodeIsPlacedByItsDistrictHoweverItIsWritten() {
        assertThat(areas.placeOf("ME7 1AA")).get().extracting(ResidentAreas.Place::main).isEqualTo("gillingham");
        assertThat(areas.placeOf("me71aa")).get().extracting(ResidentAreas.Place::main).isEqualTo("gillingham");
        assertThat(areas.placeOf(" ME7 ")).get().extracting(ResidentAreas.Place::main).isEqualTo("gillingham");
        assertThat(areas.placeOf("ct11 9aa")).get().extracting(ResidentAreas.Place::main).isEqualTo("thanet");
        assertThat(areas.placeOf("SW1A 1AA")).isEmpty();
    }

    @Test
    void aListingCoversTheAreaMostOfTheDistrictLiesInOrAnyAreaAboveIt() {
        ResidentAreas.Place gillingham = areas.placeOf("ME7 1AA").orElseThrow();

        assertThat(areas.covers(List.of("gillingham"), gillingham)).isTrue();
        assertThat(areas.covers(List.of("medway"), gillingham)).isTrue();
        assertThat(areas.covers(List.of("kent-and-medway"), gillingham)).isTrue();
        assertThat(areas.covers(List.of("swale", "kent"), gillingham)).isFalse();
        assertThat(areas.covers(List.of("gillingham-north"), gillingham)).as("one ward of the town only").isFalse();
        assertThat(areas.covers(List.of("maidstone"), gillingham)).as("another district the postcode district touches").isFalse();
    }
}
