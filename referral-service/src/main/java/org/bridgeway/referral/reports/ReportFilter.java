package org.bridgeway.referral.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bridgeway.referral.area.ResidentAreas;

/**
 * Which referrals a report counts: those submitted from {@code from} to {@code to} (whole days,
 * London time, both included), narrowed by any of the resident's area (or an area above it),
 * need category, receiving organisation, service, referring organisation and urgency. Checked
 * by {@link ReportRequests} before it gets here.
 */
record ReportFilter(LocalDate from, LocalDate to, String area, String category, String organisation, String service,
                    String referringOrganisation, String urgency) {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int NOTHING = -2;

    /** The twelve months to today (London time), with no other filter. */
    static ReportFilter lastTwelveMonths(java.time.Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        return new ReportFilter(today.minusYears(1).plusDays(1), today, null, null, null, null, null, null);
    }

    /** The same filter for any period. */
    ReportFilter withoutPeriod() {
        return new ReportFilter(null, null, area, category, organisation, service, referringOrganisation, urgency);
    }

    /** The period and the filters set, as a report names them. */
    Map<String, String> described() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("from", from.toString());
        d.put("to", to.toString());
        put(d, "area", area);
        put(d, "category", category);
        put(d, "organisation", organisation);
        put(d, "service", service);
        put(d, "referringOrganisation", referringOrganisation);
        put(d, "urgency", urgency);
        return d;
    }

    private static void put(Map<String, String> d, String name, String value) {
        if (value != null) {
            d.put(name, value);
        }
    }

    /** The filter in the facts' own codes; call it under the facts' read lock. */
    Bound bind(ReferralFacts facts, ResidentAreas areas) {
        boolean[] areaCodes = null;
        if (area != null) {
            areaCodes = new boolean[facts.areas.size()];
            for (int code = 0; code < facts.areas.size(); code++) {
                if (areas.within(facts.areas.value(code), area)) {
                    areaCodes[code] = true;
                }
            }
        }
        return new Bound(from.atStartOfDay(LONDON).toInstant().toEpochMilli(),
                to.plusDays(1).atStartOfDay(LONDON).toInstant().toEpochMilli(), areaCodes,
                code(facts.categories, category), code(facts.organisations, organisation), code(facts.services, service),
                code(facts.organisations, referringOrganisation), urgency == null ? null : "URGENT".equals(urgency));
    }

    private static int code(Dictionary dictionary, String value) {
        if (value == null) {
            return Dictionary.NONE;
        }
        int code = dictionary.existing(value);
        return code == Dictionary.NONE ? NOTHING : code;
    }

    /** A filter ready to test rows: NONE is "any", a value never seen matches no row. */
    record Bound(long fromMillis, long toMillis, boolean[] areas, int category, int organisation, int service,
                 int referringOrganisation, Boolean urgent) {

        /**
         * The rows the filter matches, ascending. Reads only the rows of the period (and the few
         * not yet sorted in), and of those only the ones of the organisation, service or referring
         * organisation asked for, whichever has fewest.
         */
        int[] rows(ReferralFacts f) {
            int first = f.firstSortedFrom(fromMillis);
            int end = f.firstSortedFrom(toMillis + 59_999); // the minute toMillis falls in may hold rows before it
            Postings narrowest = null;
            int code = Dictionary.NONE;
            Postings[] postings = {f.byOrganisation, f.byService, f.byReferrerOrganisation};
            int[] codes = {organisation, service, referringOrganisation};
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] != Dictionary.NONE && (narrowest == null || postings[i].size(codes[i]) < narrowest.size(code))) {
                    narrowest = postings[i];
                    code = codes[i];
                }
            }
            int[] matched;
            int count = 0;
            if (narrowest == null) {
                matched = new int[end - first + f.size - f.sorted];
                for (int row = first; row < end; row++) {
                    matched[count] = row;
                    count += matches(f, row) ? 1 : 0;
                }
                for (int row = f.sorted; row < f.size; row++) {
                    matched[count] = row;
                    count += matches(f, row) ? 1 : 0;
                }
            } else {
                int[] rows = narrowest.rows(code);
                int listed = narrowest.size(code);
                int from = indexOf(rows, listed, first), to = indexOf(rows, listed, end), tail = indexOf(rows, listed, f.sorted);
                matched = new int[to - from + listed - tail];
                for (int i = from; i < to; i++) {
                    matched[count] = rows[i];
                    count += matches(f, rows[i]) ? 1 : 0;
                }
                for (int i = tail; i < listed; i++) {
                    matched[count] = rows[i];
                    count += matches(f, rows[i]) ? 1 : 0;
                }
            }
            return Arrays.copyOf(matched, count);
        }

        /** The same filter over part of its period. */
        Bound during(long from, long to) {
            return new Bound(from, to, areas, category, organisation, service, referringOrganisation, urgent);
        }

        /** Where {@code row} is, or would be, in the first {@code count} of ascending {@code rows}. */
        private static int indexOf(int[] rows, int count, int row) {
            int at = Arrays.binarySearch(rows, 0, count, row);
            return at >= 0 ? at : -at - 1;
        }

        private boolean matches(ReferralFacts f, int row) {
            long t = f.submittedAt[row];
            return t >= fromMillis && t < toMillis
                    && (areas == null || (f.area[row] >= 0 && areas[f.area[row]]))
                    && (category == Dictionary.NONE || f.category[row] == category)
                    && (organisation == Dictionary.NONE || f.organisation[row] == organisation)
                    && (service == Dictionary.NONE || f.service[row] == service)
                    && (referringOrganisation == Dictionary.NONE || f.referrerOrganisation[row] == referringOrganisation)
                    && (urgent == null || f.urgent[row] == urgent);
        }
    }
}
