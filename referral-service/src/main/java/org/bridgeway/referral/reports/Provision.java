package org.bridgeway.referral.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bridgeway.referral.directory.DirectoryReplica;
import org.bridgeway.referral.directory.ListingReplica;
import org.springframework.stereotype.Component;

/**
 * The listings of the directory replica, as reports see them: read at most once a minute, as
 * provision changes by the day and a report may be asked for many times a second.
 */
@Component
class Provision {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    record Listings(List<ListingReplica> all, Set<String> organisations, Map<String, String> names, Instant readAt) {
    }

    private final DirectoryReplica replica;
    private final Clock clock;
    private volatile Listings listings;

    Provision(DirectoryReplica replica, Clock clock) {
        this.replica = replica;
        this.clock = clock;
    }

    Listings listings() {
        Listings held = listings;
        if (held == null || held.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            List<ListingReplica> all = replica.all();
            held = new Listings(all, all.stream().map(ListingReplica::organisationId).collect(Collectors.toUnmodifiableSet()),
                    all.stream().collect(Collectors.toUnmodifiableMap(ListingReplica::id, ListingReplica::name, (a, b) -> a)), clock.instant());
            listings = held;
        }
        return held;
    }
}
