package org.bridgeway.notification.messaging;

import io.cloudevents.CloudEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads an event's JSON payload; one that cannot be read is parked, not retried. */
public final class EventBodies {

    private EventBodies() {
    }

    public static <T> T read(JsonMapper json, CloudEvent event, Class<T> type) {
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (JacksonException | NullPointerException e) {
            throw new UnreadableEventException("unreadable " + event.getType() + " " + event.getId());
        }
    }
}
