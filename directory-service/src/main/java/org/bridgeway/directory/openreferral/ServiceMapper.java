package org.bridgeway.directory.openreferral;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.organisation.Organisation;
import org.bridgeway.directory.organisation.OrganisationDetails;
import org.bridgeway.directory.reference.Area;
import org.bridgeway.directory.reference.Areas;
import org.bridgeway.directory.reference.ReferenceData;
import org.bridgeway.directory.reference.Vocabulary;
import org.springframework.stereotype.Component;

/** Turns listings and organisations into HSDS services, locations and organizations. */
@Component
class ServiceMapper {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final Taxonomies taxonomies;
    private final Vocabulary languages;
    private final Areas areas;
    private final Locations locations;

    ServiceMapper(Taxonomies taxonomies, ReferenceData reference) {
        this.taxonomies = taxonomies;
        this.languages = reference.languages();
        this.areas = reference.areas();
        this.locations = new Locations(reference.areas());
    }

    Hsds.ServiceFacts facts(ListedService s) {
        return new Hsds.ServiceFacts(s.id(), s.organisationId(), s.name(), s.description(),
                WebAddresses.asUri(s.website()), s.email(), status(s.status()), s.minimumAge(), s.maximumAge(),
                s.referral().eligibility(), alert(s.capacity()), s.lastVerifiedAt().atZone(UK).toLocalDate().toString(),
                MILLIS.format(s.updatedAt()));
    }

    /** The fully nested service of {@code /services/{id}}. */
    Hsds.Service service(Listing listing, Optional<Organisation> organisation) {
        ListingDetails d = listing.details();
        List<Hsds.ServiceAtLocation> atLocations = new ArrayList<>();
        for (int k = 0; k < d.locations().size(); k++) {
            atLocations.add(new Hsds.ServiceAtLocation(ServiceAtLocationId.of(listing.id(), k), listing.id(),
                    Locations.id(listing.id(), k), locations.full(listing.id(), k, d.locations().get(k), d.accessibility()), null));
        }
        return nested(listing, organisation, atLocations);
    }

    /** A row of {@code /service_at_locations}: the location and the service, one-to-one fields only. */
    Hsds.ServiceAtLocation atLocation(ListedService s, int k) {
        Hsds.Location location = Locations.brief(s.id(), k, s.locations().get(k));
        return new Hsds.ServiceAtLocation(ServiceAtLocationId.of(s.id(), k), s.id(), location.id(), location,
                Hsds.Service.factsOnly(facts(s)));
    }

    /** The fully nested service at location of {@code /service_at_locations/{id}}. */
    Hsds.ServiceAtLocation atLocation(Listing listing, int k, Optional<Organisation> organisation) {
        ListingDetails d = listing.details();
        return new Hsds.ServiceAtLocation(ServiceAtLocationId.of(listing.id(), k), listing.id(), Locations.id(listing.id(), k),
                locations.full(listing.id(), k, d.locations().get(k), d.accessibility()),
                nested(listing, organisation, List.of()));
    }

    /** The service with every related object, and the given service-at-locations. */
    private Hsds.Service nested(Listing listing, Optional<Organisation> organisation, List<Hsds.ServiceAtLocation> atLocations) {
        ListingDetails d = listing.details();
        String id = listing.id();
        return new Hsds.Service(facts(ListedService.of(listing)), organisation.map(ServiceMapper::organization).orElse(null),
                d.phone() == null ? null : List.of(new Hsds.Phone(Ids.of(id, "phone"), id, null, d.phone())),
                schedules(id, d), serviceAreas(id, d.coverage()), atLocations, languages(id, d.languages()),
                costOptions(id, d.cost()), taxonomies.attributes(id, d));
    }

