package org.bridgeway.referral.messaging;

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
 * A message that fails is retried with back-off, then parked on {@code <topic>.referral-service.dlt}
 * with the error in its headers; a message that cannot be read is parked at once. Either way the
 * partition moves on.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfig {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafka, @Value("${spring.application.name}") String service,
                                           MeterRegistry meters) {
        DeadLetterPublishingRecoverer parking = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(record.topic() + "." + service + ".dlt", 0));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxElapsedTime(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            // Counted, so an alert can say a dead-letter topic grows without reading it.
            meters.counter("bridgeway.dead.letters", "topic", record.topic()).increment();
            parking.accept(record, e);
        }, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class, CloudEventRWException.class);
        return handler;
    }
}
