package org.bridgeway.referral.referral;

/**
 * Whether the service's listed coverage took in the resident's area when the referral was made.
 * OUTSIDE is a warning to both sides, not a refusal: services often help people just beyond it.
 */
public enum Coverage {
    WITHIN,
    OUTSIDE,
    /** The resident's postcode district is not in the reference areas. */
    UNKNOWN
}
