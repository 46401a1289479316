package org.bridgeway.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due, several at once: a success is recorded as sent, a failure is
 * tried again later with back-off, and a delivery that keeps failing (or cannot succeed) is
 * parked. So email waits out an SMTP outage and goes when the server is back.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Longer than a batch can take: 50 sends, 8 at a time, each at most about 13 s (connect and answer time-outs). */
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final int BATCH = 50;

    private final Deliveries deliveries;
    private final Map<Channel, Sender> senders;
    private final DeliveryPolicy policy;
    private final DeliveryMetrics metrics;
    private final DeadLetters deadLetters;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService sending;

    DeliveryWorker(Deliveries deliveries, List<Sender> senders, DeliveryPolicy policy, DeliveryMetrics metrics,
                   DeadLetters deadLetters, ApplicationEventPublisher events, Clock clock) {
        this.deliveries = deliveries;
        this.senders = senders.stream().collect(Collectors.toMap(Sender::channel, Function.identity()));
        this.policy = policy;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.events = events;
        this.clock = clock;
        this.sending = Executors.newFixedThreadPool(policy.concurrency(), Thread.ofPlatform().name("delivery-", 1).daemon().factory());
    }

    @Scheduled(fixedDelayString = "${bridgeway.notification.delivery.poll-every:500ms}")
    void sendDue() {
        try {
            List<Delivery> due;
            do {
                due = deliveries.claimDue(clock.instant(), BATCH, LEASE);
                List<Delivery> sent = sendAll(due);
                deliveries.sent(sent.stream().map(Delivery::id).toList(), clock.instant());
                sent.forEach(d -> metrics.sent(d.channel(), d.digest().isEmpty() ? d.notice().occurredAt() : null));
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            // The store is unreachable: the claimed deliveries come due again when their lease ends.
            log.warn("Sending due deliveries stopped: {}", e.getMessage());
        }
    }

    /** Sends a batch, {@code concurrency} at a time; returns those that went. */
    private List<Delivery> sendAll(List<Delivery> batch) {
        List<Callable<Boolean>> sends = batch.stream().<Callable<Boolean>>map(delivery -> () -> send(delivery)).toList();
        List<Delivery> sent = new ArrayList<>();
        try {
            List<Future<Boolean>> results = sending.invokeAll(sends);
            for (int i = 0; i < batch.size(); i++) {
                if (results.get(i).get()) {
                    sent.add(batch.get(i));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        return sent;
    }

    @PreDestroy
    void stop() {
        sending.shutdownNow();
    }

    /**
     * @return true when it went; a failure is scheduled again or parked here. Never throws, so
     * one delivery's trouble cannot keep the batch's successes from being recorded.
     */
    private boolean send(Delivery delivery) {
        int attempts = delivery.attempts() + 1;
        DeliveryFailure failure;
        try {
            senders.get(delivery.channel()).send(delivery);
            return true;
        } catch (DeliveryFailure e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = DeliveryFailure.temporary("unexpected " + e.getClass().getSimpleName());
            log.warn("{} delivery {} failed unexpectedly", delivery.channel(), delivery.id(), e);
        }
        metrics.failed(delivery.channel());
        try {
            if (failure.permanent() || attempts >= policy.attempts()) {
                park(delivery, attempts, failure.getMessage());
            } else {
                Instant next = clock.instant().plus(policy.waitAfter(attempts));
                deliveries.retryAt(delivery.id(), attempts, failure.getMessage(), next);
                metrics.retried(delivery.channel());
                log.info("{} delivery {} failed (attempt {}), trying again at {}: {}", delivery.channel(), delivery.id(), attempts, next,
                        failure.getMessage());
            }
        } catch (RuntimeException e) {
            // Recording the failure failed: the lease runs out and the delivery is tried again.
            log.warn("Could not record the failure of {} delivery {}: {}", delivery.channel(), delivery.id(), e.getMessage());
        }
        return false;
    }

    private void park(Delivery delivery, int attempts, String reason) {
        deliveries.parked(delivery.id(), attempts, reason);
        metrics.parked(delivery.channel());
        deadLetters.park(delivery, attempts, reason, clock.instant());
        events.publishEvent(new DeliveryParked(delivery, reason));
    }
}
