package org.bridgeway.notification.notice;

/** Who a notice is for: one person (by the token's {@code sub}) or an organisation as a whole. */
public record Party(Type type, String id) {

    public enum Type { USER, ORGANISATION }

    public static Party user(String userId) {
        return new Party(Type.USER, userId);
    }

    public static Party organisation(String organisationId) {
        return new Party(Type.ORGANISATION, organisationId);
    }

    /** The party a recipient string names. */
    public static Party ofRecipient(String recipient) {
        return recipient.startsWith("user:") ? user(recipient.substring("user:".length()))
                : organisation(recipient.substring("org:".length()));
    }

    /** How a recipient is written (in-app lists, deliveries): {@code user:<sub>} or {@code org:<id>}. */
    public String recipient() {
        return (type == Type.USER ? "user:" : "org:") + id;
    }
}
