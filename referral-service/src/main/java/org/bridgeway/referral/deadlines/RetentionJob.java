package org.bridgeway.referral.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bridgeway.referral.referral.ReferralStatus;
import org.bridgeway.referral.referral.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anonymises closed referrals once they are older than the retention period (7 years by
 * default): resident data is kept no longer than it is needed.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Referrals referrals;
    private final Clock clock;
    private final Duration retention;

    RetentionJob(Referrals referrals, Clock clock, @Value("${bridgeway.referrals.retention:2557d}") Duration retention) {
        this.referrals = referrals;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${bridgeway.referrals.retention-check-interval:6h}")
    void anonymiseExpired() {
        Instant now = clock.instant();
        Criteria due = Criteria.where("status").in(ReferralStatus.COMPLETED, ReferralStatus.DECLINED, ReferralStatus.CANCELLED,
                ReferralStatus.EXPIRED).and("anonymisedAt").exists(false).and("updatedAt").lte(now.minus(retention));
        int anonymised = referrals.changeEach(due, 500, referral -> referral.anonymise(now, retention));
        if (anonymised > 0) {
            log.info("Retention: {} closed referrals anonymised", anonymised);
        }
    }
}
