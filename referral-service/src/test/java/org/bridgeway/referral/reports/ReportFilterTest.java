package org.bridgeway.referral.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.bridgeway.referral.area.ResidentAreas;
import org.junit.jupiter.api.Test;

/**
 * The rows a report reads: whatever order the events came in (a replay of several partitions,
 * generated history, live referrals), and whichever narrowing is used, exactly the referrals the
 * filter names, and later events still find their referral's row after rows were reordered.
 */
class ReportFilterTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<String> ORGANISATIONS = List.of("org-a", "org-b", "org-c", "org-d", "org-e");
    private static final List<String> CATEGORIES = List.of("fuel", "debt", "housing");
    /** A small area tree: each area's parent. */
    private static final Map<String, String> PARENTS = Map.of("gillingham", "medway", "chatham", "medway", "medway", "kent",
            "thanet", "kent");
    private static final List<String> PLACES = List.of("gillingham", "chatham", "thanet");
    private static final List<String> FILTER_AREAS = List.of("gillingham", "thanet", "medway", "kent");

    private final Random random = new Random(7);
    private final ReferralFacts facts = new ReferralFacts();
    private final List<ReferralFacts.Event> submissions = new ArrayList<>();
    private final ResidentAreas areas = AreaTree.of(PARENTS);

    @Test
    void everyFilterReadsExactlyItsReferralsWhateverOrderTheyCameIn() {
        submit(60_000); // in random order, a poll's worth at a time: sorted in as the unsorted rows grow
        submit(3_000); // a few more, left unsorted
        assertThat(facts.sorted).as("some rows sorted, some not").isBetween(1, facts.size - 1);

        readsAsAPlainScanWould(300);
    }

    @Test
    void referralsArrivingInOrderAreSortedAsTheyCome() {
        List<ReferralFacts.Event> inOrder = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            inOrder.add(submission(START.plus(Duration.ofMinutes(7L * i + random.nextInt(7)))));
        }
        submissions.addAll(inOrder);
        for (int at = 0; at < inOrder.size(); at += 5_000) {
            facts.applyAll(inOrder.subList(at, at + 5_000));
        }
        assertThat(facts.sorted).as("nothing left to sort").isEqualTo(facts.size);
        readsAsAPlainScanWould(100);
    }

    @Test
    void aPauseSortsInWhatIsLeft() {
        submit(80_000); // sorted in four times, as the unsorted rows outgrow a quarter of the sorted
        submit(17_000); // more than are read unsorted for long, fewer than a quarter
        assertThat(facts.size - facts.sorted).isEqualTo(17_000);

        facts.applyAll(List.of());

        assertThat(facts.sorted).isEqualTo(facts.size);
        readsAsAPlainScanWould(100);
    }

    private void readsAsAPlainScanWould(int filters) {
        for (int i = 0; i < filters; i++) {
            LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
            ReportFilter filter = new ReportFilter(from, from.plusDays(random.nextInt(400)), maybe(FILTER_AREAS), maybe(CATEGORIES),
                    maybe(ORGANISATIONS), random.nextInt(4) == 0 ? "svc-" + random.nextInt(12) : null, maybe(ORGANISATIONS),
                    random.nextBoolean() ? null : random.nextBoolean() ? "URGENT" : "ROUTINE");
            assertThat(read(filter)).as(filter.toString()).isEqualTo(expected(filter));
        }
    }

    @Test
    void aValueNeverSeenMatchesNothing() {
        submit(1_000);
        ReportFilter filter = new ReportFilter(LocalDate.of(2023, 1, 1), LocalDate.of(2027, 1, 1), null, null, "org-unknown", null, null, null);
        assertThat(read(filter)).isEmpty();
    }

    @Test
    void anEventAfterTheRowsWereReorderedFindsItsReferral() {
        submit(40_000);
        assertThat(facts.sorted).as("sorted in").isEqualTo(facts.size);

        ReferralFacts.Event some = submissions.get(12_345);
        facts.applyAll(List.of(new ReferralFacts.Event("declined", some.referralId(), 2, null, null, null, null, null, null,
                "NO_CAPACITY", null, some.occurredAt().plus(Duration.ofHours(3)))));

        int declined = 0;
        for (int row = 0; row < facts.size; row++) {
            if ((facts.stages[row] & ReferralFacts.DECLINED) != 0) {
                declined++;
                assertThat(facts.submittedAt[row]).isEqualTo(some.occurredAt().toEpochMilli());
                assertThat(facts.firstResponse[row]).isEqualTo(Durations.bucketOf(180));
            }
        }
        assertThat(declined).isEqualTo(1);
    }

    /** Submits referrals at distinct random times, in random order, a poll's worth at a time. */
    private void submit(int count) {
        List<ReferralFacts.Event> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ReferralFacts.Event e = submission(START.plusMillis((long) random.nextInt(Integer.MAX_VALUE) * 29 + submissions.size() % 29));
            submissions.add(e);
            batch.add(e);
            if (batch.size() == 5_000) {
                facts.applyAll(batch);
                batch = new ArrayList<>();
            }
        }
        facts.applyAll(batch);
    }

    private ReferralFacts.Event submission(Instant at) {
        return new ReferralFacts.Event("submitted", UUID.randomUUID().toString(), 1, CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                PLACES.get(random.nextInt(PLACES.size())), ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size())),
                "svc-" + random.nextInt(12), ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size())),
                random.nextInt(5) == 0 ? "URGENT" : "ROUTINE", null, null, at);
    }

    private String maybe(List<String> values) {
        return random.nextInt(3) == 0 ? values.get(random.nextInt(values.size())) : null;
    }

    /** The submission times of the rows the filter gives, in order. */
    private List<Long> read(ReportFilter filter) {
        List<Long> times = new ArrayList<>();
        facts.read(f -> {
            for (int row : filter.bind(f, areas).rows(f)) {
                times.add(f.submittedAt[row]);
            }
            return null;
        });
        Collections.sort(times);
        return times;
    }

    private List<Long> expected(ReportFilter filter) {
        long from = filter.from().atStartOfDay(ReportFilter.LONDON).toInstant().toEpochMilli();
        long to = filter.to().plusDays(1).atStartOfDay(ReportFilter.LONDON).toInstant().toEpochMilli();
        List<String> inArea = filter.area() == null ? PLACES : PLACES.stream().filter(place -> areas.within(place, filter.area())).toList();
        return submissions.stream()
                .filter(e -> e.occurredAt().toEpochMilli() >= from && e.occurredAt().toEpochMilli() < to)
                .filter(e -> inArea.contains(e.area()))
                .filter(e -> filter.category() == null || filter.category().equals(e.category()))
                .filter(e -> filter.organisation() == null || filter.organisation().equals(e.organisationId()))
                .filter(e -> filter.service() == null || filter.service().equals(e.serviceId()))
                .filter(e -> filter.referringOrganisation() == null || filter.referringOrganisation().equals(e.referrerOrganisationId()))
                .filter(e -> filter.urgency() == null || filter.urgency().equals(e.urgency()))
                .map(e -> e.occurredAt().toEpochMilli()).sorted().toList();
    }
}
