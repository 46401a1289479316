package org.bridgeway.referral.referral;

import java.time.Instant;

/**
 * The lawful basis for the referral: normally the resident's consent (how and when given);
 * where consent cannot be sought, another basis with the professional's explanation.
 */
public record Consent(Basis basis, Method method, Instant recordedAt, String recordedBy, PrivateText explanation) {

    public enum Basis { CONSENT, VITAL_INTERESTS, SAFEGUARDING, PUBLIC_TASK, LEGAL_OBLIGATION }

    public enum Method { VERBAL, WRITTEN, ELECTRONIC }

    public static Consent given(Method method, Instant recordedAt, String recordedBy) {
        return new Consent(Basis.CONSENT, method, recordedAt, recordedBy, null);
    }
}
