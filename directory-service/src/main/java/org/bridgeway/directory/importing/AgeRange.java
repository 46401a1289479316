package org.bridgeway.directory.importing;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridgeway.directory.reference.Vocabulary;

/**
 * The ages an age group of the asset-mapping form stands for, read from its wording: "0-19",
 * "Under 5s", "18+", "Older people 65+", "All ages". The form's option list is not published, so
 * numbers in the wording win and a few named groups are known; anything else is not understood.
 *
 * @param minimum null: from birth
 * @param maximum null: no upper age
 */
record AgeRange(Integer minimum, Integer maximum) {

    static final AgeRange ALL = new AgeRange(null, null);

    private static final Pattern BETWEEN = Pattern.compile("(\\d{1,3})\\s*(?:-|to)\\s*(\\d{1,3})");
    private static final Pattern UNDER = Pattern.compile("(?:under|below)\\s*(\\d{1,3})");
    private static final Pattern UP_TO = Pattern.compile("up to\\s*(\\d{1,3})");
    private static final Pattern FROM = Pattern.compile("(\\d{1,3})\\s*\\+|(?:over|post|aged)\\s*(\\d{1,3})|(\\d{1,3}) and (?:over|above)");

    /** Named groups, in the ages their usual meaning in UK services gives. */
    private static final Map<String, AgeRange> NAMED = Map.of(
            "all ages", ALL,
            "all", ALL,
            "everyone", ALL,
            "children", new AgeRange(0, 17),
            "young people", new AgeRange(11, 25),
            "children and young people", new AgeRange(0, 25),
            "adults", new AgeRange(18, null),
            "older people", new AgeRange(65, null),
            "older adults", new AgeRange(65, null));

    static Optional<AgeRange> of(String wording) {
        String text = wording.toLowerCase(Locale.ROOT).replace('\u2013', '-').replace('\u2014', '-');
        Matcher m;
        if ((m = BETWEEN.matcher(text)).find()) {
            return Optional.of(new AgeRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        if ((m = UNDER.matcher(text)).find()) {
            return Optional.of(new AgeRange(0, Integer.parseInt(m.group(1)) - 1));
        }
        if ((m = UP_TO.matcher(text)).find()) {
            return Optional.of(new AgeRange(0, Integer.parseInt(m.group(1))));
        }
        if ((m = FROM.matcher(text)).find()) {
            String from = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return Optional.of(new AgeRange(Integer.parseInt(from), null));
        }
        return Optional.ofNullable(NAMED.get(Vocabulary.normalise(wording)));
    }

    /** A listing holds one range, so several groups give the smallest one covering them all: no one they name is left out. */
    AgeRange and(AgeRange other) {
        Integer from = minimum == null || other.minimum == null ? null : Math.min(minimum, other.minimum);
        Integer to = maximum == null || other.maximum == null ? null : Math.max(maximum, other.maximum);
        return new AgeRange(from, to);
    }
}
