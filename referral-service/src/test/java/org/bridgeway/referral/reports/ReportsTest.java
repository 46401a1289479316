package org.bridgeway.referral.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bridgeway.referral.area.ResidentAreas;
import org.bridgeway.referral.directory.DirectoryReplica;
import org.bridgeway.referral.directory.ListingReplica;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The funnel's groups and counts, straight from the facts: months in London time, stages, a group not recorded. */
class ReportsTest {

    /** 23:30 in London (summer time since 29 March): still March. */
    private static final Instant LATE_MARCH = Instant.parse("2026-03-31T22:30:00Z");
    /** 00:30 in London: April. */
    private static final Instant EARLY_APRIL = Instant.parse("2026-03-31T23:30:00Z");
    private static final ReportFilter MARCH_AND_APRIL =
            new ReportFilter(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), null, null, null, null, null, null);

    private final ReportProjection projection = new ReportProjection(null, JsonMapper.builder().build(), new SimpleMeterRegistry());
    private final Provision provision = mock(Provision.class);
    private final Reports reports;

    ReportsTest() {
        when(provision.listings()).thenReturn(new Provision.Listings(List.of(), Set.of(), Map.of(), Map.of(), Instant.now()));
        reports = new Reports(projection, new NeedCategories(JsonMapper.builder().build()), mock(ResidentAreas.class), provision);
    }

    @Test
    void aFunnelByMonthPutsEachReferralInItsLondonMonth() {
        List<ReferralFacts.Event> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = UUID.randomUUID().toString();
            events.add(event("submitted", id, 1, "fuel", LATE_MARCH));
            if (i < 5) {
                events.add(event("accepted", id, 2, "fuel", LATE_MARCH.plusSeconds(3_600)));
            }
        }
        for (int i = 0; i < 6; i++) {
            events.add(event("submitted", UUID.randomUUID().toString(), 1, "fuel", EARLY_APRIL));
        }
        for (int i = 0; i < 5; i++) {
            events.add(event("submitted", UUID.randomUUID().toString(), 1, null, EARLY_APRIL.plusSeconds(86_400 * 9)));
        }
        projection.facts().applyAll(events);

        Reports.Funnel byMonth = reports.funnel(MARCH_AND_APRIL, Reports.GroupBy.MONTH);
        assertThat(byMonth.rows()).extracting(Reports.FunnelRow::group).containsExactly("2026-03", "2026-04");
        assertThat(byMonth.rows().get(0).submitted().value()).isEqualTo(7);
        assertThat(byMonth.rows().get(0).accepted().value()).isEqualTo(5);
        assertThat(byMonth.rows().get(1).submitted().value()).isEqualTo(11);
        assertThat(byMonth.total().submitted().value()).isEqualTo(18);

        Reports.Funnel byCategory = reports.funnel(MARCH_AND_APRIL, Reports.GroupBy.CATEGORY);
        assertThat(byCategory.rows()).extracting(Reports.FunnelRow::group).containsExactly("fuel", "unknown");
        assertThat(byCategory.rows().get(0).submitted().value()).isEqualTo(13);
        assertThat(byCategory.rows().get(1).submitted().value()).as("the category was not recorded").isEqualTo(5);

        ReportFilter april = new ReportFilter(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), null, null, null, null, null, null);
        assertThat(reports.funnel(april, Reports.GroupBy.MONTH).rows()).extracting(Reports.FunnelRow::group).containsExactly("2026-04");
    }

    @Test
    void aReportOverMonthsCountsEveryChangeSinceItWasLastAskedFor() {
        // A referral every 18 hours through 2025, two in three accepted.
        List<ReferralFacts.Event> events = new ArrayList<>();
        List<Instant> submitted = new ArrayList<>();
        String unanswered = null;
        for (int i = 0; i < 490; i++) {
            String id = UUID.randomUUID().toString();
            Instant at = Instant.parse("2025-01-01T06:00:00Z").plusSeconds(18 * 3_600L * i);
            submitted.add(at);
            events.add(event("submitted", id, 1, "fuel", at));
            if (i % 3 > 0) {
                events.add(event("accepted", id, 2, "fuel", at.plusSeconds(7_200)));
            } else if (at.toString().startsWith("2025-06")) {
                unanswered = id;
            }
        }
        projection.facts().applyAll(events);
        // Parts of January and December, and every month between whole.
        ReportFilter period = new ReportFilter(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 12, 20), null, null, null, null, null, null);
        long inPeriod = submitted.stream().filter(at -> within(period, at)).count();

        Reports.Funnel first = reports.funnel(period, Reports.GroupBy.MONTH);
        assertThat(first.total().submitted().value()).isEqualTo(inPeriod);
        assertThat(first.rows()).hasSize(12);
        for (Reports.FunnelRow month : first.rows()) {
            assertThat(month.submitted().value()).as(month.group())
                    .isEqualTo(submitted.stream().filter(at -> within(period, at) && at.toString().startsWith(month.group())).count());
        }
        long accepted = first.total().accepted().value();

        // A June referral accepted, and two that arrive late, submitted in June and in the part of December: all counted at once.
        projection.facts().applyAll(List.of(event("accepted", unanswered, 2, "fuel", Instant.parse("2025-06-30T12:00:00Z")),
                event("submitted", UUID.randomUUID().toString(), 1, "debt", Instant.parse("2025-06-15T12:00:00Z")),
                event("submitted", UUID.randomUUID().toString(), 1, "debt", Instant.parse("2025-12-15T12:00:00Z"))));

        Reports.Funnel second = reports.funnel(period, Reports.GroupBy.MONTH);
        assertThat(second.total().accepted().value()).isEqualTo(accepted + 1);
        assertThat(second.total().submitted().value()).isEqualTo(inPeriod + 2);
        assertThat(reports.funnel(period, Reports.GroupBy.CATEGORY).rows()).extracting(Reports.FunnelRow::group)
                .containsExactly("debt", "fuel");
        assertThat(reports.outcomeCategories(period).total().value()).isEqualTo(inPeriod + 2);
        assertThat(reports.trend(period).months()).filteredOn(month -> month.month().equals("2025-06")).singleElement()
                .satisfies(june -> assertThat(june.rows()).extracting(Reports.CategoryRow::category).contains("debt"));
    }

    @Test
    void keptPartialsGiveWhatAFreshReadOfTheFactsGives() {
        Random random = new Random(11);
        List<String> ids = new ArrayList<>();
        List<ReferralFacts.Event> events = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            ids.add(UUID.randomUUID().toString());
            events.add(randomEvent(random, "submitted", ids.getLast(), 1,
                    Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextLong(86_400L * 450))));
        }
        projection.facts().applyAll(events);
        List<ReportFilter> filters = new ArrayList<>();
        for (LocalDate[] period : new LocalDate[][] {{LocalDate.of(2025, 1, 10), LocalDate.of(2025, 12, 20)},
                {LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)}, {LocalDate.of(2025, 2, 15), LocalDate.of(2025, 2, 20)},
                {LocalDate.of(2025, 6, 1), LocalDate.of(2026, 2, 28)}}) {
            filters.add(new ReportFilter(period[0], period[1], null, null, null, null, null, null));
            filters.add(new ReportFilter(period[0], period[1], null, "fuel", "org-b", null, null, "URGENT"));
            filters.add(new ReportFilter(period[0], period[1], null, null, null, "svc-a", "org-c", null));
        }
        for (int round = 0; round < 3; round++) {
            Reports fresh = new Reports(projection, new NeedCategories(JsonMapper.builder().build()), mock(ResidentAreas.class), provision);
            for (ReportFilter filter : filters) {
                assertThat(reports.outcomeCategories(filter)).isEqualTo(fresh.outcomeCategories(filter));
                assertThat(reports.trend(filter)).isEqualTo(fresh.trend(filter));
                for (Reports.GroupBy groupBy : Reports.GroupBy.values()) {
                    assertThat(reports.funnel(filter, groupBy)).as(groupBy + " " + filter).isEqualTo(fresh.funnel(filter, groupBy));
                }
                assertThat(reports.responsiveness(filter, true)).isEqualTo(fresh.responsiveness(filter, true));
            }
            List<ReferralFacts.Event> changes = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String id = ids.get(random.nextInt(ids.size()));
                Instant later = Instant.parse("2026-04-01T00:00:00Z").plusSeconds(3_600L * (100 * round + i));
                changes.add(randomEvent(random, List.of("accepted", "declined", "completed", "overdue").get(random.nextInt(4)), id,
                        2 + round * 1_000 + i, later));
            }
            changes.add(randomEvent(random, "submitted", UUID.randomUUID().toString(), 1, Instant.parse("2025-03-15T12:00:00Z")));
            projection.facts().applyAll(changes);
        }
    }

    private static ReferralFacts.Event randomEvent(Random random, String change, String id, long sequence, Instant at) {
        return new ReferralFacts.Event(change, id, sequence, List.of("fuel", "debt", "housing").get(random.nextInt(3)), "gillingham",
                "org-" + "abc".charAt(random.nextInt(3)), "svc-" + "ab".charAt(random.nextInt(2)), "org-" + "abc".charAt(random.nextInt(3)),
                random.nextInt(4) == 0 ? "URGENT" : "ROUTINE", "NO_CAPACITY", "SUPPORT_PROVIDED", at);
    }

    @Test
    void gapsCountTheActiveListingsServingAllOfEachAreaAndFollowTheDirectory() {
        ResidentAreas tree = AreaTree.of(List.of(new ResidentAreas.AreaInfo("medway", "Medway", "UNITARY_AUTHORITY", null, null, null),
                new ResidentAreas.AreaInfo("gillingham", "Gillingham", "TOWN", "medway", null, null),
                new ResidentAreas.AreaInfo("gillingham-north", "Gillingham North", "LOCAL_AREA", "gillingham", 52.0, null)));
        List<ListingReplica> listings = new ArrayList<>(List.of(listing("org-a", "ACTIVE", List.of("fuel"), false, "gillingham"),
                listing("org-a", "ACTIVE", List.of("fuel", "debt"), false, "medway"),
                listing("org-b", "ACTIVE", List.of("fuel"), true),
                listing("org-c", "INACTIVE", List.of("fuel", "debt"), false, "medway")));
        DirectoryReplica replica = mock(DirectoryReplica.class);
        when(replica.all()).thenAnswer(call -> List.copyOf(listings));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T09:00:00Z"));
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(call -> now.get());
        Reports gapReports = new Reports(projection, new NeedCategories(JsonMapper.builder().build()), tree, new Provision(replica, tree, clock));

        Reports.Gaps gaps = gapReports.gaps(MARCH_AND_APRIL);
        assertThat(gap(gaps, "gillingham", "fuel")).extracting(Reports.GapRow::listings, Reports.GapRow::providers).containsExactly(3, 2);
        assertThat(gap(gaps, "gillingham", "debt")).extracting(Reports.GapRow::listings, Reports.GapRow::oneListingOrNone)
                .containsExactly(1, true);
        assertThat(gap(gaps, "medway", "fuel").listings()).as("one covers only Gillingham, not all of Medway").isEqualTo(2);
        assertThat(gaps.deprivedAreas()).singleElement().extracting(Reports.DeprivedArea::listings, Reports.DeprivedArea::fewListings)
                .containsExactly(3, false);

        listings.removeFirst(); // the directory changes, and the replica is read again a minute later
        assertThat(gap(gapReports.gaps(MARCH_AND_APRIL), "gillingham", "fuel").listings()).isEqualTo(3);
        now.set(now.get().plusSeconds(61));
        Reports.Gaps later = gapReports.gaps(MARCH_AND_APRIL);
        assertThat(gap(later, "gillingham", "fuel").listings()).isEqualTo(2);
        assertThat(later.deprivedAreas()).singleElement().extracting(Reports.DeprivedArea::fewListings).isEqualTo(true);
    }

    private static Reports.GapRow gap(Reports.Gaps gaps, String area, String category) {
        return gaps.rows().stream().filter(r -> r.area().equals(area) && r.category().equals(category)).findFirst().orElseThrow();
    }

    private static ListingReplica listing(String organisation, String status, List<String> categories, boolean wholeArea, String... areas) {
        return new ListingReplica(UUID.randomUUID().toString(), 1, organisation, "A listing", categories, status, "REFERRAL", List.of(),
                "ACCEPTING", new ListingReplica.Coverage(wholeArea, List.of(areas)));
    }

    private static boolean within(ReportFilter period, Instant at) {
        LocalDate day = at.atZone(ReportFilter.LONDON).toLocalDate();
        return !day.isBefore(period.from()) && !day.isAfter(period.to());
    }

    private static ReferralFacts.Event event(String change, String id, long sequence, String category, Instant at) {
        return new ReferralFacts.Event(change, id, sequence, category, "gillingham", "org-1", "svc-1", "org-2", "ROUTINE", null, null, at);
    }
}
