package org.bridgeway.referral.messages;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bridgeway.referral.audit.AuditTrail;
import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.Message;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.Referrals;
import org.bridgeway.referral.security.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The thread on a referral between the referring and the receiving side. Messages are resident
 * data: stored encrypted, read only by the two sides, each read audited, never on Kafka.
 */
@RestController
@RequestMapping("/api/referrals/{id}/messages")
class MessageController {

    record PostMessage(@NotBlank @Size(max = 4000) String text) {
        @Override
        public String toString() {
            return "PostMessage[text withheld]";
        }
    }

    record MessageView(String id, Instant at, String userId, Actor.Role role, String organisationId, String text) {
        static MessageView of(Message m) {
            return new MessageView(m.id(), m.at(), m.userId(), m.role(), m.organisationId(), m.text().text());
        }
    }

    private final Referrals referrals;
    private final AuditTrail audit;
    private final PostingMessage posting;

    MessageController(Referrals referrals, AuditTrail audit, PostingMessage posting) {
        this.referrals = referrals;
        this.audit = audit;
        this.posting = posting;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('REFERRER', 'PROVIDER')")
    List<MessageView> thread(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Callers.actor(jwt);
        Referral referral = referrals.findVisible(id, actor);
        audit.read(actor, id, AuditTrail.Read.MESSAGES_VIEWED);
        return referral.messages().stream().map(MessageView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('REFERRER', 'PROVIDER')")
    MessageView post(@PathVariable String id, @Valid @RequestBody PostMessage body, @AuthenticationPrincipal Jwt jwt) {
        return MessageView.of(posting.post(id, Callers.actor(jwt), body.text()));
    }
}
