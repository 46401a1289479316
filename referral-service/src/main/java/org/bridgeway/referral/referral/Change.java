package org.bridgeway.referral.referral;

/**
 * What happened to a referral. Each change is one event type on referral.events.v1
 * ({@code org.bridgeway.referral.<name>.v1}); several may lead to the same status.
 */
public enum Change {
    SUBMITTED("submitted"),
    ACCEPTED("accepted"),
    DECLINED("declined"),
    STARTED("started"),
    PUT_ON_HOLD("put-on-hold"),
    RESUMED("resumed"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    EXPIRED("expired"),
    /** The response is overdue; the status stays SUBMITTED. */
    OVERDUE("overdue"),
    /** A message on the referral's thread; the status stays as it is. */
    MESSAGE_POSTED("message-posted");

    private final String eventName;

    Change(String eventName) {
        this.eventName = eventName;
    }

    public String eventType() {
        return "org.bridgeway.referral." + eventName + ".v1";
    }
}
