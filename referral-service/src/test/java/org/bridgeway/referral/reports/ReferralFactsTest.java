package org.bridgeway.referral.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The report facts, fed events as the projection reads them: in order per referral, sometimes twice. */
class ReferralFactsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    private final ReferralFacts facts = new ReferralFacts();

    @Test
    void aReferralsStagesAndTimesFollowItsEventsAndARepeatChangesNothing() {
        String id = UUID.randomUUID().toString();
        facts.applyAll(List.of(event("submitted", id, 1, MONDAY), event("overdue", id, 2, MONDAY.plus(Duration.ofDays(3)))));
        assertThat(facts.stages[0] & ReferralFacts.OVERDUE_NOW).isNotZero();

        ReferralFacts.Event accepted = event("accepted", id, 3, MONDAY.plus(Duration.ofDays(3).plusHours(2)));
        facts.applyAll(List.of(accepted, accepted, event("completed", id, 4, MONDAY.plus(Duration.ofDays(10)))));

        assertThat(facts.size).isEqualTo(1);
        assertThat(facts.stages[0]).isEqualTo(ReferralFacts.ACCEPTED | ReferralFacts.COMPLETED);
        assertThat(facts.firstResponse[0]).isEqualTo(Durations.bucketOf((3 * 24 + 2) * 60));
        assertThat(facts.completion[0]).isEqualTo(Durations.bucketOf(10 * 24 * 60));
        assertThat(facts.outcomes.value(facts.outcome[0])).isEqualTo("SUPPORT_PROVIDED");

        facts.applyAll(List.of(event("declined", id, 3, MONDAY.plus(Duration.ofDays(4)))));
        assertThat(facts.stages[0] & ReferralFacts.DECLINED).as("an older sequence is a repeat").isZero();
    }

    @Test
    void eventsOfAReferralWhoseSubmissionWasNotReadAreNotCounted() {
        facts.applyAll(List.of(event("accepted", UUID.randomUUID().toString(), 2, MONDAY),
                event("submitted", "not-a-uuid", 1, MONDAY)));
        assertThat(facts.size).isZero();
    }

    @Test
    void aHundredThousandReferralsEachFindTheirOwnRow() {
        List<String> ids = new ArrayList<>();
        List<ReferralFacts.Event> submitted = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            submitted.add(event("submitted", id, 1, MONDAY));
        }
        facts.applyAll(submitted);
        facts.applyAll(List.of(event("declined", ids.get(77_777), 2, MONDAY.plus(Duration.ofHours(5)))));

        assertThat(facts.size).isEqualTo(100_000);
        assertThat(facts.stages[77_777]).isEqualTo(ReferralFacts.DECLINED);
        assertThat(facts.firstResponse[77_776]).isEqualTo(-1);
        assertThat(facts.reasons.value(facts.declineReason[77_777])).isEqualTo("NO_CAPACITY");
    }

    private static ReferralFacts.Event event(String change, String id, long sequence, Instant at) {
        return new ReferralFacts.Event(change, id, sequence, "fuel", "gillingham", "org-1", "svc-1", "org-2", "ROUTINE",
                "declined".equals(change) ? "NO_CAPACITY" : null, "completed".equals(change) ? "SUPPORT_PROVIDED" : null, at);
    }
}
