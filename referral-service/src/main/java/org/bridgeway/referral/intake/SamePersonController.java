package org.bridgeway.referral.intake;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.bridgeway.referral.audit.AuditTrail;
import org.bridgeway.referral.protection.ResidentMatching;
import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.ReferralSummary;
import org.bridgeway.referral.referral.Referrals;
import org.bridgeway.referral.security.Callers;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Before referring, a referrer can see whether their own organisation referred the same person
 * before (same name and date of birth). A POST, so the name never appears in a URL or an access log.
 */
@RestController
class SamePersonController {

    record SamePersonCheck(@NotBlank @Size(max = 200) String name, @NotNull @Past LocalDate dateOfBirth) {
        @Override
        public String toString() {
            return "SamePersonCheck[personal data withheld]";
        }
    }

    private final Referrals referrals;
    private final ResidentMatching matching;
    private final AuditTrail audit;

    SamePersonController(Referrals referrals, ResidentMatching matching, AuditTrail audit) {
        this.referrals = referrals;
        this.matching = matching;
        this.audit = audit;
    }

    @PostMapping("/api/referrals/same-person-check")
    @PreAuthorize("hasRole('REFERRER')")
    List<ReferralSummary> earlierReferrals(@Valid @RequestBody SamePersonCheck check, @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Callers.actor(jwt);
        Criteria sameResident = Criteria.where("residentKey").is(matching.keyFor(check.name(), check.dateOfBirth()));
        Criteria ours = actor.organisationId() == null ? Criteria.where("referrerUserId").is(actor.userId())
                : Criteria.where("referrerOrganisationId").is(actor.organisationId());
        List<Referral> found = referrals.all(new Criteria().andOperator(sameResident, ours), 50);
        found.forEach(referral -> audit.read(actor, referral.id(), AuditTrail.Read.SAME_PERSON_MATCHED));
        return found.stream().map(ReferralSummary::of).toList();
    }
}
