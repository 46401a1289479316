package org.bridgeway.directory.responsiveness;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the newest responsiveness of each listing and organisation from the compacted
 * referral.responsiveness.v1 (key {@code service:<id>} or {@code organisation:<id>}) in the
 * {@code responsiveness} collection. Something unreadable is skipped: the next hour's figures
 * replace it.
 */
@Component
class ResponsivenessListener {

    static final String COLLECTION = "responsiveness";
    private static final String TYPE = "org.bridgeway.referral.responsiveness.v1";

    record Figures(String subject, String id, String periodFrom, String periodTo, Object referrals, Integer usuallyRepliesWithinDays,
                   Double acceptedPercent) {
    }

    private final MongoTemplate mongo;
    private final JsonMapper json;

    ResponsivenessListener(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @KafkaListener(topics = "referral.responsiveness.v1")
    void onResponsiveness(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        if (!TYPE.equals(event.getType()) || event.getData() == null) {
            return;
        }
        try {
            Figures f = json.readValue(event.getData().toBytes(), Figures.class);
            if (!"service".equals(f.subject()) && !"organisation".equals(f.subject()) || f.id() == null) {
                return;
            }
            mongo.save(new Responsiveness(f.subject() + ":" + f.id(), f.subject(), f.id(), f.periodFrom(), f.periodTo(), f.referrals(),
                    f.usuallyRepliesWithinDays(), f.acceptedPercent()), COLLECTION);
        } catch (JacksonException e) {
            // unreadable figures: the next publication replaces them
        }
    }
}
