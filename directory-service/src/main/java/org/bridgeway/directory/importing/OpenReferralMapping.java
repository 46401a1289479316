package org.bridgeway.directory.importing;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.organisation.Address;
import org.bridgeway.directory.organisation.OrganisationDetails;
import org.bridgeway.directory.reference.Area;
import org.bridgeway.directory.reference.Areas;
import org.bridgeway.directory.reference.DeliveryMode;
import org.bridgeway.directory.reference.ReferenceData;
import org.bridgeway.directory.reference.Term;
import org.bridgeway.directory.reference.Vocabulary;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * One Open Referral UK (HSDS 3) service in the directory's terms. Taxonomy terms count where they
 * match a term of the directory's vocabularies; a service with no need category left is "other".
 * What the directory cannot use is named in warnings, what it cannot accept in problems.
 */
@Component
class OpenReferralMapping {

    private static final Map<String, Listing.Status> STATUSES = Map.of(
            "active", Listing.Status.ACTIVE, "temporarily closed", Listing.Status.TEMPORARILY_CLOSED,
            "inactive", Listing.Status.INACTIVE, "defunct", Listing.Status.DEFUNCT);
    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);
    private static final Set<String> CHARITY_REGISTERS = Set.of("GB-CHC", "GB-SC", "GB-NIC");

    /**
     * The vocabularies a taxonomy term may belong to. A term whose taxonomy names one of them (as this
     * directory's own feed does: "Bridgeway need categories") counts for that one only; any other
     * term counts for every vocabulary that knows its code or name.
     */
    private record Classifying(String taxonomyHint, Function<ReferenceData, Vocabulary> vocabulary) {
    }

    private static final List<Classifying> CLASSIFYING = List.of(
            new Classifying("categor", ReferenceData::categories), new Classifying("activit", ReferenceData::activities),
            new Classifying("marmot", ReferenceData::marmotPrinciples), new Classifying("outcome", ReferenceData::outcomes),
            new Classifying("priority", ReferenceData::priorityGroups), new Classifying("gender", ReferenceData::genders));

    private final ReferenceData reference;

    OpenReferralMapping(ReferenceData reference) {
        this.reference = reference;
    }

    /** @param id the service's id, which the listing is found by on the next import */
    ImportedService service(int row, String id, JsonNode node, List<String> problems, List<String> warnings) {
        String statusText = Objects.requireNonNullElse(text(node, "status"), "");
        Listing.Status status = STATUSES.get(statusText.toLowerCase(Locale.ROOT));
        if (status == null) {
            problems.add("status \"" + statusText + "\" is not one of active, temporarily closed, inactive, defunct");
        }
        JsonNode organization = node.path("organization");
        OrganisationDetails organisation = organization.isObject() ? organisation(organization) : null;
        String organisationSourceId = organization.isObject() ? text(organization, "id") : text(node, "organization_id");
        if (organisation == null && organisationSourceId == null) {
            problems.add("organization is missing: neither the organization nor its id is given");
        }

        Map<Vocabulary, Set<String>> codes = classification(node, warnings);
        List<String> categories = List.copyOf(codes.get(reference.categories()));
        List<ListingDetails.Location> locations = new ArrayList<>();
        Set<String> accessibility = new LinkedHashSet<>();
        boolean online = locations(node, locations, accessibility, problems, warnings);
        List<DeliveryMode> deliveryModes = new ArrayList<>();
        if (!locations.isEmpty()) {
            deliveryModes.add(DeliveryMode.IN_PERSON);
        }
        if (online || locations.isEmpty()) {
            deliveryModes.add(DeliveryMode.ONLINE);
        }
        ListingDetails.Coverage coverage = coverage(node, locations, problems, warnings);
        Set<String> openingNotes = new LinkedHashSet<>();
        List<ListingDetails.OpeningHours> openingHours = schedules(node, openingNotes, problems);
        List<String> languages = languages(node, warnings);
        Integer minimumAge = age(node, "minimum_age", problems);
        Integer maximumAge = age(node, "maximum_age", problems);
        String name = text(node, "name");
        String description = text(node, "description");
        String website = text(node, "url");
        String email = text(node, "email");
        String phone = firstPhone(node);
        ListingDetails.Cost cost = cost(node);

        ImportedService.Content content = (organisationId, stored) -> new ListingDetails(organisationId, name, description,
                website, email, phone, categories.isEmpty() ? List.of("other") : categories,
                List.copyOf(codes.get(reference.activities())), List.copyOf(codes.get(reference.marmotPrinciples())),
                List.copyOf(codes.get(reference.outcomes())), List.copyOf(codes.get(reference.priorityGroups())),
                minimumAge, maximumAge, List.copyOf(codes.get(reference.genders())), coverage, locations, deliveryModes,
                openingHours, joined(openingNotes), languages, joined(accessibility), cost,
                stored.referral(), stored.capacity(), stored.reachPerYear());
        return new ImportedService(row, "openreferral:" + id, Listing.Provenance.OPEN_REFERRAL_IMPORT, organisationSourceId,
                organisation, status, content, warnings);
    }

    private static OrganisationDetails organisation(JsonNode organization) {
        String name = text(organization, "name");
        String email = text(organization, "email");
        String registeredNumber = null;
        boolean charity = false;
        for (JsonNode identifier : each(organization, "organization_identifiers")) {
            String scheme = Objects.requireNonNullElse(text(identifier, "identifier_scheme"), "").toUpperCase(Locale.ROOT);
            if (CHARITY_REGISTERS.contains(scheme) || scheme.equals("GB-COH")) {
                registeredNumber = registeredNumber != null ? registeredNumber : text(identifier, "identifier");
                charity |= CHARITY_REGISTERS.contains(scheme);
            }
        }
        OrganisationDetails.Type type = charity ? OrganisationDetails.Type.CHARITY
                : Wording.evidentType(Objects.requireNonNullElse(name, ""), email);
        return new OrganisationDetails(name, type, registeredNumber, email, phone(each(organization, "phones")),
                text(organization, "website"), null, List.of(), null, List.of());
    }

    /** The codes of each vocabulary that the service's taxonomy terms name, in the order given. */
    private Map<Vocabulary, Set<String>> classification(JsonNode node, List<String> warnings) {
        Map<Vocabulary, Set<String>> codes = new LinkedHashMap<>();
        CLASSIFYING.forEach(c -> codes.put(c.vocabulary().apply(reference), new LinkedHashSet<>()));
        for (JsonNode attribute : each(node, "attributes")) {
            JsonNode term = attribute.path("taxonomy_term");
            List<String> wordings = Stream.of(text(term, "code"), text(term, "name"), text(term, "term"))
                    .filter(Objects::nonNull).toList();
            if (wordings.isEmpty()) {
                continue;
            }
            String taxonomy = Vocabulary.normalise(Objects.requireNonNullElse(text(term, "taxonomy"), ""));
            List<Classifying> named = CLASSIFYING.stream().filter(c -> taxonomy.contains(c.taxonomyHint())).toList();
            boolean matched = false;
            for (Classifying classifying : named.isEmpty() ? CLASSIFYING : named) {
                Vocabulary vocabulary = classifying.vocabulary().apply(reference);
                Optional<Term> found = wordings.stream().map(vocabulary::match).flatMap(Optional::stream).findFirst();
                if (found.isPresent()) {
                    codes.get(vocabulary).add(found.get().code());
                    matched = true;
                }
            }
            if (!matched) {
                warnings.add("taxonomy term \"" + wordings.getLast() + "\" matches nothing the directory knows; not kept");
            }
        }
        return codes;
    }

    /** @return whether the service is also delivered online (a virtual location) */
    private static boolean locations(JsonNode node, List<ListingDetails.Location> locations, Set<String> accessibility,
                                     List<String> problems, List<String> warnings) {
        boolean online = false;
        for (JsonNode serviceAtLocation : each(node, "service_at_locations")) {
            JsonNode location = serviceAtLocation.path("location");
            String name = text(location, "name");
            if ("virtual".equalsIgnoreCase(text(location, "location_type"))) {
                online = true;
                continue;
            }
            List<JsonNode> addresses = each(location, "addresses");
            Optional<JsonNode> address = addresses.stream()
                    .filter(a -> "physical".equalsIgnoreCase(text(a, "address_type"))).findFirst()
                    .or(() -> addresses.stream().findFirst());
            if (address.isEmpty()) {
                warnings.add("location \"" + name + "\" has no address; not kept");
                continue;
            }
            JsonNode a = address.get();
            String where = "service_at_locations[" + locations.size() + "].location";
            locations.add(new ListingDetails.Location(name,
                    new Address(text(a, "address_1"), text(a, "address_2"), text(a, "city"), text(a, "postal_code")),
                    decimal(location, "latitude", where, problems), decimal(location, "longitude", where, problems)));
            for (JsonNode access : each(location, "accessibility")) {
                Stream.of(text(access, "description"), text(access, "accessibility")).filter(Objects::nonNull)
                        .findFirst().ifPresent(accessibility::add);
            }
        }
        return online;
    }

    /**
     * Service areas must be areas the directory knows. A service that names none covers the council
     * area of its locations, and one with neither the whole of Kent and Medway: it is in a feed for here.
     */
    private ListingDetails.Coverage coverage(JsonNode node, List<ListingDetails.Location> locations, List<String> problems,
                                             List<String> warnings) {
        Areas areas = reference.areas();
        List<JsonNode> serviceAreas = each(node, "service_areas");
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode serviceArea : serviceAreas) {
            List<String> wordings = Stream.of(text(serviceArea, "name"), text(serviceArea, "service_area"))
                    .filter(Objects::nonNull).toList();
            wordings.stream().map(areas::byName).flatMap(Optional::stream).findFirst().ifPresentOrElse(
                    area -> codes.add(area.code()),
                    () -> problems.add("service_areas: \"" + (wordings.isEmpty() ? "" : wordings.getFirst())
                            + "\" is not an area the directory knows; see /api/directory/taxonomy"));
        }
        if (!serviceAreas.isEmpty()) {
            return new ListingDetails.Coverage(false, List.copyOf(codes));
        }
        locations.stream().map(l -> l.address().postcode()).filter(Objects::nonNull)
                .map(this::councilArea).flatMap(Optional::stream).forEach(codes::add);
        if (!codes.isEmpty()) {
            warnings.add("no service_areas: taken to cover " + codes + ", where its locations are");
            return new ListingDetails.Coverage(false, List.copyOf(codes));
        }
        warnings.add("no service_areas and no location: taken to cover the whole of Kent and Medway");
        return new ListingDetails.Coverage(true, List.of());
    }

    /** Medway or the Kent district a postcode is in. */
    private Optional<String> councilArea(String postcode) {
        List<String> mapped = reference.areas().postcodeDistricts().get(Areas.postcodeDistrict(postcode));
        if (mapped == null || mapped.isEmpty()) {
            return Optional.empty();
        }
        Optional<Area> area = reference.areas().area(mapped.getFirst());
        while (area.isPresent() && area.get().type() != Area.Type.UNITARY_AUTHORITY && area.get().type() != Area.Type.DISTRICT
                && area.get().parent() != null) {
            area = reference.areas().area(area.get().parent());
        }
        return area.map(Area::code);
    }

    /** Weekly schedules become opening hours; every schedule's description and notes become the opening notes. */
    private static List<ListingDetails.OpeningHours> schedules(JsonNode node, Set<String> notes, List<String> problems) {
        List<ListingDetails.OpeningHours> hours = new ArrayList<>();
        List<JsonNode> schedules = each(node, "schedules");
        for (int i = 0; i < schedules.size(); i++) {
            JsonNode schedule = schedules.get(i);
            Stream.of(text(schedule, "description"), text(schedule, "notes")).filter(Objects::nonNull).forEach(notes::add);
            String freq = text(schedule, "freq");
            String byday = text(schedule, "byday");
            if (freq != null && !freq.equalsIgnoreCase("WEEKLY") || byday == null) {
                continue;
            }
            String field = "schedules[" + i + "]";
            LocalTime opens = time(text(schedule, "opens_at"), field + ".opens_at", problems);
            LocalTime closes = time(text(schedule, "closes_at"), field + ".closes_at", problems);
            for (String day : byday.split(",")) {
                DayOfWeek dayOfWeek = DAYS.get(day.strip().toUpperCase(Locale.ROOT));
                if (dayOfWeek == null) {
                    problems.add(field + ".byday \"" + day.strip() + "\" is not a day such as MO or TU");
                } else if (opens != null && closes != null) {
                    hours.add(new ListingDetails.OpeningHours(dayOfWeek, opens, closes));
                }
            }
        }
        return hours;
    }

    private static LocalTime time(String text, String field, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetTime.parse(text).toLocalTime();
            } catch (DateTimeParseException notOffset) {
                problems.add(field + " \"" + text + "\" is not a time such as 09:30");
                return null;
            }
        }
    }

    private List<String> languages(JsonNode node, List<String> warnings) {
        List<String> codes = new ArrayList<>();
        for (JsonNode language : each(node, "languages")) {
            List<String> wordings = Stream.of(text(language, "code"), text(language, "name")).filter(Objects::nonNull).toList();
            Optional<Term> term = wordings.stream().map(reference.languages()::match).flatMap(Optional::stream).findFirst();
            if (term.isPresent()) {
                codes.add(term.get().code());
            } else if (!wordings.isEmpty()) {
                warnings.add("language \"" + wordings.getLast() + "\" is not one the directory lists; not kept");
            }
        }
        return codes;
    }

    /** Cost options with amounts; free when every amount is nothing. */
    private static ListingDetails.Cost cost(JsonNode node) {
        List<JsonNode> options = each(node, "cost_options");
        if (options.isEmpty()) {
            return null;
        }
        boolean free = options.stream().allMatch(o -> amount(o) != null && amount(o).signum() == 0);
        String details = options.stream().map(OpenReferralMapping::costText).filter(text -> !text.isEmpty())
                .collect(Collectors.joining("; "));
        return new ListingDetails.Cost(free, Wording.orNull(details));
    }

    private static String costText(JsonNode option) {
        BigDecimal amount = amount(option);
        String price = amount == null ? null : "£" + amount.stripTrailingZeros().toPlainString();
        String conditions = text(option, "option");
        String text = Stream.of(price, text(option, "amount_description")).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return conditions == null ? text : text.isEmpty() ? conditions : conditions + ": " + text;
    }

    /** The option's amount, or null when it is none: JSON numbers beyond a double's range (1e400) read as infinite. */
    private static BigDecimal amount(JsonNode option) {
        JsonNode amount = option.path("amount");
        return amount.isNumber() && Double.isFinite(amount.doubleValue()) ? amount.decimalValue() : null;
    }

    private static Integer age(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(field + " must be a whole number of years");
            return null;
        }
        return value.asInt();
    }

    private static Double decimal(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(where + "." + field + " must be a number");
            return null;
        }
        return value.doubleValue();
    }

    /** The service's own telephone, else the first of its contacts'. */
    private static String firstPhone(JsonNode node) {
        String own = phone(each(node, "phones"));
        return own != null ? own : each(node, "contacts").stream().map(c -> phone(each(c, "phones")))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String phone(List<JsonNode> phones) {
        return phones.stream().map(p -> text(p, "number")).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String joined(Set<String> texts) {
        return texts.isEmpty() ? null : String.join(" ", texts);
    }

    private static List<JsonNode> each(JsonNode node, String field) {
        JsonNode array = node.path(field);
        return array.isArray() ? List.copyOf(array.values()) : List.of();
    }

    /** A field's text; numbers count too, as some feeds give ids as numbers. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? Wording.orNull(value.asString()) : null;
    }
}
