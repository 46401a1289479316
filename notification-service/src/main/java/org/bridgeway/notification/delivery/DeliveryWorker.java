package org.bridgeway.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bridgeway.notification.delivery.Delivery.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due, one at a time: a success is recorded as sent, a failure is
 * tried again later with back-off, and a delivery that keeps failing (or cannot succeed) is
 * parked. So email waits out an SMTP outage and goes when the server is back.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 100;

    private final Deliveries deliveries;
    private final Map<Channel, Sender> senders;
    private final DeliveryPolicy policy;
    private final DeliveryMetrics metrics;
    private final DeadLetters deadLetters;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryWorker(Deliveries deliveries, List<Sender> senders, DeliveryPolicy policy, DeliveryMetrics metrics,
                   DeadLetters deadLetters, ApplicationEventPublisher events, Clock clock) {
        this.deliveries = deliveries;
        this.senders = senders.stream().collect(Collectors.toMap(Sender::channel, Function.identity()));
        this.policy = policy;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bridgeway.notification.delivery.poll-every:500ms}")
    void sendDue() {
        try {
            List<String> due;
            do {
                due = deliveries.claimDue(clock.instant(), BATCH, LEASE);
                due.forEach(this::send);
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            // The store is unreachable: the claimed deliveries come due again when their lease ends.
            log.warn("Sending due deliveries stopped: {}", e.getMessage());
        }
    }

    private void send(String id) {
        Delivery delivery = deliveries.find(id);
        if (delivery == null || delivery.status() != Status.PENDING) {
            return;
        }
        int attempts = delivery.attempts() + 1;
        try {
            senders.get(delivery.channel()).send(delivery);
            deliveries.sent(id, attempts, clock.instant());
            metrics.sent(delivery.channel(), delivery.digest().isEmpty() ? delivery.notice().occurredAt() : null);
        } catch (DeliveryFailure failure) {
            metrics.failed(delivery.channel());
            if (failure.permanent() || attempts >= policy.attempts()) {
                park(delivery, attempts, failure.getMessage());
            } else {
                Instant next = clock.instant().plus(policy.waitAfter(attempts));
                deliveries.retryAt(id, attempts, failure.getMessage(), next);
                metrics.retried(delivery.channel());
                log.info("{} delivery {} failed (attempt {}), trying again at {}: {}", delivery.channel(), id, attempts, next,
                        failure.getMessage());
            }
        }
    }

    private void park(Delivery delivery, int attempts, String reason) {
        deliveries.parked(delivery.id(), attempts, reason);
        metrics.parked(delivery.channel());
        deadLetters.park(delivery, attempts, reason, clock.instant());
        events.publishEvent(new DeliveryParked(delivery, reason));
    }
}
