package org.bridgeway.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReferralTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Actor SAM = new Actor("sam.prescriber", Actor.Role.REFERRER, "medway-sps");
    static final Actor GEMMA = new Actor("gemma.greendoctors", Actor.Role.PROVIDER, "green-doctors");
    static final Actor CARL = new Actor("carl.citizensadvice", Actor.Role.PROVIDER, "citizens-advice");

    static Referral submitted() {
        var resident = new Resident("Jo Bloggs", LocalDate.of(1988, 4, 2), "ME7 1AA", null, null,
                Resident.ContactPreference.PHONE, "en", false);
        var submission = new Referral.Submission("service-1", "Green Doctors Energy Advice", "green-doctors", "fuel",
                Urgency.ROUTINE, "Energy bill rose", new Consent(Consent.Method.VERBAL, NOW, "sam.prescriber"), resident);
        return Referral.submit("referral-1", "BW-7K3Q9", submission, SAM, null, NOW);
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
        var resident = new Resident("Jo", LocalDate.of(1988, 4, 2), "ME7 1AA", null, null, Resident.ContactPreference.PHONE, "en", false);
        var submission = new Referral.Submission("s", "n", "o", "fuel", Urgency.ROUTINE, "r", new Consent(Consent.Method.VERBAL, NOW, "x"), resident);
        assertThatThrownBy(() -> Referral.submit("id", "BW-00000", submission, GEMMA, null, NOW)).isInstanceOf(ReferralRuleException.class);
    }

    @Test
    void theResidentIsNeverPrinted() {
        assertThat(submitted().resident().toString()).doesNotContain("Jo Bloggs", "ME7");
    }
}
