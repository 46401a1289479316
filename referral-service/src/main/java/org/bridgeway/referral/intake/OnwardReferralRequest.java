package org.bridgeway.referral.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bridgeway.referral.referral.Urgency;

/** The body of POST /api/referrals/{id}/onward: the resident comes from the referral, consent is confirmed again. */
record OnwardReferralRequest(
        @NotBlank @Size(max = 64) String serviceId,
        @NotBlank @Pattern(regexp = "[a-z][a-z-]{1,40}", message = "must be a category code such as fuel or mental-health") String category,
        @NotNull Urgency urgency,
        @NotBlank @Size(max = 4000) String reason,
        @NotNull @Valid SubmitReferralRequest.ConsentRequest consent) {
}
