package org.bridgeway.notification.inapp;

/** How a recipient is written: a person by their {@code sub}, or an organisation's inbox. */
public final class Recipients {

    private Recipients() {
    }

    public static String user(String userId) {
        return "user:" + userId;
    }

    public static String organisation(String organisationId) {
        return "org:" + organisationId;
    }
}
