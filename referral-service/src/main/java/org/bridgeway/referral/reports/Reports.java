package org.bridgeway.referral.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.time.YearMonth;

import org.bridgeway.referral.area.ResidentAreas;
import org.bridgeway.referral.reports.Disclosure.Count;
import org.springframework.stereotype.Component;

/**
 * The manager reports, computed from {@link ReferralFacts} (and, for provision, the directory
 * replica) at the moment they are asked for. Every count goes through {@link Disclosure}; no
 * report carries anything about a resident but counts by area.
 */
@Component
class Reports {

    record CategoryRow(String category, String label, Count count, Double percentage) {
    }

    record OutcomeCategories(String report, Map<String, String> filters, Count total, List<CategoryRow> rows) {
    }

    record MonthRow(String month, Count total, List<CategoryRow> rows) {
    }

    record Trend(String report, Map<String, String> filters, List<MonthRow> months) {
    }

    record FunnelRow(String group, String label, Count submitted, Count accepted, Count declined, Map<String, Count> declinedByReason,
                     Count expired, Count cancelled, Count completed, Map<String, Count> completedByOutcome, Double acceptanceRate,
                     Integer firstResponseMedianHours, Integer firstResponseP90Hours, Integer completionMedianHours,
                     Integer completionP90Hours, Count overdueNow) {
    }

    record Funnel(String report, Map<String, String> filters, String groupBy, List<FunnelRow> rows, FunnelRow total) {
    }

    record ResponsivenessRow(String id, String name, Count referrals, Integer usuallyRepliesWithinDays, Double acceptedPercent) {
    }

    record Responsiveness(String report, Map<String, String> filters, String by, List<ResponsivenessRow> rows) {
    }

    record GapRow(String area, String areaName, String category, String label, int listings, int providers, Count demand,
                  boolean oneListingOrNone) {
    }

    record DeprivedArea(String area, String name, Double imdScore, String imdBand, int listings, boolean fewListings) {
    }

    record Gaps(String report, Map<String, String> filters, List<GapRow> rows, List<DeprivedArea> deprivedAreas) {
    }

    /** What a funnel can be grouped by, and how each row is read. */
    enum GroupBy {
        CATEGORY, ORGANISATION, AREA, SERVICE, REFERRING_ORGANISATION, URGENCY, MONTH;

        static GroupBy of(String name) {
            return switch (name) {
                case "category" -> CATEGORY;
                case "organisation" -> ORGANISATION;
                case "area" -> AREA;
                case "service" -> SERVICE;
                case "referringOrganisation" -> REFERRING_ORGANISATION;
                case "urgency" -> URGENCY;
                case "month" -> MONTH;
                default -> null;
            };
        }
    }

    private final ReportProjection projection;
    private final NeedCategories categories;
    private final ResidentAreas areas;
    private final Provision provision;
    private final MonthlyPartials partials = new MonthlyPartials();

    Reports(ReportProjection projection, NeedCategories categories, ResidentAreas areas, Provision provision) {
        this.projection = projection;
        this.categories = categories;
        this.areas = areas;
        this.provision = provision;
    }

    OutcomeCategories outcomeCategories(ReportFilter filter) {
        Map<String, Long> perCategory = projection.facts().read(f -> {
            long[] counts = new long[f.categories.size()];
            partials.forEachMonth(f, filter.bind(f, areas), new MonthlyPartials.Shape("categories", null, filter),
                    segment -> perCategory(f, segment), MonthlyPartials::bytes, (part, month) -> add(counts, part));
            Map<String, Long> byCode = new LinkedHashMap<>();
            for (int code = 0; code < counts.length; code++) {
                if (counts[code] > 0) {
                    byCode.put(f.categories.value(code), counts[code]);
                }
            }
            return byCode;
        });
        CategoryTable table = table(perCategory);
        return new OutcomeCategories("outcome-categories", filter.described(), table.total(), table.rows());
    }

