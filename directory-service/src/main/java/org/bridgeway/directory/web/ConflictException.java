package org.bridgeway.directory.web;

/** The request is well formed but the resource's state does not allow it: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
