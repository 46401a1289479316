package org.bridgeway.referral.directory;

import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.referral.messaging.UnreadableEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the directory replica up to date from the compacted directory.services.v1 topic. */
@Component
class DirectoryListener {

    static final String SERVICE_SNAPSHOT = "org.bridgeway.directory.service.snapshot.v1";
    /** Also on this topic, for notification-service: not a snapshot, nothing to apply. */
    static final String REVIEW_DUE = "org.bridgeway.directory.service.review-due.v1";

    /** The fields of the directory's snapshot this service uses; the rest are ignored. */
    record ServiceSnapshot(String id, long version, String organisationId, String name, List<String> categories,
                           String status, Referral referral, Capacity capacity, ListingReplica.Coverage coverage) {
        record Referral(String pathway, List<String> referrerRoles) {
        }

        record Capacity(String status) {
        }
    }

    private final DirectoryReplica replica;
    private final JsonMapper json;

    DirectoryListener(DirectoryReplica replica, JsonMapper json) {
        this.replica = replica;
        this.json = json;
    }

    /**
     * Its own consumer group, named for the replica's shape: a new shape reads the compacted
     * topic again from the start, so copies made before it fill in their new fields.
     */
    @KafkaListener(topics = "directory.services.v1", groupId = "referral-service.directory-replica-2")
    void onServiceSnapshot(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        if (REVIEW_DUE.equals(event.getType())) {
            return;
        }
        if (!SERVICE_SNAPSHOT.equals(event.getType())) {
            throw new UnreadableEventException("unknown event type " + event.getType());
        }
        ListingReplica listing;
        try {
            ServiceSnapshot s = json.readValue(event.getData().toBytes(), ServiceSnapshot.class);
            listing = new ListingReplica(s.id(), s.version(), s.organisationId(), s.name(), s.categories(),
                    s.status(), s.referral().pathway(), List.copyOf(s.referral().referrerRoles()), s.capacity().status(),
                    new ListingReplica.Coverage(s.coverage().wholeArea(), List.copyOf(s.coverage().areas())));
        } catch (JacksonException | NullPointerException e) {
            throw new UnreadableEventException("unreadable " + SERVICE_SNAPSHOT + " " + event.getId());
        }
        replica.apply(listing);
    }
}
