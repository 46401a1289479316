package org.bridgeway.notification.messaging;

import io.cloudevents.rw.CloudEventRWException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A message that cannot be read (unknown type or version, not JSON) is parked at once on
 * {@code <topic>.notification-service.dlt} with the error in its headers and the partition moves
 * on; any other failure is retried with back-off (up to 30 s apart) until it succeeds.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfig {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafka, @Value("${spring.application.name}") String service,
                                           MeterRegistry meters) {
        DeadLetterPublishingRecoverer parking = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(record.topic() + "." + service + ".dlt", 0));
        // Anything but an unreadable message is retried until it succeeds (a store outage, say):
        // parking a readable event would lose its notices. The consumer lag metric shows the wait.
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            // Counted, so an alert can say a dead-letter topic grows without reading it.
            meters.counter("bridgeway.dead.letters", "topic", record.topic()).increment();
            parking.accept(record, e);
        }, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class, CloudEventRWException.class);
        return handler;
    }
}
