package org.bridgeway.referral.deadlines;

import java.time.Clock;
import java.time.Instant;

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
    private static final int BATCH = 500;

    private final Referrals referrals;
    private final Clock clock;

    ResponseDeadlines(Referrals referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    /**
     * Every 5 minutes by default: deadlines are days apart, and without an index on them (the
     * embedded store has none) each check reads every referral while writes wait for it.
     */
    @Scheduled(fixedDelayString = "${bridgeway.referrals.deadline-check-interval:5m}")
    void check() {
        Instant now = clock.instant();
        int overdue = referrals.changeEach(Criteria.where("status").is(ReferralStatus.SUBMITTED).and("overdue").is(false)
                .and("responseDueAt").lte(now), BATCH, referral -> referral.markOverdue(now));
        int expired = referrals.changeEach(Criteria.where("status").is(ReferralStatus.SUBMITTED).and("expiresAt").lte(now), BATCH,
                referral -> referral.expire(now));
        if (overdue + expired > 0) {
            log.info("Response deadlines: {} referrals now overdue, {} expired", overdue, expired);
        }
    }

}
