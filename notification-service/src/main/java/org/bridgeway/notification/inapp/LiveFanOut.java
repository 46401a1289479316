package org.bridgeway.notification.inapp;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Brings each notice written to the live streams of every instance, whichever instance wrote it:
 * a person's stream may be open on another instance than the one that handled the event. Notices
 * go to {@code notification.inapp.v1} (reference, what happened and a link: no resident data), and
 * every instance reads it in a consumer group of its own from the newest record. Only a live
 * signal: the list in the store stays the truth, read again by a page when its stream reconnects.
 */
@Component
class LiveFanOut {

    static final String TOPIC = "notification.inapp.v1";
    static final String LISTENER = "live-fan-out";
    private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final LiveNotifications live;

    LiveFanOut(KafkaTemplate<String, byte[]> kafka, JsonMapper json, LiveNotifications live) {
        this.kafka = kafka;
        this.json = json;
        this.live = live;
    }

    void announce(List<Notification> written) {
        written.forEach(notification -> kafka.send(TOPIC, notification.recipient(), json.writeValueAsBytes(notification)));
    }

    @KafkaListener(id = LISTENER, topics = TOPIC, groupId = "#{'notification-live-' + T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void onNotice(ConsumerRecord<String, byte[]> record) {
        // Never retried: a live signal that cannot be shown is skipped, and the list still has it.
        try {
            live.publish(json.readValue(record.value(), Notification.class));
        } catch (RuntimeException e) {
            log.warn("Skipped a live notice at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getClass().getSimpleName());
        }
    }
}
