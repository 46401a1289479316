package org.bridgeway.referral.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bridgeway.referral.area.ResidentAreas;
import org.bridgeway.referral.directory.DirectoryReplica;
import org.bridgeway.referral.directory.ListingReplica;
import org.springframework.stereotype.Component;

/**
 * The listings of the directory replica, as reports see them: read at most once a minute, as
 * provision changes by the day and a report may be asked for many times a second. What they
 * offer in each area is worked out with each read, not for every report.
 */
@Component
class Provision {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    /** What the directory offers in an area: active listings serving all of it, and per need category those listings and their providers. */
    record Supply(int all, Map<String, Integer> listings, Map<String, Integer> providers) {
    }

    /** @param supply per area code */
    record Listings(List<ListingReplica> all, Set<String> organisations, Map<String, String> names, Map<String, Supply> supply,
                    Instant readAt) {
    }

    private final DirectoryReplica replica;
    private final ResidentAreas areas;
    private final Clock clock;
    private volatile Listings listings;

    Provision(DirectoryReplica replica, ResidentAreas areas, Clock clock) {
        this.replica = replica;
        this.areas = areas;
        this.clock = clock;
    }

    Listings listings() {
        Listings held = listings;
        if (held == null || held.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            List<ListingReplica> all = replica.all();
            held = new Listings(all, all.stream().map(ListingReplica::organisationId).collect(Collectors.toUnmodifiableSet()),
                    all.stream().collect(Collectors.toUnmodifiableMap(ListingReplica::id, ListingReplica::name, (a, b) -> a)),
                    supply(all), clock.instant());
            listings = held;
        }
        return held;
    }

    private Map<String, Supply> supply(List<ListingReplica> all) {
        List<ListingReplica> active = all.stream().filter(ListingReplica::active).toList();
        Map<String, Supply> byArea = new HashMap<>();
        for (ResidentAreas.AreaInfo area : areas.areas()) {
            List<ListingReplica> serving = active.stream().filter(l -> serves(l, area.code())).toList();
            Map<String, Integer> perCategory = new HashMap<>();
            Map<String, Set<String>> providers = new HashMap<>();
            for (ListingReplica listing : serving) {
                for (String category : listing.categories() == null ? Set.<String>of() : new HashSet<>(listing.categories())) {
                    perCategory.merge(category, 1, Integer::sum);
                    providers.computeIfAbsent(category, c -> new HashSet<>()).add(listing.organisationId());
                }
            }
            Map<String, Integer> providerCounts = new HashMap<>();
            providers.forEach((category, organisations) -> providerCounts.put(category, organisations.size()));
            byArea.put(area.code(), new Supply(serving.size(), perCategory, providerCounts));
        }
        return byArea;
    }

    /** Whether a listing serves all of an area: it covers the whole directory area, the area itself, or an area above it. */
    private boolean serves(ListingReplica listing, String area) {
        if (listing.coverage() == null) {
            return false;
        }
        return listing.coverage().wholeArea() || listing.coverage().areas().stream().anyMatch(covered -> areas.within(area, covered));
    }
}
