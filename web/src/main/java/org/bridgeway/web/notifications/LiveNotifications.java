package org.bridgeway.web.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

import org.bridgeway.web.Gateway;
import org.bridgeway.web.WebProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream for the badge and the notifications page: a browser's EventSource cannot send
 * a bearer token, so the page's server opens the notification stream through the gateway with
 * the person's token and passes each event on. When either side goes away, both are closed; the
 * browser reconnects by itself.
 */
@RestController
class LiveNotifications {

    private static final Logger log = LoggerFactory.getLogger(LiveNotifications.class);
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(15);

    private final Gateway gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI upstream;

    LiveNotifications(Gateway gateway, WebProperties properties) {
        this.gateway = gateway;
        this.upstream = URI.create(properties.apiUrl() + "/api/notifications/stream");
    }

    @GetMapping(path = "/notifications/stream", produces = "text/event-stream")
    SseEmitter stream() {
        String token = gateway.accessToken();
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Thread.ofVirtual().name("live-notifications").start(() -> relay(token, emitter));
        return emitter;
    }

    private void relay(String token, SseEmitter emitter) {
        HttpRequest request = HttpRequest.newBuilder(upstream).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").timeout(STREAM_LIFETIME).build();
        try {
            HttpResponse<Stream<String>> answer = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (answer.statusCode() != 200) {
                answer.body().close();
                emitter.complete();
                return;
            }
            try (Stream<String> lines = answer.body()) {
                String event = "message";
                for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        emitter.send(SseEmitter.event().name(event).data(line.substring(5).strip()));
                        event = "message";
                    } else if (line.startsWith(":")) {
                        emitter.send(SseEmitter.event().comment("keep-alive"));
                    }
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException closed) {
            // The browser left (the send failed) or the stream ended: both sides are closed.
            log.debug("Live notifications relay ended: {}", closed.getMessage());
            emitter.complete();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }
}
