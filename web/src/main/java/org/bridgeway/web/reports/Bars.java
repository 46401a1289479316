package org.bridgeway.web.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome-categories chart: one bar per need, as long as its share of referrals, drawn as
 * SVG on the server (no script, no style attribute for the content security policy to refuse).
 * A hidden count ("<5", "*") has no share and draws no bar; its label says why.
 */
public record Bars(List<Bar> bars, int height) {

    public record Bar(String label, String value, double width, int y) {
    }

    static final int ROW = 28;
    /** The longest bar, in the chart's own units: 100 % of referrals. */
    static final double FULL = 400;

    @SuppressWarnings("unchecked")
    static Bars of(Map<String, Object> report) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.getOrDefault("rows", List.of());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            double share = row.get("percentage") instanceof Number percentage ? percentage.doubleValue() : 0;
            String value = row.get("percentage") instanceof Number percentage
                    ? row.get("count") + " (" + percentage + "%)" : String.valueOf(row.get("count"));
            bars.add(new Bar(String.valueOf(row.get("label")), value, Math.max(share / 100 * FULL, share > 0 ? 1 : 0), i * ROW));
        }
        return new Bars(bars, Math.max(ROW, bars.size() * ROW));
    }
}
