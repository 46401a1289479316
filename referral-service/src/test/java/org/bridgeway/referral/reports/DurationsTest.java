package org.bridgeway.referral.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Medians and 90th percentiles of response times, to the hour for two weeks and to the day after. */
class DurationsTest {

    @Test
    void percentilesAreTheUpperEdgeOfTheirHourOrDay() {
        Durations durations = new Durations();
        for (int minutes : new int[] {30, 90, 100, 150, 20 * 24 * 60 + 5}) {
            durations.add(Durations.bucketOf(minutes));
        }
        assertThat(durations.hours(50)).isEqualTo(2);
        assertThat(durations.hours(90)).as("20 days and 5 minutes: within the 21st day").isEqualTo(21 * 24);
    }

    @Test
    void fewerThanFiveSayNothingAndGroupsAddUp() {
        Durations one = new Durations();
        one.add(Durations.bucketOf(60));
        assertThat(one.hours(50)).isNull();
        Durations other = new Durations();
        for (int i = 0; i < 4; i++) {
            other.add(Durations.bucketOf(3 * 60));
        }
        one.plus(other);
        assertThat(one.hours(50)).isEqualTo(4);
        assertThat(new Durations().hours(50)).isNull();
    }

    @Test
    void compactDurationsAddUpAsTheFullOnesDo() {
        Random random = new Random(3);
        Durations sum = new Durations();
        Durations compactSum = new Durations();
        for (int part = 0; part < 20; part++) {
            Durations few = new Durations();
            Durations same = new Durations();
            int referrals = 1 + random.nextInt(40);
            for (int i = 0; i < referrals; i++) {
                int bucket = Durations.bucketOf(random.nextInt(60 * 24 * 100));
                few.add(bucket);
                same.add(bucket);
            }
            same.compact();
            assertThat(same.bytes()).isLessThan(few.bytes());
            sum.plus(few);
            compactSum.plus(same);
        }
        for (int percent : new int[] {10, 50, 90, 100}) {
            assertThat(compactSum.hours(percent)).isEqualTo(sum.hours(percent));
        }
    }
}
