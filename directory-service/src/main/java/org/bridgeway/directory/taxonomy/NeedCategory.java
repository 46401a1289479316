package org.bridgeway.directory.taxonomy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The need categories a referral can be for. Codes are stable and shared through the API and the
 * Kafka contracts; labels of the first seven are ReferKent's wording.
 */
public enum NeedCategory {
    FUEL("fuel", "Fuel Advice & Support"),
    HOUSING("housing", "Housing Advice and Support"),
    BENEFITS("benefits", "Benefits Advice"),
    DEBT("debt", "Debt Advice"),
    MONEY_MANAGEMENT("money-management", "Money Management and Budgeting Advice"),
    MENTAL_HEALTH("mental-health", "Mental Health & Wellbeing Advice"),
    FOOD("food", "Food Advice & Support"),
    DIGITAL_INCLUSION("digital-inclusion", "Digital Inclusion"),
    EMPLOYMENT_SKILLS("employment-skills", "Employment and Skills"),
    CARERS("carers", "Support for Carers"),
    FAMILY_SUPPORT("family-support", "Family Support"),
    SOCIAL_CONNECTION("social-connection", "Social Connection"),
    PHYSICAL_ACTIVITY("physical-activity", "Physical Activity"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    NeedCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<NeedCategory> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static String allowedCodes() {
        return String.join(", ", Arrays.stream(values()).map(NeedCategory::code).toList());
    }
}
