package org.bridgeway.notification.delivery;

import java.time.Clock;
import java.time.Instant;

import org.bridgeway.notification.delivery.Delivery.Status;
import org.bridgeway.notification.inapp.InAppNotices;
import org.bridgeway.notification.notice.Addressed;
import org.bridgeway.notification.notice.Notice;
import org.bridgeway.notification.organisations.ContactSettings;
import org.bridgeway.notification.organisations.Organisations;
import org.bridgeway.notification.people.People;
import org.bridgeway.notification.preferences.Preferences;
import org.bridgeway.notification.preferences.PreferencesStore;
import org.bridgeway.notification.webhook.Webhooks;
import org.springframework.stereotype.Component;

/**
 * Which channels carry a notice to its party. A person gets it in the app and by email as their
 * preferences say (email at once or in the daily digest). An organisation gets it in its shared
 * in-app inbox, at each valid referral email address and on its webhook while that is switched on.
 * In-app notices are written here; the rest become deliveries for the worker to send.
 */
@Component
public class Dispatcher {

    private final InAppNotices inApp;
    private final Deliveries deliveries;
    private final Organisations organisations;
    private final Webhooks webhooks;
    private final People people;
    private final PreferencesStore preferences;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    Dispatcher(InAppNotices inApp, Deliveries deliveries, Organisations organisations, Webhooks webhooks, People people,
               PreferencesStore preferences, DeliveryMetrics metrics, Clock clock) {
        this.inApp = inApp;
        this.deliveries = deliveries;
        this.organisations = organisations;
        this.webhooks = webhooks;
        this.people = people;
        this.preferences = preferences;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void dispatch(Addressed addressed) {
        Notice notice = addressed.notice();
        String recipient = addressed.to().recipient();
        switch (addressed.to().type()) {
            case USER -> {
                Preferences wanted = preferences.of(addressed.to().id());
                if (wanted.wants(notice.kind(), Channel.IN_APP)) {
                    writeInApp(notice, recipient);
                }
                if (wanted.wants(notice.kind(), Channel.EMAIL)) {
                    people.emailOf(addressed.to().id()).ifPresent(address -> deliveries.create(Delivery.of(notice, recipient,
                            Channel.EMAIL, address, wanted.dailyDigest() ? Status.HELD_FOR_DIGEST : Status.PENDING, now()), now()));
                }
            }
            case ORGANISATION -> {
                writeInApp(notice, recipient);
                organisations.find(addressed.to().id()).ifPresent(organisation -> organisation.referralEmails().stream()
                        .filter(ContactSettings::isEmailAddress)
                        .forEach(address -> queue(notice, recipient, Channel.EMAIL, address)));
                webhooks.activeUrl(addressed.to().id()).ifPresent(url -> queue(notice, recipient, Channel.WEBHOOK, url));
            }
        }
    }

    private void writeInApp(Notice notice, String recipient) {
        if (inApp.add(notice, recipient)) {
            metrics.sent(Channel.IN_APP, notice.occurredAt());
        }
    }

    private void queue(Notice notice, String recipient, Channel channel, String address) {
        deliveries.create(Delivery.of(notice, recipient, channel, address, Status.PENDING, now()), now());
    }

    private Instant now() {
        return clock.instant();
    }
}
