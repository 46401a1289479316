package org.bridgeway.directory.reference;

import java.util.Locale;

/** The one way postcodes are compared: upper case, without spaces ("me4 4tr" and "ME44TR" are ME44TR). */
public final class Postcodes {

    private Postcodes() {
    }

    public static String compact(String postcode) {
        return postcode.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
