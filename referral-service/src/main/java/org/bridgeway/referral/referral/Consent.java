package org.bridgeway.referral.referral;

import java.time.Instant;

/** The resident's consent to be referred: how and when it was given, and who recorded it. */
public record Consent(Method method, Instant recordedAt, String recordedBy) {

    public enum Method { VERBAL, WRITTEN, ELECTRONIC }
}
