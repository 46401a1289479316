package org.bridgeway.referral.reports;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes each provider's responsiveness over the last twelve months ("usually replies within
 * N days", "% of referrals accepted") on the compacted {@code referral.responsiveness.v1}, key
 * {@code service:<id>} or {@code organisation:<id>}, so the directory can show it on listings as
 * Joy's do. Once the projection has read the history, then every {@code publish-every} (an hour),
 * only what changed. The figures are as disclosure control leaves them: under five referrals
 * give no rate.
 */
@Component
class ResponsivenessPublisher {

    static final String TOPIC = "referral.responsiveness.v1";
    static final String TYPE = "org.bridgeway.referral.responsiveness.v1";
    private static final Logger log = LoggerFactory.getLogger(ResponsivenessPublisher.class);

    /** The payload: whose figures, over which period, and the figures. */
    record ProviderResponsiveness(String subject, String id, String periodFrom, String periodTo, Disclosure.Count referrals,
                                  Integer usuallyRepliesWithinDays, Double acceptedPercent) {
    }

    private final Reports reports;
    private final ReportProjection projection;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration every;
    private final Map<String, ProviderResponsiveness> published = new HashMap<>();
    private Instant lastRun;

    ResponsivenessPublisher(Reports reports, ReportProjection projection, KafkaTemplate<String, byte[]> kafka, JsonMapper json, Clock clock,
                            @Value("${bridgeway.reports.publish-responsiveness-every:PT1H}") Duration every) {
        this.reports = reports;
        this.projection = projection;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
        this.every = every;
    }

    @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
    synchronized void publishIfDue() {
        Instant now = clock.instant();
        if (!projection.ready() || (lastRun != null && lastRun.plus(every).isAfter(now))) {
            return;
        }
        try {
            int sent = publish("service", true) + publish("organisation", false);
            lastRun = now;
            if (sent > 0) {
                log.info("Published the responsiveness of {} providers and listings", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Publishing responsiveness failed, trying again shortly: {}", e.getMessage());
        }
    }

    private int publish(String subject, boolean byService) {
        ReportFilter lastYear = ReportFilter.lastTwelveMonths(clock);
        int sent = 0;
        for (Reports.ResponsivenessRow row : reports.responsiveness(lastYear, byService).rows()) {
            String key = subject + ":" + row.id();
            ProviderResponsiveness figures = new ProviderResponsiveness(subject, row.id(), lastYear.from().toString(), lastYear.to().toString(),
                    row.referrals(), row.usuallyRepliesWithinDays(), row.acceptedPercent());
            if (figures.equals(published.get(key))) {
                continue; // the period moves on daily, so every figure is published again at least once a day
            }
            CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType(TYPE)
                    .withSource(URI.create("/bridgeway/referral-service")).withSubject(key).withTime(clock.instant().atOffset(java.time.ZoneOffset.UTC))
                    .withData("application/json", json.writeValueAsBytes(figures)).build();
            kafka.send(KafkaMessageFactory.<String>createWriter(TOPIC, key).writeBinary(event)).join();
            published.put(key, figures);
            sent++;
        }
        return sent;
    }
}
