package org.bridgeway.referral.status;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.HistoryEntry;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.ReferralStatus;
import org.bridgeway.referral.referral.ReferralView;
import org.bridgeway.referral.referral.Referrals;
import org.bridgeway.referral.security.Callers;
import org.bridgeway.referral.web.IfMatch;
import org.bridgeway.referral.web.InvalidFieldException;
import org.bridgeway.referral.web.NotFoundException;
import org.bridgeway.referral.web.PageView;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Following referrals: the referrer's sent list, the provider's inbox, one referral with its
 * history, and the status changes. A referral the caller may not see is answered 404.
 */
@RestController
@Validated
@RequestMapping("/api/referrals")
class ReferralController {

    private final Referrals referrals;
    private final AcceptingReferral accepting;

    ReferralController(Referrals referrals, AcceptingReferral accepting) {
        this.referrals = referrals;
        this.accepting = accepting;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('REFERRER', 'PROVIDER')")
    PageView<ReferralView> list(@RequestParam(defaultValue = "") String view,
                                @RequestParam(required = false) ReferralStatus status,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Callers.actor(jwt);
        String chosen = view.isEmpty() ? (actor.role() == Actor.Role.PROVIDER ? "inbox" : "sent") : view;
        Criteria criteria = switch (chosen) {
            case "sent" -> {
                if (actor.role() != Actor.Role.REFERRER) {
                    throw new AccessDeniedException("only referrers have sent referrals");
                }
                yield Criteria.where("referrerUserId").is(actor.userId());
            }
            case "inbox" -> {
                if (actor.role() != Actor.Role.PROVIDER || actor.organisationId() == null) {
                    throw new AccessDeniedException("only a provider's organisation has an inbox");
                }
                yield Criteria.where("organisationId").is(actor.organisationId());
            }
            default -> throw new InvalidFieldException("view", "must be sent or inbox");
        };
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        PageView<Referral> found = referrals.page(criteria, page, size);
        return new PageView<>(found.items().stream().map(ReferralView::of).toList(), found.page());
    }

    @GetMapping("/{id}")
    ResponseEntity<ReferralView> get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        Referral referral = visible(id, Callers.actor(jwt));
        return ResponseEntity.ok().eTag(String.valueOf(referral.version())).body(ReferralView.of(referral));
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return visible(id, Callers.actor(jwt)).history();
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('PROVIDER')")
    ResponseEntity<ReferralView> accept(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @AuthenticationPrincipal Jwt jwt) {
        Referral referral = accepting.accept(id, IfMatch.version(ifMatch), Callers.actor(jwt));
        return ResponseEntity.ok().eTag(String.valueOf(referral.version())).body(ReferralView.of(referral));
    }

    private Referral visible(String id, Actor actor) {
        return referrals.find(id).filter(r -> r.visibleTo(actor)).orElseThrow(() -> new NotFoundException("referral", id));
    }
}
