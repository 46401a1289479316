package org.bridgeway.referral.intake;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bridgeway.referral.referral.Consent;
import org.bridgeway.referral.referral.Resident;
import org.bridgeway.referral.referral.Urgency;

/** The body of POST /api/referrals, checked field by field before any rule of the domain. */
record SubmitReferralRequest(
        @NotBlank @Size(max = 64) String serviceId,
        @NotBlank @Pattern(regexp = "[a-z][a-z-]{1,40}", message = "must be a category code such as fuel or mental-health") String category,
        @NotNull Urgency urgency,
        @NotBlank @Size(max = 4000) String reason,
        @Valid ConsentRequest consent,
        @Valid LawfulBasisRequest lawfulBasis,
        @NotNull @Valid ResidentRequest resident,
        @Size(max = 4000) String householdContext,
        Boolean safeguardingConcern) {

    @Override
    public String toString() {
        return "SubmitReferralRequest[serviceId=" + serviceId + ", category=" + category + ", urgency=" + urgency + ", personal data withheld]";
    }

    /** Where consent cannot be sought: another lawful basis, recorded with the reason. */
    record LawfulBasisRequest(
            @NotNull Consent.Basis basis,
            @NotNull @PastOrPresent Instant recordedAt,
            @NotBlank @Size(max = 2000) String explanation) {
    }

    record ConsentRequest(
            @NotNull @AssertTrue(message = "must be true: a resident is referred only with their consent") Boolean given,
            @NotNull Consent.Method method,
            @NotNull @PastOrPresent Instant recordedAt) {
    }

    record ResidentRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Past LocalDate dateOfBirth,
            @NotBlank @Pattern(regexp = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", message = "must be a UK postcode such as ME7 1AA") String postcode,
            @Size(max = 30) @Pattern(regexp = "[0-9 +()-]*", message = "must be a phone number") String phone,
            @Email @Size(max = 254) String email,
            @NotNull Resident.ContactPreference contactPreference,
            @Size(max = 35) @Pattern(regexp = "[A-Za-z-]*", message = "must be a language tag such as en or pl") String preferredLanguage,
            Boolean interpreterNeeded,
            @Size(max = 1000) String accessibilityNeeds) {

        @Override
        public String toString() {
            return "ResidentRequest[personal data withheld]";
        }

        Resident toResident() {
            return new Resident(name.strip(), dateOfBirth, postcode.strip().toUpperCase(), phone, email, contactPreference,
                    preferredLanguage == null || preferredLanguage.isBlank() ? "en" : preferredLanguage,
                    Boolean.TRUE.equals(interpreterNeeded), accessibilityNeeds == null || accessibilityNeeds.isBlank() ? null : accessibilityNeeds.strip());
        }
    }
}
