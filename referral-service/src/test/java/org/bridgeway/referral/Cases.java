package org.bridgeway.referral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Generated cases for the property tests (JUnit parameterised tests over seeded random inputs),
 * and the generators they share. A property's cases come from a fixed seed, so every run tries
 * the same inputs; each case is made from a {@link Random} of its own seed, which its display
 * name, and its failure ({@link NamedFailures}), show. To replay one case, run its test with
 * {@code -Dcases.seed=<that seed>}: the property then tries the case of that seed alone (and its
 * explicit examples).
 */
public final class Cases {

    /** The display name of a case: its seed, or what an explicit example is, then its values. */
    public static final String NAME = "[{index}] {argumentSetName}";

    /** The printable ASCII characters, space to tilde. */
    private static final String PRINTABLE = IntStream.rangeClosed(' ', '~').mapToObj(Character::toString).collect(Collectors.joining());
    /** What JSON and CSV treat specially. */
    private static final String SPECIAL = ",;\"'\r\n\t\\{}[]:";
    /** Letters and signs beyond ASCII, one of them written right to left. */
    private static final String BEYOND_ASCII = "éßøŁЖ€中\u0645";
    /**
     * A byte order mark, a zero-width space, non-breaking and line separators, a right-to-left
     * override, a combining mark, the replacement character, a noncharacter and lone surrogates.
     */
    private static final String UNUSUAL = "\uFEFF\u200B\u00A0\u2028\u2029\u202E\u0301\uFFFD\uFFFF\uD800\uDFFF";
    /** Code points of two UTF-16 units: an emoji, a mathematical letter, the last code point. */
    private static final int[] SUPPLEMENTARY = {0x1F600, 0x1D518, 0x10FFFF};

    private Cases() {
    }

    /** Heads a case's failure with its display name: Maven's reports name an invocation by its index only. */
    public static final class NamedFailures implements TestExecutionExceptionHandler {

        private static final Pattern SEED = Pattern.compile("seed (-?\\d+):");

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) {
            Matcher seed = SEED.matcher(context.getDisplayName());
            String replay = seed.find() ? " (to replay it alone: -Dtest='%s#%s' -Dcases.seed=%s)".formatted(
                    context.getRequiredTestClass().getSimpleName(), context.getRequiredTestMethod().getName(), seed.group(1)) : "";
            String what = failure instanceof AssertionError ? failure.getMessage() : failure.toString();
            throw new AssertionError(context.getDisplayName() + replay + "\n" + what, failure);
        }
    }

    /** {@code count} cases made by the generator, case i from a Random of the i-th seed of a Random of {@code seed}. */
    public static Stream<Arguments> generated(long seed, int count, Function<Random, Arguments> generator) {
        String replay = System.getProperty("cases.seed");
        if (replay != null) {
            return Stream.of(generatedCase(Long.parseLong(replay), generator));
        }
        Random seeds = new Random(seed);
        return Stream.generate(seeds::nextLong).limit(count).map(caseSeed -> generatedCase(caseSeed, generator));
    }

    private static Arguments generatedCase(long caseSeed, Function<Random, Arguments> generator) {
        Object[] values = generator.apply(new Random(caseSeed)).get();
        return Arguments.argumentSet("seed " + caseSeed + ": " + describe(values), values);
    }

    /** An explicit case, named for what it is. */
    public static Arguments example(String name, Object... values) {
        return Arguments.argumentSet(name + ": " + describe(values), values);
    }

    /** Any text of up to {@code maxLength} UTF-16 units. */
    public static String anyString(Random random, int maxLength) {
        return anyString(random, 0, maxLength);
    }

    /**
     * Any text of {@code minLength} to {@code maxLength} UTF-16 units: ASCII, control characters,
     * what CSV and JSON treat specially, unusual code points.
     */
    public static String anyString(Random random, int minLength, int maxLength) {
        int length = length(random, minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int kind = random.nextInt(20); // in 20: 9 printable ASCII, 3 special, 2 control, 2 beyond ASCII, 2 unusual, 1 of two units, 1 any
            if (kind < 9) {
                text.append(pick(random, PRINTABLE));
            } else if (kind < 12) {
                text.append(pick(random, SPECIAL));
            } else if (kind < 14) {
                text.append((char) (random.nextBoolean() ? between(random, 0, 0x1F) : between(random, 0x7F, 0x9F)));
            } else if (kind < 16) {
                text.append(pick(random, BEYOND_ASCII));
            } else if (kind < 18) {
                text.append(pick(random, UNUSUAL));
            } else if (kind < 19 && text.length() + 1 < length) {
                text.appendCodePoint(SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)]);
            } else {
                text.append((char) random.nextInt(Character.MAX_VALUE + 1));
            }
        }
        return text.toString();
    }

    /** Text of {@code minLength} to {@code maxLength} characters, each one of {@code chars}. */
    public static String stringOf(Random random, String chars, int minLength, int maxLength) {
        int length = length(random, minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(pick(random, chars));
        }
        return text.toString();
    }

    /** {@code min} to {@code max} elements, each made by the generator. */
    public static <T> List<T> listOf(Random random, int min, int max, Supplier<T> element) {
        int size = length(random, min, max);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    public static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** From {@code min} to {@code max}, both included. */
    public static int between(Random random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** A length or size from min to max: often one of the bounds, as those are where the edge cases are. */
    private static int length(Random random, int min, int max) {
        return switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            default -> between(random, min, max);
        };
    }

    private static char pick(Random random, String chars) {
        return chars.charAt(random.nextInt(chars.length()));
    }

    /** The values, short and in printable ASCII: a display name goes into reports and logs. */
    private static String describe(Object[] values) {
        return Arrays.stream(values).map(Cases::describe).collect(Collectors.joining(", "));
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        StringBuilder shown = new StringBuilder();
        text.chars().limit(60).forEach(c -> shown.append(c >= ' ' && c <= '~' ? String.valueOf((char) c) : "\\u%04x".formatted(c)));
        if (text.length() > 60) {
            shown.append("... (").append(text.length()).append(" characters)");
        }
        return value instanceof String ? "\"" + shown + "\"" : shown.toString();
    }
}
