package org.bridgeway.directory.web;

/** Someone changed the resource since the caller read it: 412, read it again. */
public class VersionMismatchException extends RuntimeException {

    public VersionMismatchException() {
        super("It has changed since you read it; read it again and send its new ETag in If-Match.");
    }
}
