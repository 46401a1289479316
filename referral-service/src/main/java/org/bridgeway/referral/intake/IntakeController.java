package org.bridgeway.referral.intake;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.bridgeway.referral.security.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IntakeController {

    private final SubmittingReferral submitting;

    IntakeController(SubmittingReferral submitting) {
        this.submitting = submitting;
    }

    /** A retried request with the same Idempotency-Key gets the first referral back, marked as replayed. */
    @PostMapping("/api/referrals")
    @PreAuthorize("hasRole('REFERRER')")
    ResponseEntity<SubmittedReferral> submit(@Valid @RequestBody SubmitReferralRequest request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 128) String idempotencyKey,
                                        @AuthenticationPrincipal Jwt jwt) {
        return created(submitting.submit(request, Callers.actor(jwt), Callers.professionalRole(jwt), idempotencyKey));
    }

    /** A new referral for the same resident to another service, by either side of this one; retried as safely as a submission. */
    @PostMapping("/api/referrals/{id}/onward")
    @PreAuthorize("hasAnyRole('REFERRER', 'PROVIDER')")
    ResponseEntity<SubmittedReferral> referOnward(@PathVariable String id, @Valid @RequestBody OnwardReferralRequest request,
                                                @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 128) String idempotencyKey,
                                                @AuthenticationPrincipal Jwt jwt) {
        SubmittingReferral.Result result = submitting.referOnward(id, request, Callers.actor(jwt), Callers.professionalRole(jwt), idempotencyKey);
        return created(result);
    }

    private static ResponseEntity<SubmittedReferral> created(SubmittingReferral.Result result) {
        return ResponseEntity.created(URI.create("/api/referrals/" + result.referral().id()))
                .eTag(String.valueOf(result.referral().version()))
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .body(SubmittedReferral.of(result.referral()));
    }
}
