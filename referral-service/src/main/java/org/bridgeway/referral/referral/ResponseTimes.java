package org.bridgeway.referral.referral;

import java.time.Duration;
import java.time.Instant;

/**
 * When a receiving organisation is due to answer (ReferKent promises 3 working days) and when an
 * unanswered referral expires (Joy declines after two weeks).
 */
public record ResponseTimes(WorkingDays calendar, int workingDaysToRespond, Duration expiresAfter) {

    Instant dueFrom(Instant submittedAt) {
        return calendar.plus(submittedAt, workingDaysToRespond);
    }

    Instant expiryFrom(Instant submittedAt) {
        return submittedAt.plus(expiresAfter);
    }
}
