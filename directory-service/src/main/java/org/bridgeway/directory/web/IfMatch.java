package org.bridgeway.directory.web;

/** Reads the version a writer last saw from its If-Match header ("3", W/"3" or 3). */
public final class IfMatch {

    private IfMatch() {
    }

    public static long version(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "must be the ETag you last read, such as \"1\"");
        }
    }

    /** Fails with 412 unless the caller read the version that is stored now. */
    public static void check(long readVersion, long currentVersion) {
        if (readVersion != currentVersion) {
            throw new VersionMismatchException();
        }
    }

    /** A write came without If-Match: 428, so no change is made blind. */
    public static class PreconditionRequiredException extends RuntimeException {
        PreconditionRequiredException() {
            super("Send If-Match with the ETag you last read, so that no one else's change is overwritten.");
        }
    }
}
