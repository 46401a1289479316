package org.bridgeway.referral.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiPredicate;

import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.ReferralStatus;
import org.bridgeway.referral.referral.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks unanswered referrals overdue once their response is due, and expires them at their
 * expiry. Each change is a conditional write on the version read, so with several instances
 * running only one of them changes a referral; the others find it changed and move on.
 */
@Component
class ResponseDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ResponseDeadlines.class);

    private final Referrals referrals;
    private final Clock clock;

    ResponseDeadlines(Referrals referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bridgeway.referrals.deadline-check-interval:30s}")
    void check() {
        Instant now = clock.instant();
        int overdue = apply(Criteria.where("status").is(ReferralStatus.SUBMITTED).and("overdue").is(false)
                .and("responseDueAt").lte(now), Referral::markOverdue, now);
        int expired = apply(Criteria.where("status").is(ReferralStatus.SUBMITTED).and("expiresAt").lte(now), Referral::expire, now);
        if (overdue + expired > 0) {
            log.info("Response deadlines: {} referrals now overdue, {} expired", overdue, expired);
        }
    }

    private int apply(Criteria due, BiPredicate<Referral, Instant> change, Instant now) {
        int changed = 0;
        for (Referral referral : referrals.all(due, 500)) {
            long read = referral.version();
            if (change.test(referral, now) && referrals.replace(referral, read)) {
                changed++;
            }
        }
        return changed;
    }
}
