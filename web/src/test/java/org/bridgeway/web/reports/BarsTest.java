package org.bridgeway.web.reports;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BarsTest {

    @Test
    void eachNeedIsABarAsLongAsItsShareAndAHiddenCountDrawsNone() {
        Map<String, Object> report = Map.of("rows", List.of(
                Map.of("label", "Fuel Advice & Support", "count", 41, "percentage", 41.0),
                Map.of("label", "Food Advice & Support", "count", "<5", "percentage", "")));

        Bars bars = Bars.of(report);

        assertThat(bars.bars()).extracting(Bars.Bar::width).containsExactly(0.41 * Bars.FULL, 0.0);
        assertThat(bars.bars()).extracting(Bars.Bar::value).containsExactly("41 (41.0%)", "<5");
        assertThat(bars.bars()).extracting(Bars.Bar::y).containsExactly(0, Bars.ROW);
        assertThat(bars.height()).isEqualTo(2 * Bars.ROW);
    }
}
