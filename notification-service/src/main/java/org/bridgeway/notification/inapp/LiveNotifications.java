package org.bridgeway.notification.inapp;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open Server-Sent Event streams, by the recipients each listens for. A new notification is
 * pushed to the streams of its recipient as event {@code notification}; a comment every 15 s
 * keeps idle connections (and proxies) open. Streams are this instance's; {@link LiveFanOut} brings
 * the notices every instance writes.
 */
@Component
class LiveNotifications {

    /** A stream ends after 15 minutes; the browser's EventSource reconnects, and the token is checked again. */
    private static final long TIME_OUT_MS = 15 * 60 * 1000L;

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    LiveNotifications(MeterRegistry registry) {
        Gauge.builder("bridgeway.notification.streams", this, LiveNotifications::open)
                .description("open live notification streams").register(registry);
    }

    SseEmitter open(List<String> recipients) {
        SseEmitter emitter = new SseEmitter(TIME_OUT_MS);
        recipients.forEach(recipient -> streams.computeIfAbsent(recipient, r -> new CopyOnWriteArraySet<>()).add(emitter));
        Runnable close = () -> recipients.forEach(recipient -> {
            Set<SseEmitter> open = streams.get(recipient);
            if (open != null) {
                open.remove(emitter);
            }
        });
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        // Something at once, so the response starts now: the caller and any proxy between (whose
        // time-out runs to the first byte) know the stream is open before the first notification.
        send(emitter, SseEmitter.event().comment("open"));
        return emitter;
    }

    void publish(Notification notification) {
        for (SseEmitter emitter : streams.getOrDefault(notification.recipient(), Set.of())) {
            send(emitter, SseEmitter.event().name("notification").id(notification.id()).data(notification, MediaType.APPLICATION_JSON));
        }
    }

    @Scheduled(fixedRate = 15_000)
    void keepAlive() {
        streams.values().stream().flatMap(Set::stream).distinct()
                .forEach(emitter -> send(emitter, SseEmitter.event().comment("keep-alive")));
    }

    /** Closes every stream when the service stops; an open stream would hold up its graceful shutdown. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.values().stream().flatMap(Set::stream).distinct().forEach(SseEmitter::complete);
    }

    private int open() {
        return (int) streams.values().stream().flatMap(Set::stream).distinct().count();
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }
}