    /**
     * Days with the same hours become one weekly schedule (byday MO,TU ...). Opening notes go in
     * each schedule's description, or make a schedule of their own when no hours are given.
     */
    private static List<Hsds.Schedule> schedules(String serviceId, ListingDetails d) {
        Map<String, List<DayOfWeek>> daysByHours = new LinkedHashMap<>();
        for (ListingDetails.OpeningHours hours : d.openingHours()) {
            daysByHours.computeIfAbsent(time(hours.opens()) + "-" + time(hours.closes()), h -> new ArrayList<>()).add(hours.dayOfWeek());
        }
        List<Hsds.Schedule> schedules = new ArrayList<>();
        daysByHours.forEach((hours, days) -> {
            String byday = days.stream().sorted().distinct().map(day -> day.name().substring(0, 2)).collect(Collectors.joining(","));
            String[] openClose = hours.split("-");
            schedules.add(new Hsds.Schedule(Ids.of(serviceId, "schedule", hours, byday), serviceId, "WEEKLY", byday,
                    openClose[0], openClose[1], d.openingNotes()));
        });
        if (schedules.isEmpty() && d.openingNotes() != null && !d.openingNotes().isBlank()) {
            schedules.add(new Hsds.Schedule(Ids.of(serviceId, "schedule"), serviceId, null, null, null, null, d.openingNotes()));
        }
        return schedules;
    }

    private static String time(LocalTime time) {
        return HOURS.format(time);
    }

    /** Covering the whole area is published as the region itself (Kent and Medway). */
    private List<Hsds.ServiceArea> serviceAreas(String serviceId, ListingDetails.Coverage coverage) {
        List<Area> covered = coverage.wholeArea()
                ? areas.all().stream().filter(area -> area.type() == Area.Type.REGION).toList()
                : coverage.areas().stream().map(areas::area).flatMap(Optional::stream).toList();
        return covered.stream()
                .map(area -> new Hsds.ServiceArea(Ids.of(serviceId, "service_area", area.code()), serviceId, area.name()))
                .toList();
    }

    /** HSDS wants ISO 639 codes; British Sign Language is ISO 639-3 "bfi" where our vocabulary says "bsl". */
    private List<Hsds.Language> languages(String serviceId, List<String> codes) {
        return codes.stream().map(code -> new Hsds.Language(Ids.of(serviceId, "language", code), serviceId,
                languages.label(code), code.equals("bsl") ? "bfi" : code)).toList();
    }

    private static List<Hsds.CostOption> costOptions(String serviceId, ListingDetails.Cost cost) {
        if (cost == null) {
            return List.of();
        }
        String id = Ids.of(serviceId, "cost_option");
        return List.of(cost.free()
                ? new Hsds.CostOption(id, serviceId, "Free", BigDecimal.ZERO, cost.details())
                : new Hsds.CostOption(id, serviceId, cost.details() == null ? "Charges apply" : null, null, cost.details()));
    }

    private static Hsds.Organization organization(Organisation organisation) {
        OrganisationDetails d = organisation.details();
        String id = organisation.id();
        return new Hsds.Organization(id, d.name(), description(d), d.email(), WebAddresses.asUri(d.website()),
                d.phone() == null ? null : List.of(new Hsds.Phone(Ids.of(id, "phone"), null, id, d.phone())));
    }

    /** The profile requires a description and the directory keeps none, so it says what kind of body this is. */
    private static String description(OrganisationDetails d) {
        String kind = switch (d.type()) {
            case CHARITY -> "Charity";
            case CIC -> "Community interest company";
            case COMMUNITY_GROUP -> "Community group";
            case LOCAL_AUTHORITY -> "Local authority";
            case NHS -> "NHS organisation";
            case BUSINESS -> "Business";
            case OTHER -> "Organisation";
        };
        return d.registeredNumber() == null ? kind : kind + ", registered number " + d.registeredNumber();
    }

    private static String status(Listing.Status status) {
        return switch (status) {
            case ACTIVE -> "active";
            case TEMPORARILY_CLOSED -> "temporarily closed";
            case INACTIVE -> "inactive";
            case DEFUNCT -> "defunct";
        };
    }

    /** Capacity is the short-term news a referrer most needs, which is what HSDS's alert is for. */
    private static String alert(ListingDetails.Capacity capacity) {
        return switch (capacity.status()) {
            case ACCEPTING -> null;
            case PAUSED -> "Not taking new referrals at present.";
            case WAITING_LIST -> capacity.estimatedWaitWeeks() == null ? "Waiting list for new referrals."
                    : "Waiting list for new referrals of about " + capacity.estimatedWaitWeeks()
                      + (capacity.estimatedWaitWeeks() == 1 ? " week." : " weeks.");
        };
    }
}
