package org.bridgeway.referral.status;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.bridgeway.referral.web.InvalidFieldException;

/** Reads a code from a request, naming the field and the allowed values when it is missing or wrong. */
final class Codes {

    private Codes() {
    }

    static <E extends Enum<E>> E required(Class<E> type, String value, String field) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required: one of " + allowed);
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "'" + value + "' is not one of " + allowed);
        }
    }
}
