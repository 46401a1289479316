package org.bridgeway.web.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralDraftTest {

    @Test
    void theStepsAreAskedInOrderUntilEachIsAnswered() {
        ReferralDraft draft = new ReferralDraft("service-1", "Green Doctors", List.of("fuel"));
        assertThat(draft.nextStep()).isEqualTo("need");
        draft.answered("need");
        draft.answered("resident");
        assertThat(draft.nextStep()).isEqualTo("contact");
        draft.answered("contact");
        draft.answered("consent");
        assertThat(draft.nextStep()).isEqualTo("check");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConsentedDraftBecomesTheSubmissionTheApiTakes() {
        ReferralDraft draft = filled();
        draft.basis = "CONSENT";
        draft.consentMethod = "VERBAL";

        Map<String, Object> body = draft.submission();

        assertThat(body).containsEntry("serviceId", "service-1").containsEntry("category", "fuel").doesNotContainKey("lawfulBasis");
        assertThat((Map<String, Object>) body.get("consent")).containsEntry("given", true).containsEntry("method", "VERBAL");
        assertThat((Map<String, Object>) body.get("resident")).containsEntry("dateOfBirth", "1988-04-02").containsEntry("postcode", "ME7 1AA");
    }

    @Test
    void anotherLawfulBasisIsSentInsteadOfConsent() {
        ReferralDraft draft = filled();
        draft.basis = "SAFEGUARDING";
        draft.explanation = "At risk; cannot be asked safely";

        assertThat(draft.submission()).doesNotContainKey("consent").containsKey("lawfulBasis");
    }

    private static ReferralDraft filled() {
        ReferralDraft draft = new ReferralDraft("service-1", "Green Doctors", List.of("fuel"));
        draft.category = "fuel";
        draft.urgency = "URGENT";
        draft.reason = "Energy bills";
        draft.name = "Kerry Ashdown";
        draft.dateOfBirth = LocalDate.of(1988, 4, 2);
        draft.postcode = "ME7 1AA";
        draft.contactPreference = "PHONE";
        draft.recordedAt = Instant.parse("2026-11-23T10:00:00Z");
        return draft;
    }
}
