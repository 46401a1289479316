package org.bridgeway.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 * In-app notices are written here; the rest become deliveries for the worker to send. A batch of
 * notices is written in a few writes, whatever its size.
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

    public void dispatch(List<Addressed> batch) {
        Instant now = clock.instant();
        List<InAppNotices.ForRecipient> inAppNotices = new ArrayList<>();
        List<Delivery> toSend = new ArrayList<>();
        for (Addressed addressed : batch) {
            Notice notice = addressed.notice();
            String recipient = addressed.to().recipient();
            switch (addressed.to().type()) {
                case USER -> {
                    Preferences wanted = preferences.of(addressed.to().id());
                    if (wanted.wants(notice.kind(), Channel.IN_APP)) {
                        inAppNotices.add(new InAppNotices.ForRecipient(notice, recipient));
                    }
                    if (wanted.wants(notice.kind(), Channel.EMAIL)) {
                        people.emailOf(addressed.to().id()).ifPresent(address -> toSend.add(Delivery.of(notice, recipient, Channel.EMAIL,
                                address, wanted.dailyDigest() ? Status.HELD_FOR_DIGEST : Status.PENDING, now)));
                    }
                }
                case ORGANISATION -> {
                    inAppNotices.add(new InAppNotices.ForRecipient(notice, recipient));
                    organisations.find(addressed.to().id()).ifPresent(organisation -> organisation.referralEmails().stream()
                            .filter(ContactSettings::isEmailAddress)
                            .forEach(address -> toSend.add(Delivery.of(notice, recipient, Channel.EMAIL, address, Status.PENDING, now))));
                    webhooks.activeUrl(addressed.to().id())
                            .ifPresent(url -> toSend.add(Delivery.of(notice, recipient, Channel.WEBHOOK, url, Status.PENDING, now)));
                }
            }
        }
        inApp.addAll(inAppNotices).forEach(notice -> metrics.sent(Channel.IN_APP, notice.occurredAt()));
        deliveries.createAll(toSend, now);
    }
}
