package org.bridgeway.directory.openreferral;

import java.nio.charset.StandardCharsets;

/**
 * Web addresses as HSDS wants them, RFC 3986 URIs: a listing may hold an address such as
 * ".../local-dementia-cafés", which browsers accept but a URI may not contain, so every character
 * a URI cannot hold is percent-encoded as UTF-8, as a browser does before sending it.
 */
final class WebAddresses {

    private static final String URI_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-._~:/?#[]@!$&'()*+,;=%";

    private WebAddresses() {
    }

    static String asUri(String address) {
        if (address == null) {
            return null;
        }
        StringBuilder uri = new StringBuilder(address.length());
        address.codePoints().forEach(c -> {
            if (c < 128 && URI_CHARACTERS.indexOf(c) >= 0) {
                uri.append((char) c);
            } else {
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                    uri.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        });
        return uri.toString();
    }
}
