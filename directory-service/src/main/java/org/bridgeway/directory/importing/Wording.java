package org.bridgeway.directory.importing;

import java.util.Locale;

import org.bridgeway.directory.organisation.OrganisationDetails;
import org.bridgeway.directory.reference.Vocabulary;

/** Free text from a source, compared by its words ({@link Vocabulary#normalise}). */
final class Wording {

    private Wording() {
    }

    /** Whether the text has the phrase as whole words: "parents" does not mention "parent". */
    static boolean mentions(String text, String phrase) {
        return (" " + Vocabulary.normalise(text) + " ").contains(" " + Vocabulary.normalise(phrase) + " ");
    }

    /** Blank cells and fields are absent, not empty strings. */
    static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A source rarely says what kind of body an organisation is; its name or email domain sometimes does. */
    static OrganisationDetails.Type evidentType(String name, String email) {
        String domain = email == null ? "" : email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (mentions(name, "nhs") || domain.endsWith("nhs.uk") || domain.endsWith("nhs.net")) {
            return OrganisationDetails.Type.NHS;
        }
        if (mentions(name, "council") || domain.endsWith(".gov.uk")) {
            return OrganisationDetails.Type.LOCAL_AUTHORITY;
        }
        if (mentions(name, "cic") || mentions(name, "community interest company")) {
            return OrganisationDetails.Type.CIC;
        }
        return OrganisationDetails.Type.OTHER;
    }
}
