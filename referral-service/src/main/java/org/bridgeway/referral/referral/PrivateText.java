package org.bridgeway.referral.referral;

/**
 * Free text written about a resident (the reason for a referral, a note, a message). Personal
 * data: encrypted in the store, never on Kafka, never printed.
 */
public record PrivateText(String text) {

    public static PrivateText of(String text) {
        return text == null || text.isBlank() ? null : new PrivateText(text.strip());
    }

    @Override
    public String toString() {
        return "PrivateText[withheld]";
    }
}
