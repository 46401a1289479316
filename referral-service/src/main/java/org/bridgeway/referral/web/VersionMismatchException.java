package org.bridgeway.referral.web;

/** Someone changed the resource since the caller read it: 412, read it again. */
public class VersionMismatchException extends RuntimeException {

    public VersionMismatchException(long currentVersion) {
        super("The referral has changed since you read it (now version " + currentVersion + "); read it again.");
    }
}
