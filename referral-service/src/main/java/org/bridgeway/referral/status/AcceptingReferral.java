package org.bridgeway.referral.status;

import java.time.Clock;

import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.Referrals;
import org.bridgeway.referral.web.NotFoundException;
import org.bridgeway.referral.web.VersionMismatchException;
import org.springframework.stereotype.Service;

/** Load, decide, save: the receiving organisation accepts a referral it was sent. */
@Service
class AcceptingReferral {

    private final Referrals referrals;
    private final Clock clock;

    AcceptingReferral(Referrals referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    Referral accept(String id, long expectedVersion, Actor actor) {
        Referral referral = referrals.find(id).filter(r -> r.visibleTo(actor))
                .orElseThrow(() -> new NotFoundException("referral", id));
        if (referral.version() != expectedVersion) {
            throw new VersionMismatchException(referral.version());
        }
        referral.accept(actor, clock.instant());
        if (!referrals.replace(referral, expectedVersion)) {
            throw new VersionMismatchException(expectedVersion + 1);
        }
        return referral;
    }
}
