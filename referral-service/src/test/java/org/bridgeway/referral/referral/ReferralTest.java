package org.bridgeway.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReferralTest {

    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z"); // a Friday afternoon
    static final ResponseTimes TIMES = new ResponseTimes(
            new WorkingDays(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)), WorkingDays.LONDON), 3, Duration.ofDays(14));
    static final Actor SAM = new Actor("sam.prescriber", Actor.Role.REFERRER, "medway-sps");
    static final Actor GEMMA = new Actor("gemma.greendoctors", Actor.Role.PROVIDER, "green-doctors");
    static final Actor CARL = new Actor("carl.citizensadvice", Actor.Role.PROVIDER, "citizens-advice");

    static Referral submitted() {
        var resident = new Resident("Jo Bloggs", LocalDate.of(1988, 4, 2), "ME7 1AA", null, null,
                Resident.ContactPreference.PHONE, "en", false, null);
        var submission = new Referral.Submission("service-1", "Green Doctors Energy Advice", "green-doctors", "fuel",
                Urgency.ROUTINE, "Energy bill rose", Consent.given(Consent.Method.VERBAL, NOW, "sam.prescriber"), resident, "key-1", "gillingham", Coverage.WITHIN, null, false);
        return Referral.submit("referral-1", "BW-7K3Q9", submission, SAM, null, TIMES, NOW);
    }

    @Test
    void aSubmittedReferralRegistersItsEventWithSequenceOne() {
        Referral referral = submitted();

        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.pendingEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("org.bridgeway.referral.submitted.v1");
            assertThat(e.sequence()).isEqualTo(1);
        });
    }

    @Test
    void theReceivingOrganisationAcceptsAndTheChangeIsKeptInTheHistory() {
        Referral referral = submitted();

        referral.accept(GEMMA, NOW.plusSeconds(60));

        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.version()).isEqualTo(2);
        assertThat(referral.history()).last().satisfies(h -> {
            assertThat(h.userId()).isEqualTo("gemma.greendoctors");
            assertThat(h.from()).isEqualTo(ReferralStatus.SUBMITTED);
            assertThat(h.to()).isEqualTo(ReferralStatus.ACCEPTED);
        });
        assertThat(referral.pendingEvents()).extracting(e -> e.type())
                .containsExactly("org.bridgeway.referral.submitted.v1", "org.bridgeway.referral.accepted.v1");
    }

    @Test
    void anotherOrganisationOrTheReferrerCannotAccept() {
        Referral referral = submitted();

        assertThatThrownBy(() -> referral.accept(CARL, NOW)).isInstanceOf(Referral.NotReceivingOrganisationException.class);
        assertThatThrownBy(() -> referral.accept(SAM, NOW)).isInstanceOf(Referral.NotReceivingOrganisationException.class);
        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
    }

    @Test
    void anAcceptedReferralCannotBeAcceptedAgain() {
        Referral referral = submitted();
        referral.accept(GEMMA, NOW);

        assertThatThrownBy(() -> referral.accept(GEMMA, NOW)).isInstanceOf(ReferralRuleException.class);
        assertThat(referral.version()).isEqualTo(2);
    }

    @Test
    void onlyAReferrerSubmits() {
        var resident = new Resident("Jo", LocalDate.of(1988, 4, 2), "ME7 1AA", null, null, Resident.ContactPreference.PHONE, "en", false, null);
        var submission = new Referral.Submission("s", "n", "o", "fuel", Urgency.ROUTINE, "r", Consent.given(Consent.Method.VERBAL, NOW, "x"), resident, null, null, Coverage.UNKNOWN, null, false);
        assertThatThrownBy(() -> Referral.submit("id", "BW-00000", submission, GEMMA, null, TIMES, NOW)).isInstanceOf(ReferralRuleException.class);
    }

    @Test
    void theResidentIsNeverPrinted() {
        assertThat(submitted().resident().toString()).doesNotContain("Jo Bloggs", "ME7");
    }

    @Test
    void aReferralIsWorkedThroughToAnOutcomeAndEveryStepIsAnEvent() {
        Referral referral = submitted();
        referral.accept(GEMMA, NOW);
        referral.start(GEMMA, "Called the family", NOW);
        referral.putOnHold(GEMMA, "No answer for a week", NOW);
        referral.resume(GEMMA, null, NOW);
        referral.complete(GEMMA, Outcome.SUPPORT_PROVIDED, "Payment plan and social tariff", NOW);

        assertThat(referral.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(referral.version()).isEqualTo(6);
        assertThat(referral.history()).extracting(HistoryEntry::change).containsExactly(Change.SUBMITTED, Change.ACCEPTED,
                Change.STARTED, Change.PUT_ON_HOLD, Change.RESUMED, Change.COMPLETED);
        assertThat(referral.history().getLast().outcome()).isEqualTo(Outcome.SUPPORT_PROVIDED);
        assertThat(referral.pendingEvents()).extracting(e -> e.type()).containsExactly(
                "org.bridgeway.referral.submitted.v1", "org.bridgeway.referral.accepted.v1", "org.bridgeway.referral.started.v1",
                "org.bridgeway.referral.put-on-hold.v1", "org.bridgeway.referral.resumed.v1", "org.bridgeway.referral.completed.v1");
        assertThat(referral.pendingEvents()).extracting(e -> ((ReferralEvent) e.data()).sequence()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void declineNeedsAReasonAndCompletionAnOutcome() {
        Referral referral = submitted();
        assertThatThrownBy(() -> referral.decline(GEMMA, null, "no", NOW)).isInstanceOf(ReferralRuleException.class);
        referral.decline(GEMMA, DeclineReason.OUT_OF_AREA, "We cover Kent only", NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(((ReferralEvent) referral.pendingEvents().getLast().data()).reasonCode()).isEqualTo("OUT_OF_AREA");

        Referral other = submitted();
        other.accept(GEMMA, NOW);
        assertThatThrownBy(() -> other.complete(GEMMA, null, null, NOW)).isInstanceOf(ReferralRuleException.class);
        assertThat(other.status()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    @Test
    void illegalStepsAreRefusedAndChangeNothing() {
        Referral referral = submitted();
        assertThatThrownBy(() -> referral.start(GEMMA, null, NOW)).isInstanceOf(ReferralRuleException.class);
        assertThatThrownBy(() -> referral.resume(GEMMA, null, NOW)).isInstanceOf(ReferralRuleException.class);
        assertThatThrownBy(() -> referral.complete(GEMMA, Outcome.SUPPORT_PROVIDED, null, NOW)).isInstanceOf(ReferralRuleException.class);
        referral.cancel(SAM, CancelReason.NO_LONGER_NEEDED, null, NOW);
        assertThatThrownBy(() -> referral.accept(GEMMA, NOW)).isInstanceOf(ReferralRuleException.class);
        assertThatThrownBy(() -> referral.cancel(SAM, CancelReason.OTHER, null, NOW)).isInstanceOf(ReferralRuleException.class);
        assertThat(referral.version()).isEqualTo(2);
    }

    @Test
    void onlyTheReferrerWhoSentItCancels() {
        Referral referral = submitted();
        Actor colleague = new Actor("someone.else", Actor.Role.REFERRER, "medway-sps");
        assertThatThrownBy(() -> referral.cancel(GEMMA, CancelReason.OTHER, null, NOW)).isInstanceOf(Referral.NotReceivingOrganisationException.class);
        assertThatThrownBy(() -> referral.cancel(colleague, CancelReason.OTHER, null, NOW)).isInstanceOf(Referral.NotReceivingOrganisationException.class);
        assertThatThrownBy(() -> referral.cancel(SAM, null, null, NOW)).isInstanceOf(ReferralRuleException.class);
    }

    @Test
    void aResponseIsDueInThreeWorkingDaysAndAnUnansweredReferralExpiresAfterTwoWeeks() {
        Referral referral = submitted(); // Friday 15:00

        assertThat(referral.responseDueAt()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z")); // Wednesday 15:00
        assertThat(referral.expiresAt()).isEqualTo(Instant.parse("2026-12-04T15:00:00Z"));
        assertThat(referral.markOverdue(Instant.parse("2026-11-25T14:59:00Z"))).isFalse();
        assertThat(referral.markOverdue(Instant.parse("2026-11-25T15:00:00Z"))).isTrue();
        assertThat(referral.markOverdue(Instant.parse("2026-11-26T10:00:00Z"))).as("overdue once").isFalse();
        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.expire(Instant.parse("2026-12-04T15:00:00Z"))).isTrue();
        assertThat(referral.status()).isEqualTo(ReferralStatus.EXPIRED);
        assertThat(referral.pendingEvents()).extracting(e -> e.type()).containsExactly(
                "org.bridgeway.referral.submitted.v1", "org.bridgeway.referral.overdue.v1", "org.bridgeway.referral.expired.v1");
    }

    @Test
    void workingDaysSkipWeekendsAndBankHolidays() {
        Instant christmasEve = Instant.parse("2026-12-24T09:00:00Z"); // Thursday; 25th and 28th are bank holidays
        assertThat(TIMES.calendar().plus(christmasEve, 3)).isEqualTo(Instant.parse("2026-12-31T09:00:00Z"));
    }

    @Test
    void anAcceptedReferralIsNotExpired() {
        Referral referral = submitted();
        referral.accept(GEMMA, NOW);
        assertThat(referral.expire(NOW.plus(Duration.ofDays(30)))).isFalse();
        assertThat(referral.markOverdue(NOW.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void eitherSideWritesOnTheThreadAndTheEventCarriesNoText() {
        Referral referral = submitted();
        referral.postMessage("m1", GEMMA, "Is the family at home on Tuesdays?", NOW);
        referral.postMessage("m2", SAM, "Yes, after 10am", NOW);

        assertThat(referral.messages()).extracting(m -> m.text().text()).containsExactly("Is the family at home on Tuesdays?", "Yes, after 10am");
        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        ReferralEvent event = (ReferralEvent) referral.pendingEvents().getLast().data();
        assertThat(referral.pendingEvents().getLast().type()).isEqualTo("org.bridgeway.referral.message-posted.v1");
        assertThat(event.actorRole()).isEqualTo(Actor.Role.REFERRER);
        assertThat(event.toString()).doesNotContain("10am");
        assertThatThrownBy(() -> referral.postMessage("m3", CARL, "hello", NOW)).isInstanceOf(Referral.NotReceivingOrganisationException.class);
        assertThatThrownBy(() -> referral.postMessage("m4", GEMMA, "  ", NOW)).isInstanceOf(ReferralRuleException.class);
    }

    @Test
    void theProviderRefersOnwardSoTheResidentTellsTheirStoryOnce() {
        Referral parent = submitted();
        parent.accept(GEMMA, NOW);
        parent.start(GEMMA, null, NOW);
        var toCouncil = new Referral.Submission("benefits-check", "Benefits check", "medway-council", "benefits", Urgency.ROUTINE,
                "Benefits check and a budget plan", Consent.given(Consent.Method.VERBAL, NOW, "gemma.greendoctors"), null, null, null, Coverage.WITHIN, null, false);

        Referral child = parent.referOnward("referral-2", "BW-ONWRD", toCouncil, GEMMA, IdempotencyKey.NONE, TIMES, NOW);

        assertThat(child.parentReferralId()).isEqualTo("referral-1");
        assertThat(child.resident()).isEqualTo(parent.resident());
        assertThat(child.referrerUserId()).isEqualTo("gemma.greendoctors");
        assertThat(child.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(((ReferralEvent) child.pendingEvents().getFirst().data()).parentReferralId()).isEqualTo("referral-1");
        assertThat(child.visibleTo(GEMMA)).as("the provider who referred onward follows it").isTrue();
        assertThatThrownBy(() -> parent.referOnward("referral-3", "BW-NOPE0", toCouncil, CARL, IdempotencyKey.NONE, TIMES, NOW))
                .isInstanceOf(Referral.NotReceivingOrganisationException.class);
    }

    @Test
    void aDeclinedReferralIsNotReferredOnward() {
        Referral parent = submitted();
        parent.decline(GEMMA, DeclineReason.NO_CAPACITY, null, NOW);
        var elsewhere = new Referral.Submission("s2", "n", "o2", "fuel", Urgency.ROUTINE, "r", Consent.given(Consent.Method.VERBAL, NOW, "x"), null, null, null, Coverage.UNKNOWN, null, false);
        assertThatThrownBy(() -> parent.referOnward("r2", "BW-00001", elsewhere, SAM, IdempotencyKey.NONE, TIMES, NOW)).isInstanceOf(ReferralRuleException.class);
    }

    @Test
    void aClosedReferralIsAnonymisedAfterTheRetentionPeriodAndStillCounts() {
        Referral referral = submitted();
        referral.accept(GEMMA, NOW);
        referral.postMessage("m1", SAM, "Jo is at home on Tuesdays", NOW);
        referral.complete(GEMMA, Outcome.SUPPORT_PROVIDED, "Payment plan for Jo", NOW);
        Duration sevenYears = Duration.ofDays(2557);

        assertThat(referral.anonymise(NOW.plus(Duration.ofDays(30)), sevenYears)).as("too recent").isFalse();
        assertThat(referral.anonymise(NOW.plus(Duration.ofDays(2558)), sevenYears)).isTrue();

        assertThat(referral.resident()).isNull();
        assertThat(referral.reason()).isNull();
        assertThat(referral.messages()).isEmpty();
        assertThat(referral.history()).allSatisfy(h -> assertThat(h.note()).isNull());
        assertThat(referral.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(referral.history().getLast().outcome()).isEqualTo(Outcome.SUPPORT_PROVIDED);
        assertThat(referral.anonymise(NOW.plus(Duration.ofDays(4000)), sevenYears)).as("once").isFalse();
    }

    @Test
    void anOpenReferralIsNeverAnonymised() {
        Referral referral = submitted();
        referral.accept(GEMMA, NOW);
        assertThat(referral.anonymise(NOW.plus(Duration.ofDays(5000)), Duration.ofDays(2557))).isFalse();
        assertThat(referral.resident()).isNotNull();
    }
}
