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

    /** The fields of the directory's snapshot this service uses; the rest are ignored. */
    record ServiceSnapshot(String serviceId, long sequence, String organisationId, String name, List<String> categories,
                           String status, String referralPathway, String capacity) {
    }

    private final DirectoryReplica replica;
    private final JsonMapper json;

    DirectoryListener(DirectoryReplica replica, JsonMapper json) {
        this.replica = replica;
        this.json = json;
    }

    @KafkaListener(topics = "directory.services.v1")
    void onServiceSnapshot(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        if (!SERVICE_SNAPSHOT.equals(event.getType())) {
            throw new UnreadableEventException("unknown event type " + event.getType());
        }
        ServiceSnapshot s;
        try {
            s = json.readValue(event.getData().toBytes(), ServiceSnapshot.class);
        } catch (JacksonException | NullPointerException e) {
            throw new UnreadableEventException("unreadable " + SERVICE_SNAPSHOT + " " + event.getId());
        }
        replica.apply(new ListingReplica(s.serviceId(), s.sequence(), s.organisationId(), s.name(), s.categories(),
                s.status(), s.referralPathway(), s.capacity()));
    }
}