    Trend trend(ReportFilter filter) {
        int firstMonth = ReferralFacts.monthOf(YearMonth.from(filter.from()));
        int months = ReferralFacts.monthOf(YearMonth.from(filter.to())) - firstMonth + 1;
        TreeMap<String, Map<String, Long>> perMonth = projection.facts().read(f -> {
            long[][] counts = new long[months][f.categories.size()];
            partials.forEachMonth(f, filter.bind(f, areas), new MonthlyPartials.Shape("categories", null, filter),
                    segment -> perCategory(f, segment), MonthlyPartials::bytes, (part, month) -> add(counts[month - firstMonth], part));
            TreeMap<String, Map<String, Long>> named = new TreeMap<>();
            for (int m = 0; m < months; m++) {
                Map<String, Long> byCategory = new LinkedHashMap<>();
                for (int c = 0; c < counts[m].length; c++) {
                    if (counts[m][c] > 0) {
                        byCategory.put(f.categories.value(c), counts[m][c]);
                    }
                }
                if (!byCategory.isEmpty()) {
                    named.put(ReferralFacts.monthName(firstMonth + m), byCategory);
                }
            }
            return named;
        });
        List<MonthRow> rows = new ArrayList<>();
        perMonth.forEach((month, counts) -> {
            CategoryTable table = table(counts);
            rows.add(new MonthRow(month, table.total(), table.rows()));
        });
        return new Trend("outcome-categories-trend", filter.described(), rows);
    }

    private record CategoryTable(Count total, List<CategoryRow> rows) {
    }

    /** The referrals of a segment of a period per need category (by code). */
    private static long[] perCategory(ReferralFacts f, ReportFilter.Bound segment) {
        long[] counts = new long[f.categories.size()];
        for (int row : segment.rows(f)) {
            if (f.category[row] >= 0) {
                counts[f.category[row]]++;
            }
        }
        return counts;
    }

    /** Adds counts by code to counts by code (a partial counted before a dictionary grew has fewer codes). */
    private static void add(long[] counts, long[] part) {
        for (int code = 0; code < part.length; code++) {
            counts[code] += part[code];
        }
    }

