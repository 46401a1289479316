package org.bridgeway.referral.status;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;

import org.bridgeway.referral.audit.AuditTrail;
import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.Referrals;
import org.bridgeway.referral.web.VersionMismatchException;
import org.springframework.stereotype.Service;

/**
 * Load, decide, save: every status change of a referral, on the version the caller last read.
 * The referral itself decides whether the change is allowed and for whom.
 */
@Service
class ChangingStatus {

    private final Referrals referrals;
    private final AuditTrail audit;
    private final Clock clock;

    ChangingStatus(Referrals referrals, AuditTrail audit, Clock clock) {
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
    }

    Referral change(String id, long expectedVersion, Actor actor, BiConsumer<Referral, Instant> decision) {
        Referral referral = referrals.findVisible(id, actor);
        if (referral.version() != expectedVersion) {
            throw new VersionMismatchException(referral.version());
        }
        decision.accept(referral, clock.instant());
        if (!referrals.replace(referral, expectedVersion)) {
            throw new VersionMismatchException(expectedVersion + 1);
        }
        audit.changed(actor, id, referral.history().getLast().change());
        return referral;
    }
}
