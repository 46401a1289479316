package org.bridgeway.notification.notice;

/** A notice and one party it goes to. */
public record Addressed(Party to, Notice notice) {
}
