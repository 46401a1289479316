package org.bridgeway.notification.notice;

/** What a notice is about; people choose their channels per kind. */
public enum NoticeKind {
    REFERRAL_RECEIVED("New referral"),
    REFERRAL_ACCEPTED("Referral accepted"),
    REFERRAL_DECLINED("Referral declined"),
    REFERRAL_STARTED("Work started on a referral"),
    REFERRAL_ON_HOLD("Referral on hold"),
    REFERRAL_RESUMED("Work resumed on a referral"),
    REFERRAL_COMPLETED("Referral completed"),
    REFERRAL_CANCELLED("Referral cancelled"),
    REFERRAL_OVERDUE("Referral overdue"),
    REFERRAL_EXPIRED("Referral expired"),
    REFERRAL_MESSAGE("New message on a referral"),
    LISTING_REVIEW_DUE("Listing due for review"),
    SETTINGS_INVALID("Notification settings need attention"),
    WEBHOOK_SWITCHED_OFF("Webhook switched off"),
    /** The day's emails gathered into one, for people who asked for a digest. */
    DAILY_DIGEST("Your Bridgeway daily digest");

    private final String title;

    NoticeKind(String title) {
        this.title = title;
    }

    /** A short title, used as an email subject. */
    public String title() {
        return title;
    }
}
