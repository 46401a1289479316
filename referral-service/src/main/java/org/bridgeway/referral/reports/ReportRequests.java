package org.bridgeway.referral.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.bridgeway.referral.area.ResidentAreas;
import org.bridgeway.referral.web.InvalidFieldException;
import org.springframework.stereotype.Component;

/**
 * Turns a report's query parameters into a {@link ReportFilter}, refusing what cannot be right:
 * a date that is not one, a period that ends before it starts, and a filter value the platform
 * does not know (an area, category, urgency, organisation or service), each named in a 400.
 * Without dates a report covers the last twelve months to today.
 */
@Component
class ReportRequests {

    private static final Set<String> URGENCIES = Set.of("ROUTINE", "URGENT");

    private final NeedCategories categories;
    private final ResidentAreas areas;
    private final Provision provision;
    private final ReportProjection projection;
    private final Clock clock;

    ReportRequests(NeedCategories categories, ResidentAreas areas, Provision provision, ReportProjection projection, Clock clock) {
        this.categories = categories;
        this.areas = areas;
        this.provision = provision;
        this.projection = projection;
        this.clock = clock;
    }

    ReportFilter filter(String from, String to, String area, String category, String organisation, String service,
                        String referringOrganisation, String urgency) {
        ReportFilter lastTwelveMonths = ReportFilter.lastTwelveMonths(clock);
        LocalDate end = to == null ? lastTwelveMonths.to() : date("to", to);
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : date("from", from);
        if (end.isBefore(start)) {
            throw new InvalidFieldException("to", "must not be before from (" + start + ")");
        }
        if (end.isAfter(start.plusYears(10))) {
            throw new InvalidFieldException("from", "must be at most ten years before to");
        }
        if (area != null && !areas.known(area)) {
            throw new InvalidFieldException("area", "is not an area of the platform's reference data: " + area);
        }
        if (category != null && !categories.known(category)) {
            throw new InvalidFieldException("category", "is not a need category of the taxonomy: " + category);
        }
        if (urgency != null && !URGENCIES.contains(urgency)) {
            throw new InvalidFieldException("urgency", "must be ROUTINE or URGENT");
        }
        Provision.Listings listings = provision.listings();
        if (service != null && listings.all().stream().noneMatch(listing -> listing.id().equals(service))) {
            throw new InvalidFieldException("service", "is not a listing of the directory: " + service);
        }
        if (organisation != null && !knownOrganisation(organisation, listings)) {
            throw new InvalidFieldException("organisation", "is not an organisation the platform knows: " + organisation);
        }
        if (referringOrganisation != null && !knownOrganisation(referringOrganisation, listings)) {
            throw new InvalidFieldException("referringOrganisation", "is not an organisation the platform knows: " + referringOrganisation);
        }
        return new ReportFilter(start, end, area, category, organisation, service, referringOrganisation, urgency);
    }

    /** An organisation with listings in the directory, or one referrals have come from or gone to. */
    private boolean knownOrganisation(String id, Provision.Listings listings) {
        return listings.organisations().contains(id)
                || projection.facts().read(facts -> facts.organisations.existing(id) != Dictionary.NONE);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date as YYYY-MM-DD");
        }
    }
}
