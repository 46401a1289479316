package org.bridgeway.directory.listing;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bridgeway.directory.organisation.Address;
import org.bridgeway.directory.reference.DeliveryMode;

/**
 * What a listing says about a service: the body of a create or an update, and the content of the
 * stored listing. Codes are checked against the reference data by {@link ListingRules}.
 */
public record ListingDetails(
        @NotBlank String organisationId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http or https address") String website,
        @Email @Size(max = 254) String email,
        @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ()-]{6,30}", message = "must be a telephone number") String phone,
        @NotEmpty @Size(max = 20) List<@NotBlank String> categories,
        @Size(max = 30) List<@NotBlank String> activities,
        @Size(max = 8) List<@NotBlank String> marmotPrinciples,
        @Size(max = 30) List<@NotBlank String> outcomes,
        @Size(max = 30) List<@NotBlank String> priorityGroups,
        @Min(0) @Max(120) Integer minimumAge,
        @Min(0) @Max(120) Integer maximumAge,
        @Size(max = 10) List<@NotBlank String> genders,
        @NotNull @Valid Coverage coverage,
        @Size(max = 20) List<@NotNull @Valid Location> locations,
        @NotEmpty @Size(max = 4) List<@NotNull DeliveryMode> deliveryModes,
        @Size(max = 28) List<@NotNull @Valid OpeningHours> openingHours,
        @Size(max = 1000) String openingNotes,
        @Size(max = 30) List<@NotBlank String> languages,
        @Size(max = 2000) String accessibility,
        @Valid Cost cost,
        @NotNull @Valid ReferralTerms referral,
        @Valid Capacity capacity,
        @Min(0) @Max(10_000_000) Integer reachPerYear) {

    /** Where the service takes people from: named areas, or the whole of Kent and Medway. */
    public record Coverage(boolean wholeArea, @Size(max = 100) List<@NotBlank String> areas) {
        public Coverage {
            areas = copy(areas);
        }
    }

    /** Where the service is delivered, which is not the same as whom it serves. */
    public record Location(@Size(max = 200) String name, @NotNull @Valid Address address,
                           @DecimalMin("49.0") @DecimalMax("61.0") Double latitude,
                           @DecimalMin("-9.0") @DecimalMax("2.5") Double longitude) {
    }

    public record OpeningHours(@NotNull DayOfWeek dayOfWeek, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    public record Cost(boolean free, @Size(max = 500) String details) {
    }

    public enum Pathway { REFERRAL, SIGNPOST_ONLY }

    /** How people get to the service: by referral or by being told about it, and who may refer. */
    public record ReferralTerms(@NotNull Pathway pathway, @Size(max = 30) List<@NotBlank String> referrerRoles,
                                boolean selfReferral, @Size(max = 2000) String eligibility) {
        public ReferralTerms {
            referrerRoles = copy(referrerRoles);
        }
    }

    public enum CapacityStatus { ACCEPTING, WAITING_LIST, PAUSED }

    public record Capacity(@NotNull CapacityStatus status, @Min(0) @Max(104) Integer estimatedWaitWeeks) {
        public static final Capacity ACCEPTING = new Capacity(CapacityStatus.ACCEPTING, null);
    }

    public ListingDetails {
        categories = distinct(categories);
        activities = distinct(activities);
        marmotPrinciples = distinct(marmotPrinciples);
        outcomes = distinct(outcomes);
        priorityGroups = distinct(priorityGroups);
        genders = distinct(genders);
        locations = copy(locations);
        deliveryModes = deliveryModes == null ? null : deliveryModes.stream().distinct().toList();
        openingHours = copy(openingHours);
        languages = distinct(languages);
        name = name == null ? null : name.strip();
    }

    ListingDetails withCapacity(Capacity newCapacity) {
        return new ListingDetails(organisationId, name, description, website, email, phone, categories, activities,
                marmotPrinciples, outcomes, priorityGroups, minimumAge, maximumAge, genders, coverage, locations,
                deliveryModes, openingHours, openingNotes, languages, accessibility, cost, referral, newCapacity, reachPerYear);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }

    /** An unmodifiable copy that keeps null entries, so validation can name them (locations[0]) rather than fail here. */
    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
