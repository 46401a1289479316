package org.bridgeway.referral.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.CancelReason;
import org.bridgeway.referral.referral.DeclineReason;
import org.bridgeway.referral.referral.Outcome;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.ReferralStatus;
import org.bridgeway.referral.referral.ReferralSummary;
import org.bridgeway.referral.referral.ReferralView;
import org.bridgeway.referral.referral.Urgency;
import org.bridgeway.referral.referral.WorkingDays;
import org.bridgeway.referral.audit.AuditTrail;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Following referrals: the referrer's sent list, the provider's inbox, one referral with its
 * history, and the status changes. A referral the caller may not see is answered 404.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    /** A page of the sent list or inbox, with the counts per status and overdue over the whole list. */
    record ReferralList(List<ReferralSummary> items, PageView.Page page, Referrals.Counts counts) {
    }

    /** The body of a status change; which fields count depends on the change. */
    record StatusChange(@Size(max = 40) String reason, @Size(max = 40) String outcome, @Size(max = 4000) String note) {
        static final StatusChange NONE = new StatusChange(null, null, null);
    }

    private final Referrals referrals;
    private final ChangingStatus changing;
    private final AuditTrail audit;

    ReferralController(Referrals referrals, ChangingStatus changing, AuditTrail audit) {
        this.referrals = referrals;
        this.changing = changing;
        this.audit = audit;
    }

    /**
     * The filters of the sent list and the inbox, from the query string.
     *
     * @param view sent (the referrer's organisation's referrals) or inbox (the provider organisation's)
     */
    record ListFilter(String view, ReferralStatus status, Urgency urgency,
                      @Pattern(regexp = "[a-z][a-z-]{1,40}", message = "must be a category code such as fuel") String category,
                      Boolean overdue, LocalDate submittedFrom, LocalDate submittedTo,
                      @Pattern(regexp = "BW-[0-9A-Z]{5}", message = "must be a reference such as BW-7K3Q9") String reference,
                      @Min(0) @Max(10_000) Integer page, @Min(1) @Max(100) Integer size) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('REFERRER', 'PROVIDER')")
    ReferralList list(@Valid ListFilter filter, @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Callers.actor(jwt);
        String view = filter.view() == null || filter.view().isEmpty() ? (actor.role() == Actor.Role.PROVIDER ? "inbox" : "sent") : filter.view();
        Criteria criteria = switch (view) {
            case "sent" -> {
                if (actor.role() != Actor.Role.REFERRER) {
                    throw new AccessDeniedException("only referrers have sent referrals");
                }
                // A referrer sees what their organisation sent; one with no organisation, their own.
                yield actor.organisationId() == null ? Criteria.where("referrerUserId").is(actor.userId())
                        : Criteria.where("referrerOrganisationId").is(actor.organisationId());
            }
            case "inbox" -> {
                if (actor.role() != Actor.Role.PROVIDER || actor.organisationId() == null) {
                    throw new AccessDeniedException("only a provider's organisation has an inbox");
                }
                yield Criteria.where("organisationId").is(actor.organisationId());
            }
            default -> throw new InvalidFieldException("view", "must be sent or inbox");
        };
        // Counted over the whole list, before the filters narrow it, so each filter can show its count.
        Referrals.Counts counts = referrals.counts(criteria);
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.urgency() != null) {
            criteria = criteria.and("urgency").is(filter.urgency());
        }
        if (filter.category() != null) {
            criteria = criteria.and("category").is(filter.category());
        }
        if (filter.overdue() != null) {
            criteria = criteria.and("overdue").is(filter.overdue());
        }
        if (filter.reference() != null) {
            criteria = criteria.and("reference").is(filter.reference());
        }
        if (filter.submittedFrom() != null && filter.submittedTo() != null && filter.submittedFrom().isAfter(filter.submittedTo())) {
            throw new InvalidFieldException("submittedFrom", "must not be after submittedTo");
        }
        if (filter.submittedFrom() != null || filter.submittedTo() != null) {
            Criteria submitted = criteria.and("submittedAt");
            if (filter.submittedFrom() != null) {
                submitted = submitted.gte(filter.submittedFrom().atStartOfDay(WorkingDays.LONDON).toInstant());
            }
            if (filter.submittedTo() != null) {
                submitted.lt(filter.submittedTo().plusDays(1).atStartOfDay(WorkingDays.LONDON).toInstant());
            }
        }
        PageView<Referral> found = referrals.page(criteria, filter.page() == null ? 0 : filter.page(), filter.size() == null ? 20 : filter.size());
        return new ReferralList(found.items().stream().map(ReferralSummary::of).toList(), found.page(), counts);
    }

    /** The full referral for the people on it (an audited read); the summary for an administrator. */
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Callers.actor(jwt);
        if (actor.role() == Actor.Role.ADMIN) {
            Referral referral = referrals.find(id).orElseThrow(() -> new NotFoundException("referral", id));
            return ResponseEntity.ok().eTag(String.valueOf(referral.version())).body(ReferralSummary.of(referral));
        }
        Referral referral = referrals.findVisible(id, actor);
        audit.read(actor, id, AuditTrail.Read.VIEWED);
        return ResponseEntity.ok().eTag(String.valueOf(referral.version())).body(ReferralView.of(referral, onwardSeenBy(referral, actor)));
    }

    /**
     * The referring side sees every referral made onward from theirs (it is their resident's
     * journey); anyone else only those they are party to.
     */
    private List<Referral> onwardSeenBy(Referral referral, Actor actor) {
        return referrals.onwardFrom(referral.id()).stream()
                .filter(onward -> referral.onReferringSide(actor) || onward.visibleTo(actor)).toList();
    }

    @GetMapping("/{id}/history")
    List<ReferralView.Step> history(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Callers.actor(jwt);
        Referral referral = referrals.findVisible(id, actor);
        audit.read(actor, id, AuditTrail.Read.HISTORY_VIEWED);
        return ReferralView.Step.of(referral);
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('PROVIDER')")
    ResponseEntity<ReferralSummary> accept(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @AuthenticationPrincipal Jwt jwt) {
        return change(id, ifMatch, jwt, (referral, actor, now) -> referral.accept(actor, now));
    }

    @PostMapping("/{id}/decline")
    @PreAuthorize("hasRole('PROVIDER')")
    ResponseEntity<ReferralSummary> decline(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @Valid @RequestBody(required = false) StatusChange body, @AuthenticationPrincipal Jwt jwt) {
        StatusChange change = body == null ? StatusChange.NONE : body;
        DeclineReason reason = Codes.required(DeclineReason.class, change.reason(), "reason");
        return change(id, ifMatch, jwt, (referral, actor, now) -> referral.decline(actor, reason, change.note(), now));
    }

    @PostMapping("/{id}/start")
    @PreAuthorize("hasRole('PROVIDER')")
    ResponseEntity<ReferralSummary> start(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       @Valid @RequestBody(required = false) StatusChange body, @AuthenticationPrincipal Jwt jwt) {
        return change(id, ifMatch, jwt, (referral, actor, now) -> referral.start(actor, note(body), now));
    }

    @PostMapping("/{id}/hold")
    @PreAuthorize("hasRole('PROVIDER')")
    ResponseEntity<ReferralSummary> hold(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      @Valid @RequestBody(required = false) StatusChange body, @AuthenticationPrincipal Jwt jwt) {
        return change(id, ifMatch, jwt, (referral, actor, now) -> referral.putOnHold(actor, note(body), now));
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize("hasRole('PROVIDER')")
    ResponseEntity<ReferralSummary> resume(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @Valid @RequestBody(required = false) StatusChange body, @AuthenticationPrincipal Jwt jwt) {
        return change(id, ifMatch, jwt, (referral, actor, now) -> referral.resume(actor, note(body), now));
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("hasRole('PROVIDER')")
    ResponseEntity<ReferralSummary> complete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                          @Valid @RequestBody(required = false) StatusChange body, @AuthenticationPrincipal Jwt jwt) {
        StatusChange change = body == null ? StatusChange.NONE : body;
        Outcome outcome = Codes.required(Outcome.class, change.outcome(), "outcome");
        return change(id, ifMatch, jwt, (referral, actor, now) -> referral.complete(actor, outcome, change.note(), now));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('REFERRER', 'PROVIDER')")
    ResponseEntity<ReferralSummary> cancel(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @Valid @RequestBody(required = false) StatusChange body, @AuthenticationPrincipal Jwt jwt) {
        StatusChange change = body == null ? StatusChange.NONE : body;
        CancelReason reason = Codes.required(CancelReason.class, change.reason(), "reason");
        return change(id, ifMatch, jwt, (referral, actor, now) -> referral.cancel(actor, reason, change.note(), now));
    }

    private static String note(StatusChange body) {
        return body == null ? null : body.note();
    }

    private interface Decision {
        void apply(Referral referral, Actor actor, Instant now);
    }

    private ResponseEntity<ReferralSummary> change(String id, String ifMatch, Jwt jwt, Decision decision) {
        Actor actor = Callers.actor(jwt);
        Referral referral = changing.change(id, IfMatch.version(ifMatch), actor, (r, now) -> decision.apply(r, actor, now));
        return ResponseEntity.ok().eTag(String.valueOf(referral.version())).body(ReferralSummary.of(referral));
    }
}
