package org.bridgeway.referral.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.bridgeway.referral.referral.Coverage;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.ReferralSummary;

/**
 * The answer to a submission: the referral's summary, and what the referrer should know about a
 * referral that was nonetheless made, such as a resident outside the service's listed coverage.
 */
record SubmittedReferral(@JsonUnwrapped ReferralSummary referral, List<Warning> warnings) {

    record Warning(String field, String message) {
    }

    static SubmittedReferral of(Referral referral) {
        List<Warning> warnings = switch (referral.coverage()) {
            case OUTSIDE -> List.of(new Warning("resident.postcode", "the resident's area (" + referral.residentArea()
                    + ") may be outside the areas " + referral.serviceName() + " lists as covered; check with them that they can help"));
            case UNKNOWN -> List.of(new Warning("resident.postcode",
                    "whether " + referral.serviceName() + " covers the resident's area could not be checked: the postcode is outside "
                            + "Bridgeway's areas, or the listing names no areas yet"));
            case WITHIN -> List.of();
            case null -> List.of();
        };
        return new SubmittedReferral(ReferralSummary.of(referral), warnings);
    }
}
