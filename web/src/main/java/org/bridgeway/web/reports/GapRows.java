package org.bridgeway.web.reports;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The gaps a dashboard shows: area and need pairs served by one listing or none, those with the
 * most demand from the area's residents first. The full table (every area and need) is the CSV.
 */
record GapRows(List<Map<String, Object>> shown, int total) {

    static final int SHOWN = 25;

    @SuppressWarnings("unchecked")
    static GapRows of(Map<String, Object> report) {
        List<Map<String, Object>> gaps = ((List<Map<String, Object>>) report.getOrDefault("rows", List.of())).stream()
                .filter(row -> Boolean.TRUE.equals(row.get("oneListingOrNone")))
                .sorted(Comparator.comparingLong(GapRows::demand).reversed())
                .toList();
        return new GapRows(gaps.stream().limit(SHOWN).toList(), gaps.size());
    }

    /** A hidden count ("<5", "*") ranks between none and five. */
    private static long demand(Map<String, Object> row) {
        return row.get("demand") instanceof Number number ? number.longValue() * 10 : 5;
    }
}
