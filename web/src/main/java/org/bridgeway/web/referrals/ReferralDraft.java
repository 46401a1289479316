package org.bridgeway.web.referrals;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A referral being written, one step at a time, kept in the person's server-side session until
 * it is sent. Its id is the submission's Idempotency-Key: sending twice (a double click, a
 * reload of the check page) creates one referral.
 */
public class ReferralDraft implements Serializable {

    final String id = UUID.randomUUID().toString();
    final String serviceId;
    final String serviceName;
    final List<String> categories;

    String category;
    String urgency;
    String reason;

    String name;
    LocalDate dateOfBirth;
    String postcode;
    String phone;
    String email;

    String contactPreference;
    String preferredLanguage;
    boolean interpreterNeeded;
    String accessibilityNeeds;
    String householdContext;
    boolean safeguardingConcern;

    /** CONSENT, or another lawful basis (VITAL_INTERESTS, SAFEGUARDING ...). */
    String basis;
    String consentMethod;
    String explanation;
    Instant recordedAt;

    ReferralDraft(String serviceId, String serviceName, List<String> categories) {
        this.serviceId = serviceId;
        this.serviceName = serviceName;
        this.categories = List.copyOf(categories);
    }

    /** The steps in order; a step counts once its answers passed its checks. */
    static final List<String> STEPS = List.of("need", "resident", "contact", "consent");

    private final Set<String> answered = new HashSet<>();

    void answered(String step) {
        answered.add(step);
    }

    /** A step whose new answers failed its checks counts as unanswered until they pass. */
    void unanswered(String step) {
        answered.remove(step);
    }

    /** Which step to show next: the first one not yet answered, or the check page. */
    String nextStep() {
        return STEPS.stream().filter(step -> !answered.contains(step)).findFirst().orElse("check");
    }

    /** The body of POST /api/referrals. */
    Map<String, Object> submission() {
        Map<String, Object> resident = new LinkedHashMap<>();
        resident.put("name", name);
        resident.put("dateOfBirth", dateOfBirth.toString());
        resident.put("postcode", postcode);
        resident.put("phone", phone);
        resident.put("email", email);
        resident.put("contactPreference", contactPreference);
        resident.put("preferredLanguage", preferredLanguage);
        resident.put("interpreterNeeded", interpreterNeeded);
        resident.put("accessibilityNeeds", accessibilityNeeds);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceId", serviceId);
        body.put("category", category);
        body.put("urgency", urgency);
        body.put("reason", reason);
        body.put("resident", resident);
        body.put("householdContext", householdContext);
        body.put("safeguardingConcern", safeguardingConcern);
        if ("CONSENT".equals(basis)) {
            body.put("consent", Map.of("given", true, "method", consentMethod, "recordedAt", recordedAt.toString()));
        } else {
            body.put("lawfulBasis", Map.of("basis", basis, "recordedAt", recordedAt.toString(), "explanation", explanation));
        }
        return body;
    }

    // Getters for the pages.
    public String getServiceId() { return serviceId; }
    public String getServiceName() { return serviceName; }
    public List<String> getCategories() { return categories; }
    public String getCategory() { return category; }
    public String getUrgency() { return urgency; }
    public String getReason() { return reason; }
    public String getName() { return name; }
    public LocalDate getDateOfBirth() { return dateOfBirth; }
    public String getPostcode() { return postcode; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getContactPreference() { return contactPreference; }
    public String getPreferredLanguage() { return preferredLanguage; }
    public boolean isInterpreterNeeded() { return interpreterNeeded; }
    public String getAccessibilityNeeds() { return accessibilityNeeds; }
    public String getHouseholdContext() { return householdContext; }
    public boolean isSafeguardingConcern() { return safeguardingConcern; }
    public String getBasis() { return basis; }
    public String getConsentMethod() { return consentMethod; }
    public String getExplanation() { return explanation; }
    public Instant getRecordedAt() { return recordedAt; }
}
