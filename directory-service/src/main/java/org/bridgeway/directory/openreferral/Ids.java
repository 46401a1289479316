package org.bridgeway.directory.openreferral;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * HSDS wants a UUID for every object. Taxonomies, terms and the parts of a listing (schedules,
 * areas, locations ...) have no id of their own, so theirs are name-based UUIDs of what they are:
 * the same object gets the same id on every request and every restart.
 */
final class Ids {

    private Ids() {
    }

    /** {@code of("categories", "fuel")} is the UUID named {@code bridgeway:categories:fuel}. */
    static String of(String... parts) {
        return UUID.nameUUIDFromBytes(("bridgeway:" + String.join(":", parts)).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
