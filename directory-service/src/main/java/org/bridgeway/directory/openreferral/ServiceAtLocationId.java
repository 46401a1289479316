package org.bridgeway.directory.openreferral;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The id of "service S at its location number k". It must lead back to the listing without an
 * extra index, so it is the listing's UUID XOR a fixed mask per k (version and variant bits left
 * alone, so it stays a well-formed UUID of the listing's version). Reading an id back tries each
 * of the at most {@link #MAX_LOCATIONS} masks; the caller keeps the candidate that exists.
 */
final class ServiceAtLocationId {

    /** A listing has at most 20 locations ({@code ListingDetails.locations}). */
    static final int MAX_LOCATIONS = 20;

    private static final long VERSION_BITS = 0xF000L;
    private static final long VARIANT_BITS = 0xC000_0000_0000_0000L;

    record Candidate(String serviceId, int locationIndex) {
    }

    private ServiceAtLocationId() {
    }

    static String of(String serviceId, int locationIndex) {
        return masked(UUID.fromString(serviceId), locationIndex).toString();
    }

    /** Every (service, location) pair this id could stand for; none when it is not a UUID. */
    static List<Candidate> candidates(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int k = 0; k < MAX_LOCATIONS; k++) {
            candidates.add(new Candidate(masked(uuid, k).toString(), k));
        }
        return candidates;
    }

    private static UUID masked(UUID uuid, int locationIndex) {
        UUID mask = UUID.fromString(Ids.of("service_at_location", Integer.toString(locationIndex)));
        return new UUID(uuid.getMostSignificantBits() ^ (mask.getMostSignificantBits() & ~VERSION_BITS),
                uuid.getLeastSignificantBits() ^ (mask.getLeastSignificantBits() & ~VARIANT_BITS));
    }
}
