package org.bridgeway.directory.responsiveness;

/**
 * How a provider or listing answers referrals over the last twelve months, as referral-service
 * publishes it: "usually replies within N days" and "% of referrals accepted", each null where
 * there were too few referrals to say (fewer than five). {@code referrals} is a number or "<5".
 */
record Responsiveness(String id, String subject, String subjectId, String periodFrom, String periodTo, Object referrals,
                      Integer usuallyRepliesWithinDays, Double acceptedPercent) {
}
