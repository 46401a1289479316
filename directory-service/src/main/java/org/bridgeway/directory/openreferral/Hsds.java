package org.bridgeway.directory.openreferral;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The HSDS 3.0 objects the feed publishes, shaped as the Open Referral UK profile has them. Empty
 * optional fields are left out rather than sent as null or []; a few HSDS 3.0 fields the UK
 * profile does not list (phones, language name and code, term code) are added, which the profile allows.
 */
final class Hsds {

    private Hsds() {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record ApiDetails(String version, String profile, String openapiUrl) {
    }

    /** The one-to-one fields of a service: what lists carry. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ServiceFacts(String id, String organizationId, String name, String description, String url, String email,
                        String status, Integer minimumAge, Integer maximumAge, String eligibilityDescription, String alert,
                        String assuredDate, String lastModified) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Service(@JsonUnwrapped ServiceFacts facts, Organization organization, List<Phone> phones,
                   List<Schedule> schedules, List<ServiceArea> serviceAreas, List<ServiceAtLocation> serviceAtLocations,
                   List<Language> languages, List<CostOption> costOptions, List<Attribute> attributes) {

        /** A service as lists show it, without its related objects. */
        static Service factsOnly(ServiceFacts facts) {
            return new Service(facts, null, null, null, null, null, null, null, null);
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Organization(String id, String name, String description, String email, String website, List<Phone> phones) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Phone(String id, String serviceId, String organizationId, String number) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Schedule(String id, String serviceId, String freq, String byday, String opensAt, String closesAt,
                    String description) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ServiceArea(String id, String serviceId, String name) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Language(String id, String serviceId, String name, String code) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record CostOption(String id, String serviceId, String option, BigDecimal amount, String amountDescription) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Attribute(String id, String linkId, String linkEntity, String taxonomyTermId, TaxonomyTerm taxonomyTerm) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Taxonomy(String id, String name, String description, List<TaxonomyTerm> taxonomyTerms) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record TaxonomyTerm(String id, String name, String description, String code, String taxonomyId, String taxonomy) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ServiceAtLocation(String id, String serviceId, String locationId, Location location, Service service) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Location(String id, String locationType, String name, Double latitude, Double longitude,
                    List<Address> addresses, List<Accessibility> accessibility) {
    }

    /** City and county are required by the profile; when not known they are sent empty rather than guessed. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Address(String id, String locationId, @JsonProperty("address_1") String address1,
                   @JsonProperty("address_2") String address2,
                   @JsonInclude(JsonInclude.Include.ALWAYS) String city,
                   @JsonInclude(JsonInclude.Include.ALWAYS) String stateProvince,
                   String postalCode, String country, String addressType) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Accessibility(String id, String locationId, String description) {
    }
}
