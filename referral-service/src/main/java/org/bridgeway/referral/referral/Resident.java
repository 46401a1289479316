package org.bridgeway.referral.referral;

import java.time.LocalDate;

/** The person referred. Personal data: it stays in this service and never goes on Kafka or in logs. */
public record Resident(String name, LocalDate dateOfBirth, String postcode, String phone, String email,
                       ContactPreference contactPreference, String preferredLanguage, boolean interpreterNeeded,
                       String accessibilityNeeds) {

    public enum ContactPreference { PHONE, EMAIL, SMS, POST, DO_NOT_CONTACT }

    @Override
    public String toString() {
        return "Resident[personal data withheld]";
    }
}
