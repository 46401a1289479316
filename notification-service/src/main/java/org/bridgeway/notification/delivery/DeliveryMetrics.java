package org.bridgeway.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * {@code bridgeway.notification.deliveries} counts sends by channel and result (sent, failed,
 * retried, parked); {@code bridgeway.notification.delay} times event to delivery per channel;
 * {@code bridgeway.notification.waiting} is the number of deliveries queued. Consumer lag comes
 * from the Kafka client's own metrics ({@code kafka.consumer.fetch.manager.records.lag.max}).
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Clock clock;

    DeliveryMetrics(MeterRegistry registry, Clock clock, Deliveries deliveries) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder("bridgeway.notification.waiting", deliveries, Deliveries::waiting)
                .description("deliveries waiting to be sent or tried again").register(registry);
    }

    void sent(Channel channel, Instant occurredAt) {
        count(channel, "sent");
        if (occurredAt != null) {
            Timer.builder("bridgeway.notification.delay").description("from the event to its delivery")
                    .tag("channel", channel.name()).publishPercentiles(0.5, 0.95, 0.99)
                    .register(registry).record(Duration.between(occurredAt, clock.instant()));
        }
    }

    void failed(Channel channel) {
        count(channel, "failed");
    }

    void retried(Channel channel) {
        count(channel, "retried");
    }

    void parked(Channel channel) {
        count(channel, "parked");
    }

    private void count(Channel channel, String result) {
        Counter.builder("bridgeway.notification.deliveries").tag("channel", channel.name()).tag("result", result)
                .register(registry).increment();
    }
}