    /** Counts per category as published: largest first, small ones hidden with their percentage. */
    private CategoryTable table(Map<String, Long> perCategory) {
        List<String> codes = perCategory.keySet().stream()
                .sorted(Comparator.comparing((String code) -> -perCategory.get(code)).thenComparing(code -> code)).toList();
        List<Count> shown = Disclosure.parts(codes.stream().mapToLong(perCategory::get).toArray());
        Count total = Disclosure.count(perCategory.values().stream().mapToLong(Long::longValue).sum());
        List<CategoryRow> rows = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            rows.add(new CategoryRow(codes.get(i), categories.label(codes.get(i)), shown.get(i), Disclosure.percentage(shown.get(i), total)));
        }
        rows.sort(Comparator.comparing((CategoryRow row) -> row.count().hidden()));
        return new CategoryTable(total, rows);
    }

    /** The referrals the filter matches, counted per group (named; "unknown" where the group is not recorded). */
    private Map<String, Tally> tallies(ReportFilter filter, GroupBy groupBy) {
        int firstMonth = ReferralFacts.monthOf(YearMonth.from(filter.from()));
        int months = ReferralFacts.monthOf(YearMonth.from(filter.to())) - firstMonth + 1;
        Map<String, Tally> tallies = new TreeMap<>();
        projection.facts().read(f -> {
            Tally[] bySlot = new Tally[groups(f, groupBy, months) + 1];
            partials.forEachMonth(f, filter.bind(f, areas), new MonthlyPartials.Shape("funnel", groupBy, filter),
                    segment -> tally(f, segment, groupBy), Tally::bytes, (part, month) -> {
                        int shift = groupBy == GroupBy.MONTH ? month - firstMonth : 0; // a part's month is its group 0
                        for (int slot = 0; slot < part.length; slot++) {
                            if (part[slot] != null) {
                                int into = slot == 0 ? 0 : slot + shift;
                                bySlot[into] = (bySlot[into] == null ? new Tally(f) : bySlot[into]).plus(part[slot]);
                            }
                        }
                    });
            for (int slot = 0; slot < bySlot.length; slot++) {
                if (bySlot[slot] != null) {
                    String group = slot == 0 ? null : nameOf(f, groupBy, slot - 1, firstMonth);
                    tallies.merge(group == null ? "unknown" : group, bySlot[slot].named(f), Tally::plus);
                }
            }
            return null;
        });
        return tallies;
    }

    /**
     * The referrals of a segment of a period (within one month) counted per group: slot 0 for
     * those without a group, slot k + 1 for group k; grouped by month, the segment's month is group 0.
     */
    private static Tally[] tally(ReferralFacts f, ReportFilter.Bound segment, GroupBy groupBy) {
        int[] codes = codesOf(f, groupBy);
        boolean byUrgency = groupBy == GroupBy.URGENCY;
        Tally[] bySlot = new Tally[groups(f, groupBy, 1) + 1];
        for (int row : segment.rows(f)) {
            int k = codes != null ? codes[row] : byUrgency && f.urgent[row] ? 1 : 0;
            int slot = k < 0 ? 0 : k + 1;
            if (bySlot[slot] == null) {
                bySlot[slot] = new Tally(f);
            }
            bySlot[slot].add(f, row);
        }
        for (Tally t : bySlot) {
            if (t != null) {
                t.firstResponse.compact();
                t.completion.compact();
            }
        }
        return bySlot;
    }

    Funnel funnel(ReportFilter filter, GroupBy groupBy) {
        Map<String, Tally> tallies = tallies(filter, groupBy);
        Tally all = new Tally();
        Map<String, String> labels = new LinkedHashMap<>();
        tallies.values().forEach(all::plus);
        tallies.keySet().forEach(group -> labels.put(group, label(groupBy, group)));
        List<String> groups = new ArrayList<>(tallies.keySet());
        List<Tally> rows = groups.stream().map(tallies::get).toList();
        // Each measure protected across the groups, so a group's hidden count cannot be worked back from the others.
        Map<Measure, List<Count>> columns = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            columns.put(measure, Disclosure.parts(rows.stream().mapToLong(t -> t.get(measure)).toArray()));
        }
        List<FunnelRow> funnelRows = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            int at = i;
            funnelRows.add(rows.get(i).row(groups.get(i), labels.get(groups.get(i)), measure -> columns.get(measure).get(at)));
        }
        return new Funnel("funnel", filter.described(), groupName(groupBy), funnelRows,
                all.row("total", "All referrals", measure -> Disclosure.count(all.get(measure))));
    }

    Responsiveness responsiveness(ReportFilter filter, boolean byService) {
        Map<String, Tally> tallies = tallies(filter, byService ? GroupBy.SERVICE : GroupBy.ORGANISATION);
        tallies.remove("unknown");
        Map<String, String> names = provision.listings().names();
        List<ResponsivenessRow> rows = new ArrayList<>();
        tallies.forEach((id, t) -> {
            Integer medianHours = t.firstResponse.hours(50);
            rows.add(new ResponsivenessRow(id, byService ? names.get(id) : null, Disclosure.count(t.get(Measure.SUBMITTED)),
                    medianHours == null ? null : Math.max(1, (medianHours + 23) / 24), t.acceptedPercent()));
        });
        return new Responsiveness("responsiveness", filter.described(), byService ? "service" : "organisation", rows);
    }

    Gaps gaps(ReportFilter filter) {
        Map<String, Provision.Supply> supply = provision.listings().supply();
        List<ResidentAreas.AreaInfo> places = areas.areas().stream()
                .filter(a -> Set.of("UNITARY_AUTHORITY", "DISTRICT", "TOWN").contains(a.type()))
                .filter(a -> filter.area() == null || areas.within(a.code(), filter.area()))
                .toList();
        List<String> wanted = filter.category() == null ? categories.codes() : List.of(filter.category());
        Map<String, Map<String, Long>> demand = projection.facts().read(f -> {
            long[][] counts = new long[f.areas.size()][f.categories.size()];
            partials.forEachMonth(f, filter.bind(f, areas), new MonthlyPartials.Shape("demand", null, filter), segment -> demand(f, segment),
                    part -> Arrays.stream(part).mapToInt(MonthlyPartials::bytes).sum(), (part, month) -> {
                        for (int area = 0; area < part.length; area++) {
                            add(counts[area], part[area]);
                        }
                    });
            Map<String, Map<String, Long>> byArea = new LinkedHashMap<>();
            for (int a = 0; a < counts.length; a++) {
                for (int c = 0; c < counts[a].length; c++) {
                    if (counts[a][c] > 0) {
                        byArea.computeIfAbsent(f.areas.value(a), x -> new LinkedHashMap<>()).put(f.categories.value(c), counts[a][c]);
                    }
                }
            }
            return byArea;
        });
        List<GapRow> rows = new ArrayList<>();
        for (ResidentAreas.AreaInfo place : places) {
            List<Map<String, Long>> demandInPlace = demand.entrySet().stream().filter(e -> areas.within(e.getKey(), place.code()))
                    .map(Map.Entry::getValue).toList();
            long[] demandByCategory = new long[wanted.size()];
            for (int i = 0; i < wanted.size(); i++) {
                String category = wanted.get(i);
                demandByCategory[i] = demandInPlace.stream().mapToLong(counts -> counts.getOrDefault(category, 0L)).sum();
            }
            List<Count> protectedDemand = Disclosure.parts(demandByCategory);
            Provision.Supply offered = supply.get(place.code());
            for (int i = 0; i < wanted.size(); i++) {
                String category = wanted.get(i);
                int listings = offered.listings().getOrDefault(category, 0);
                rows.add(new GapRow(place.code(), place.name(), category, categories.label(category), listings,
                        offered.providers().getOrDefault(category, 0), protectedDemand.get(i), listings <= 1));
            }
        }
        List<DeprivedArea> deprived = areas.areas().stream()
                .filter(a -> "LOCAL_AREA".equals(a.type()) && (a.imdScore() != null || a.imdBand() != null))
                .filter(a -> filter.area() == null || areas.within(a.code(), filter.area()))
                .map(a -> {
                    int listings = supply.get(a.code()).all();
                    boolean highDeprivation = (a.imdScore() != null && a.imdScore() >= 45) || "over-45".equals(a.imdBand());
                    return new DeprivedArea(a.code(), a.name(), a.imdScore(), a.imdBand(), listings, highDeprivation && listings <= 2);
                })
                .sorted(Comparator.comparing(DeprivedArea::fewListings).reversed().thenComparing(DeprivedArea::listings))
                .toList();
        return new Gaps("gaps", filter.described(), rows, deprived);
    }

    /** The referrals of a segment of a period per resident's area and need category (by code). */
    private static long[][] demand(ReferralFacts f, ReportFilter.Bound segment) {
        long[][] counts = new long[f.areas.size()][f.categories.size()];
        for (int row : segment.rows(f)) {
            if (f.area[row] >= 0 && f.category[row] >= 0) {
                counts[f.area[row]][f.category[row]]++;
            }
        }
        return counts;
    }

    /**
     * The column of each row's group as a dictionary code (-1 for none); null for urgency, urgent
     * (1) or routine (0), and for the month, the segment's own (all its rows are of one). A plain
     * column, not a function per grouping, keeps the loop over rows tight.
     */
    private static int[] codesOf(ReferralFacts f, GroupBy groupBy) {
        return switch (groupBy) {
            case CATEGORY -> f.category;
            case ORGANISATION -> f.organisation;
            case AREA -> f.area;
            case SERVICE -> f.service;
            case REFERRING_ORGANISATION -> f.referrerOrganisation;
            case URGENCY, MONTH -> null;
        };
    }

    /** How many groups there can be. */
    private static int groups(ReferralFacts f, GroupBy groupBy, int months) {
        return switch (groupBy) {
            case CATEGORY -> f.categories.size();
            case ORGANISATION, REFERRING_ORGANISATION -> f.organisations.size();
            case AREA -> f.areas.size();
            case SERVICE -> f.services.size();
            case URGENCY -> 2;
            case MONTH -> months;
        };
    }

    private static String nameOf(ReferralFacts f, GroupBy groupBy, int key, int firstMonth) {
        return switch (groupBy) {
            case CATEGORY -> f.categories.value(key);
            case ORGANISATION, REFERRING_ORGANISATION -> f.organisations.value(key);
            case AREA -> f.areas.value(key);
            case SERVICE -> f.services.value(key);
            case URGENCY -> key == 1 ? "URGENT" : "ROUTINE";
            case MONTH -> ReferralFacts.monthName(firstMonth + key);
        };
    }

    private String label(GroupBy groupBy, String group) {
        return switch (groupBy) {
            case CATEGORY -> categories.label(group);
            case AREA -> areas.areas().stream().filter(a -> a.code().equals(group)).map(ResidentAreas.AreaInfo::name).findFirst().orElse(group);
            case SERVICE -> provision.listings().names().getOrDefault(group, group);
            default -> group;
        };
    }

    private static String groupName(GroupBy groupBy) {
        return switch (groupBy) {
            case REFERRING_ORGANISATION -> "referringOrganisation";
            default -> groupBy.name().toLowerCase();
        };
    }

    /** The counts of the funnel, each a stage referrals reach (overdue: waiting past their response time now). */
    private enum Measure {
        SUBMITTED(0), ACCEPTED(ReferralFacts.ACCEPTED), DECLINED(ReferralFacts.DECLINED), EXPIRED(ReferralFacts.EXPIRED),
        CANCELLED(ReferralFacts.CANCELLED), COMPLETED(ReferralFacts.COMPLETED), OVERDUE(ReferralFacts.OVERDUE_NOW);

        /** The stage a referral must have reached to count; 0 for every referral. */
        final int stage;

        Measure(int stage) {
            this.stage = stage;
        }
    }

    /**
     * The funnel counts of a group of referrals. While scanning, reasons and outcomes are counted
     * by dictionary code; {@link #named} turns them into names once the scan is done.
     */
    private static final class Tally {
        /** Referrals per combination of the stages they reached (no more than the facts' rows, so ints). */
        final int[] byStages = new int[ReferralFacts.ALL_STAGES + 1];
        long[] reasonCodes;
        long[] outcomeCodes;
        final Map<String, Long> declinedByReason = new TreeMap<>();
        final Map<String, Long> completedByOutcome = new TreeMap<>();
        final Durations firstResponse = new Durations();
        final Durations completion = new Durations();

        /** An empty tally, to add named ones to (theirs have no codes left). */
        Tally() {
            this.reasonCodes = new long[0];
            this.outcomeCodes = new long[0];
        }

        Tally(ReferralFacts f) {
            this.reasonCodes = new long[f.reasons.size() + 1];
            this.outcomeCodes = new long[f.outcomes.size() + 1];
        }

        void add(ReferralFacts f, int row) {
            int stages = f.stages[row];
            byStages[stages]++;
            if ((stages & ReferralFacts.DECLINED) != 0) {
                reasonCodes[f.declineReason[row] + 1]++;
            }
            if ((stages & ReferralFacts.COMPLETED) != 0) {
                outcomeCodes[f.outcome[row] + 1]++;
                completion.add(f.completion[row]);
            }
            if (f.firstResponse[row] >= 0) {
                firstResponse.add(f.firstResponse[row]);
            }
        }

        long get(Measure measure) {
            long count = 0;
            for (int stages = 0; stages < byStages.length; stages++) {
                if (measure.stage == 0 || (stages & measure.stage) != 0) {
                    count += byStages[stages];
                }
            }
            return count;
        }

        /** Names the reasons and outcomes counted by code (code -1, none given, is "null"), once: the codes are cleared. */
        Tally named(ReferralFacts f) {
            for (int i = 0; i < reasonCodes.length; i++) {
                if (reasonCodes[i] > 0) {
                    declinedByReason.merge(String.valueOf(f.reasons.value(i - 1)), reasonCodes[i], Long::sum);
                }
            }
            for (int i = 0; i < outcomeCodes.length; i++) {
                if (outcomeCodes[i] > 0) {
                    completedByOutcome.merge(String.valueOf(f.outcomes.value(i - 1)), outcomeCodes[i], Long::sum);
                }
            }
            reasonCodes = new long[0];
            outcomeCodes = new long[0];
            return this;
        }

        /**
         * Adds another tally's counts, named or by code, to this one's; the other is left as it was.
         * Codes are added into room for the facts' codes now, which holds those of any earlier tally.
         */
        Tally plus(Tally other) {
            for (int i = 0; i < byStages.length; i++) {
                byStages[i] += other.byStages[i];
            }
            Reports.add(reasonCodes, other.reasonCodes);
            Reports.add(outcomeCodes, other.outcomeCodes);
            other.declinedByReason.forEach((k, v) -> declinedByReason.merge(k, v, Long::sum));
            other.completedByOutcome.forEach((k, v) -> completedByOutcome.merge(k, v, Long::sum));
            firstResponse.plus(other.firstResponse);
            completion.plus(other.completion);
            return this;
        }

        /** Roughly the heap the tallies take. */
        static int bytes(Tally[] tallies) {
            int bytes = 16 + 4 * tallies.length;
            for (Tally t : tallies) {
                if (t != null) {
                    bytes += 200 + 4 * t.byStages.length + 8 * (t.reasonCodes.length + t.outcomeCodes.length) + t.firstResponse.bytes()
                            + t.completion.bytes();
                }
            }
            return bytes;
        }

        FunnelRow row(String group, String label, java.util.function.Function<Measure, Count> column) {
            Count declinedCount = column.apply(Measure.DECLINED);
            Count completedCount = column.apply(Measure.COMPLETED);
            return new FunnelRow(group, label, column.apply(Measure.SUBMITTED), column.apply(Measure.ACCEPTED), declinedCount,
                    breakdown(declinedByReason, declinedCount.hidden()), column.apply(Measure.EXPIRED), column.apply(Measure.CANCELLED),
                    completedCount, breakdown(completedByOutcome, completedCount.hidden()), acceptedPercent(), firstResponse.hours(50),
                    firstResponse.hours(90), completion.hours(50), completion.hours(90), column.apply(Measure.OVERDUE));
        }

        /** The share accepted, unless it would tell a count from 1 to 4 (accepted or not accepted). */
        Double acceptedPercent() {
            long submitted = get(Measure.SUBMITTED);
            List<Count> split = Disclosure.parts(new long[] {get(Measure.ACCEPTED), submitted - get(Measure.ACCEPTED)});
            return split.get(0).hidden() || split.get(1).hidden() ? null
                    : Disclosure.percentage(split.get(0), Disclosure.count(submitted));
        }

        /** A breakdown of a count; all of it hidden when the count is, or the parts would add up to it. */
        private static Map<String, Count> breakdown(Map<String, Long> counts, boolean wholeHidden) {
            List<String> keys = new ArrayList<>(counts.keySet());
            List<Count> shown = Disclosure.parts(keys.stream().mapToLong(counts::get).toArray());
            Map<String, Count> result = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                result.put(keys.get(i), wholeHidden ? new Count(shown.get(i).value(), shown.get(i).value() > 0) : shown.get(i));
            }
            return result;
        }
    }
}
