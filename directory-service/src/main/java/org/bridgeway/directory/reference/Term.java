package org.bridgeway.directory.reference;

import java.util.List;

/** One value of a controlled vocabulary: a stable code, its wording, and other words people use for it. */
public record Term(String code, String label, List<String> synonyms) {

    public Term {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }
}
