package org.bridgeway.notification.delivery;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parks a delivery given up on: its record on {@code notification.deliveries.dlt} (no address,
 * no message text: who, what kind, which referral reference, why) and a warning in the log.
 */
@Component
class DeadLetters {

    static final String TOPIC = "notification.deliveries.dlt";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    record ParkedDelivery(String deliveryId, String eventId, Channel channel, String recipient, String kind, String reference,
                          int attempts, String reason, Instant parkedAt) {
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;

    DeadLetters(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    void park(Delivery delivery, int attempts, String reason, Instant now) {
        log.warn("Parked {} delivery {} of {} to {} after {} attempts: {}", delivery.channel(), delivery.id(),
                delivery.notice().kind(), delivery.recipient(), attempts, reason);
        ParkedDelivery parked = new ParkedDelivery(delivery.id(), delivery.notice().eventId(), delivery.channel(),
                delivery.recipient(), delivery.notice().kind().name(), delivery.notice().reference(), attempts, reason, now);
        // The delivery's own record says PARKED whatever happens here; the topic is for operators' tools.
        kafka.send(TOPIC, delivery.id(), json.writeValueAsBytes(parked))
                .whenComplete((sent, e) -> {
                    if (e != null) {
                        log.warn("Could not publish parked delivery {} to {}: {}", delivery.id(), TOPIC, e.getMessage());
                    }
                });
    }
}
