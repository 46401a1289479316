package org.bridgeway.notification.messaging;

/** A message no retry can fix (unknown type or version, malformed body): parked at once. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }
}
