package org.bridgeway.directory.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A controlled list of terms (need categories, Marmot principles, outcomes ...). Listings store
 * codes; imports arrive with wording, which {@link #match} turns back into a code.
 */
public final class Vocabulary {

    private final String name;
    private final Map<String, Term> byCode = new LinkedHashMap<>();
    private final Map<String, Term> byWording = new LinkedHashMap<>();

    Vocabulary(String name, List<Term> terms) {
        this.name = name;
        for (Term term : terms) {
            if (byCode.put(term.code(), term) != null) {
                throw new IllegalStateException(name + " lists the code " + term.code() + " twice");
            }
            byWording.putIfAbsent(normalise(term.code()), term);
            byWording.putIfAbsent(normalise(term.label()), term);
            term.synonyms().forEach(synonym -> byWording.putIfAbsent(normalise(synonym), term));
        }
    }

    public String name() {
        return name;
    }

    public List<Term> terms() {
        return List.copyOf(byCode.values());
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Optional<Term> term(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public String label(String code) {
        Term term = byCode.get(code);
        return term == null ? code : term.label();
    }

    /** The term a code, label or synonym names, ignoring case, punctuation and spacing. */
    public Optional<Term> match(String wording) {
        return Optional.ofNullable(byWording.get(normalise(wording)));
    }

    /** The codes not in this vocabulary, in the order given. */
    public List<String> unknown(List<String> codes) {
        return codes == null ? List.of() : codes.stream().filter(code -> !byCode.containsKey(code)).toList();
    }

    public String allowedCodes() {
        return String.join(", ", byCode.keySet());
    }

    /** Wording as compared everywhere: case, "&" versus "and", punctuation and spacing do not count. */
    public static String normalise(String wording) {
        return wording.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
    }

    @Override
    public String toString() {
        return byCode.values().stream().map(Term::code).collect(Collectors.joining(", ", name + "[", "]"));
    }
}
