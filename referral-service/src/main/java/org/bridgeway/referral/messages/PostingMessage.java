package org.bridgeway.referral.messages;

import java.time.Clock;
import java.util.UUID;

import org.bridgeway.referral.audit.AuditTrail;
import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.Change;
import org.bridgeway.referral.referral.Message;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.Referrals;
import org.springframework.stereotype.Service;

/**
 * Load, decide, save: a message on a referral's thread. No If-Match here: a message changes no
 * one else's work, so a concurrent change of the referral is simply retried.
 */
@Service
class PostingMessage {

    private static final int ATTEMPTS = 5;

    private final Referrals referrals;
    private final AuditTrail audit;
    private final Clock clock;

    PostingMessage(Referrals referrals, AuditTrail audit, Clock clock) {
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
    }

    Message post(String referralId, Actor author, String text) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Referral referral = referrals.findVisible(referralId, author);
            long read = referral.version();
            Message message = referral.postMessage(UUID.randomUUID().toString(), author, text, clock.instant());
            if (referrals.replace(referral, read)) {
                audit.changed(author, referralId, Change.MESSAGE_POSTED);
                return message;
            }
        }
        throw new IllegalStateException("the referral kept changing while a message was posted");
    }
}
