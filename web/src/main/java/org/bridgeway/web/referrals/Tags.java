package org.bridgeway.web.referrals;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** How a referral's status reads and looks, and what each side may do next (the life cycle of ARCHITECTURE.md). */
@Component("tags")
public class Tags {

    static final List<String> STATUSES = List.of("SUBMITTED", "ACCEPTED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "DECLINED", "CANCELLED", "EXPIRED");

    private static final Map<String, String> WORDS = Map.of("SUBMITTED", "Waiting for a response", "ACCEPTED", "Accepted",
            "IN_PROGRESS", "In progress", "ON_HOLD", "On hold", "COMPLETED", "Completed", "DECLINED", "Declined",
            "CANCELLED", "Cancelled", "EXPIRED", "Expired: no response");

    private static final Map<String, String> COLOURS = Map.of("SUBMITTED", "govuk-tag--blue", "ACCEPTED", "govuk-tag--turquoise",
            "IN_PROGRESS", "govuk-tag--light-blue", "ON_HOLD", "govuk-tag--yellow", "COMPLETED", "govuk-tag--green",
            "DECLINED", "govuk-tag--red", "CANCELLED", "govuk-tag--grey", "EXPIRED", "govuk-tag--orange");

    /** The receiving organisation's next steps from each status. */
    private static final Map<String, List<String>> PROVIDER_ACTIONS = Map.of("SUBMITTED", List.of("accept", "decline"),
            "ACCEPTED", List.of("start", "complete"), "IN_PROGRESS", List.of("hold", "complete"), "ON_HOLD", List.of("resume", "complete"));

    /** The reasons and outcomes the API accepts, in the order a person reads them. */
    private static final Map<String, List<String>> CHOICES = Map.of(
            "decline", List.of("NOT_ELIGIBLE", "NO_CAPACITY", "OUT_OF_AREA", "SERVICE_NOT_SUITABLE", "ALREADY_SUPPORTED", "UNABLE_TO_CONTACT", "DUPLICATE", "OTHER"),
            "complete", List.of("SUPPORT_PROVIDED", "PARTLY_SUPPORTED", "NO_LONGER_NEEDED", "UNABLE_TO_CONTACT", "NOT_ELIGIBLE", "REFERRED_ELSEWHERE"),
            "cancel", List.of("NO_LONGER_NEEDED", "CONSENT_WITHDRAWN", "REFERRED_IN_ERROR", "REFERRED_ELSEWHERE", "DUPLICATE", "OTHER"));

    private static final List<String> OPEN = List.of("SUBMITTED", "ACCEPTED", "IN_PROGRESS", "ON_HOLD");

    private static final Map<String, String> BUTTONS = Map.of("accept", "Accept referral", "decline", "Decline referral",
            "start", "Start work", "hold", "Put on hold", "resume", "Resume work", "complete", "Complete referral", "cancel", "Cancel referral");

    public String button(String action) {
        return BUTTONS.getOrDefault(action, action);
    }

    public String status(Object status) {
        return WORDS.getOrDefault(String.valueOf(status), String.valueOf(status));
    }

    public String colour(Object status) {
        return COLOURS.getOrDefault(String.valueOf(status), "govuk-tag--grey");
    }

    public List<String> providerActions(Object status) {
        return PROVIDER_ACTIONS.getOrDefault(String.valueOf(status), List.of());
    }

    public boolean open(Object status) {
        return OPEN.contains(String.valueOf(status));
    }

    /** An onward referral may start from any status but the closed-without-help ones. */
    public boolean onwardAllowed(Object status) {
        return open(status) || "COMPLETED".equals(String.valueOf(status));
    }

    /** The reasons (decline, cancel) or outcomes (complete) a step offers. */
    public List<String> choices(String action) {
        return CHOICES.getOrDefault(action, List.of());
    }

    public List<String> statuses() {
        return STATUSES;
    }
}
