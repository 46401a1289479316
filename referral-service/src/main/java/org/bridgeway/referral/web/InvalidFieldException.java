package org.bridgeway.referral.web;

/** A request that is well formed but breaks a rule about one of its fields. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
