package org.bridgeway.notification.webhook;

import java.time.Clock;
import java.util.List;

import org.bridgeway.notification.delivery.Channel;
import org.bridgeway.notification.delivery.DeliveryParked;
import org.bridgeway.notification.delivery.Dispatcher;
import org.bridgeway.notification.notice.Addressed;
import org.bridgeway.notification.notice.Notice;
import org.bridgeway.notification.notice.NoticeKind;
import org.bridgeway.notification.notice.Party;
import org.bridgeway.notification.organisations.Organisation;
import org.bridgeway.notification.organisations.Organisations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A webhook call given up on after repeated failure switches the organisation's webhook off, and
 * its administrators are told why and how to switch it back on. Calls stop until then, so a dead
 * endpoint does not collect a retry queue.
 */
@Component
class WebhookSwitch {

    private final Webhooks webhooks;
    private final Organisations organisations;
    private final Dispatcher dispatcher;
    private final Clock clock;

    WebhookSwitch(Webhooks webhooks, Organisations organisations, Dispatcher dispatcher, Clock clock) {
        this.webhooks = webhooks;
        this.organisations = organisations;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @EventListener
    void onParked(DeliveryParked parked) {
        if (parked.delivery().channel() != Channel.WEBHOOK) {
            return;
        }
        String organisationId = Party.ofRecipient(parked.delivery().recipient()).id();
        if (!webhooks.switchOff(organisationId, parked.delivery().address(), parked.reason(), clock.instant())) {
            return;
        }
        Organisation organisation = organisations.find(organisationId).orElse(null);
        String name = organisation == null ? "your organisation" : organisation.name();
        Notice notice = new Notice("webhook-off|" + parked.delivery().id(), NoticeKind.WEBHOOK_SWITCHED_OFF, organisationId, name,
                "The webhook of " + name + " was switched off after repeated failure (" + parked.reason()
                        + "). Fix it, then switch it back on in the notification settings, or save a new URL in the directory.",
                "/notifications/organisations/" + organisationId + "/webhook", clock.instant());
        List<Party> administrators = organisation == null ? List.of(Party.organisation(organisationId)) : organisation.administratorsOrInbox();
        dispatcher.dispatch(administrators.stream().map(to -> new Addressed(to, notice)).toList());
    }
}
