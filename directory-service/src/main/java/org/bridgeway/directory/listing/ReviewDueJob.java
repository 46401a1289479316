package org.bridgeway.directory.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flags listings nobody has verified for six months and publishes one review-due event for each,
 * so notification-service can remind the owning organisation. Verifying or revising clears it.
 */
@Component
class ReviewDueJob {

    private static final Logger log = LoggerFactory.getLogger(ReviewDueJob.class);
    private static final int BATCH = 500;

    private final Listings listings;
    private final Clock clock;
    private final Duration reviewAfter;

    ReviewDueJob(Listings listings, Clock clock, @Value("${bridgeway.directory.review-after:P182D}") Duration reviewAfter) {
        this.listings = listings;
        this.clock = clock;
        this.reviewAfter = reviewAfter;
    }

    @Scheduled(fixedDelayString = "${bridgeway.directory.review-check-interval:PT1H}", initialDelayString = "${bridgeway.directory.review-check-interval:PT1H}")
    void flagLapsedListings() {
        Instant now = clock.instant();
        int flagged = 0;
        List<Listing> batch;
        int flaggedInBatch;
        do {
            batch = listings.lapsedSince(now.minus(reviewAfter), BATCH);
            flaggedInBatch = 0;
            for (Listing listing : batch) {
                long read = listing.version();
                listing.markReviewDue(now);
                if (listings.replace(listing, read)) {
                    flaggedInBatch++;
                }
            }
            flagged += flaggedInBatch;
        } while (batch.size() == BATCH && flaggedInBatch > 0); // those changed meanwhile wait for the next run
        if (flagged > 0) {
            log.info("{} listings flagged as due for review", flagged);
        }
    }
}
