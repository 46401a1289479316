package org.bridgeway.notification.organisations;

import java.time.Instant;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.notification.delivery.Dispatcher;
import org.bridgeway.notification.messaging.EventBodies;
import org.bridgeway.notification.messaging.UnreadableEventException;
import org.bridgeway.notification.notice.Addressed;
import org.bridgeway.notification.notice.Notice;
import org.bridgeway.notification.notice.NoticeKind;
import org.bridgeway.notification.notice.Party;
import org.bridgeway.notification.webhook.Webhooks;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the directory: organisations' contact settings into the replica (telling the
 * administrators when a setting cannot be used), and review-due notices to the organisation that
 * owns the listing. Listing snapshots are referral-service's business and are skipped.
 */
@Component
class DirectoryListener {

    static final String ORGANISATION_SNAPSHOT = "org.bridgeway.directory.organisation.snapshot.v1";
    static final String SERVICE_SNAPSHOT = "org.bridgeway.directory.service.snapshot.v1";
    static final String REVIEW_DUE = "org.bridgeway.directory.service.review-due.v1";

    record ReviewDue(String serviceId, long sequence, String organisationId, String name, Instant reviewDueSince) {
    }

    private final Organisations organisations;
    private final Webhooks webhooks;
    private final Dispatcher dispatcher;
    private final JsonMapper json;

    DirectoryListener(Organisations organisations, Webhooks webhooks, Dispatcher dispatcher, JsonMapper json) {
        this.organisations = organisations;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @KafkaListener(topics = "directory.organisations.v1")
    void onOrganisation(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        if (!ORGANISATION_SNAPSHOT.equals(event.getType())) {
            throw new UnreadableEventException("unknown event type " + event.getType());
        }
        Organisation organisation = EventBodies.read(json, event, Organisation.class);
        if (!organisations.keep(organisation)) {
            return;
        }
        webhooks.follow(organisation.id(), organisation.webhookUrl());
        List<String> problems = ContactSettings.problems(organisation);
        if (!problems.isEmpty()) {
            Notice notice = new Notice("organisation-settings|" + organisation.id() + "|" + organisation.version(),
                    NoticeKind.SETTINGS_INVALID, organisation.id(), organisation.name(),
                    "Notifications for " + organisation.name() + " cannot use every setting: " + String.join("; ", problems)
                            + ". Other recipients are still notified.",
                    "/directory/organisations/" + organisation.id(), Instant.now());
            dispatcher.dispatch(organisation.administratorsOrInbox().stream().map(to -> new Addressed(to, notice)).toList());
        }
    }

    @KafkaListener(topics = "directory.services.v1")
    void onService(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        if (SERVICE_SNAPSHOT.equals(event.getType())) {
            return;
        }
        if (!REVIEW_DUE.equals(event.getType())) {
            throw new UnreadableEventException("unknown event type " + event.getType());
        }
        ReviewDue due = EventBodies.read(json, event, ReviewDue.class);
        Notice notice = new Notice(event.getId(), NoticeKind.LISTING_REVIEW_DUE, due.serviceId(), due.name(),
                "Your listing " + due.name() + " is due for review: please check it is still right and confirm it.",
                "/directory/services/" + due.serviceId(), due.reviewDueSince());
        dispatcher.dispatch(List.of(new Addressed(Party.organisation(due.organisationId()), notice)));
    }
}
