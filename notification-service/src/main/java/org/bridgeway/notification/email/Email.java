package org.bridgeway.notification.email;

/** One email ready to go: the address, the subject, and the plain-text and HTML bodies. */
record Email(String to, String subject, String text, String html, String reference) {
}
