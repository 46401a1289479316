package org.bridgeway.localstack;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;

/** The topics of ARCHITECTURE.md, with the settings a single local broker can give them. */
final class Topics {

    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");
    /** Referral events are kept for ever so projections can be rebuilt by replaying them. */
    private static final Map<String, String> KEPT = Map.of("retention.ms", "-1");
    /** A live signal only (the notices themselves are in notification-service's store): an hour. */
    private static final Map<String, String> BRIEF = Map.of("retention.ms", "3600000");

    static final List<NewTopic> ALL = List.of(
            topic("directory.services.v1", 3, COMPACTED),
            topic("directory.organisations.v1", 3, COMPACTED),
            topic("referral.events.v1", 6, KEPT),
            // Providers' responsiveness, from referral-service's reports to the directory's listings.
            topic("referral.responsiveness.v1", 3, COMPACTED),
            // In-app notices as written, to every notification-service instance's live streams.
            topic("notification.inapp.v1", 3, BRIEF),
            // Dead letters: one topic per consuming service and source topic.
            topic("directory.services.v1.referral-service.dlt", 1, KEPT),
            topic("referral.events.v1.notification-service.dlt", 1, KEPT),
            topic("directory.services.v1.notification-service.dlt", 1, KEPT),
            topic("directory.organisations.v1.notification-service.dlt", 1, KEPT),
            // Notifications given up on after their retries (the delivery, the reason; no address).
            topic("notification.deliveries.dlt", 1, KEPT));

    private Topics() {
    }

    private static NewTopic topic(String name, int partitions, Map<String, String> configs) {
        return new NewTopic(name, partitions, (short) 1).configs(configs);
    }
}
