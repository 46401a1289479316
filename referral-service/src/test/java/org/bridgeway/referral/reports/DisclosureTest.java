package org.bridgeway.referral.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a published table may show. */
class DisclosureTest {

    @Test
    void smallCountsAreHiddenAndTheOnlyHiddenPartTakesTheNextSmallestWithIt() {
        List<Object> shown = Disclosure.parts(new long[] {41, 3, 9, 0}).stream().map(Disclosure.Count::shown).toList();
        assertThat(shown).containsExactly(41L, "<5", "*", 0L);
    }

    @Test
    void twoHiddenPartsNeedNoMore() {
        List<Object> shown = Disclosure.parts(new long[] {41, 3, 2, 9}).stream().map(Disclosure.Count::shown).toList();
        assertThat(shown).containsExactly(41L, "<5", "<5", 9L);
    }

    @Test
    void aHiddenCountHasNoPercentage() {
        Disclosure.Count total = Disclosure.count(53);
        assertThat(Disclosure.percentage(Disclosure.count(41), total)).isEqualTo(77.4);
        assertThat(Disclosure.percentage(Disclosure.count(3), total)).isNull();
        assertThat(Disclosure.percentage(Disclosure.count(41), Disclosure.count(4))).isNull();
    }
}
