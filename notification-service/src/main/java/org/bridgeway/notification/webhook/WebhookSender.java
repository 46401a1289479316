package org.bridgeway.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.bridgeway.notification.delivery.Channel;
import org.bridgeway.notification.delivery.Delivery;
import org.bridgeway.notification.delivery.DeliveryFailure;
import org.bridgeway.notification.delivery.Sender;
import org.bridgeway.notification.notice.Notice;
import org.bridgeway.notification.notice.Party;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a notice as JSON to the organisation's webhook, signed (see {@link WebhookSignature}).
 * Any 2xx answer is success; anything else, or no answer within 10 s, is tried again later.
 */
@Component
class WebhookSender implements Sender {

    /** The body of a webhook call: what happened, the referral's reference and a link; never resident data. */
    record WebhookCall(String id, String deliveryId, String kind, String subjectId, String reference, String message, String link,
                       Instant occurredAt) {
    }

    private final Webhooks webhooks;
    private final JsonMapper json;
    private final Clock clock;
    private final String linkBase;
    private final boolean allowLocal;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookSender(Webhooks webhooks, JsonMapper json, Clock clock,
                  @Value("${bridgeway.notification.link-base-url}") String linkBase,
                  @Value("${bridgeway.notification.webhook.allow-local-addresses:false}") boolean allowLocal) {
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
        this.linkBase = linkBase;
        this.allowLocal = allowLocal;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryFailure {
        String organisationId = Party.ofRecipient(delivery.recipient()).id();
        WebhookSettings settings = webhooks.find(organisationId)
                .filter(held -> delivery.address().equals(held.url()))
                .orElseThrow(() -> DeliveryFailure.permanent("the organisation no longer has this webhook"));
        if (!settings.enabled()) {
            throw DeliveryFailure.permanent("the webhook is switched off");
        }
        Notice notice = delivery.notice();
        byte[] body = json.writeValueAsBytes(new WebhookCall(notice.eventId(), delivery.id(), notice.kind().name(), notice.subjectId(),
                notice.reference(), notice.message(), linkBase + notice.link(), notice.occurredAt()));
        try {
            URI uri = URI.create(settings.url());
            Optional<String> refused = WebhookAddress.refusal(uri, allowLocal);
            if (refused.isPresent()) {
                throw DeliveryFailure.permanent(refused.get());
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Bridgeway-Webhooks/1")
                    .header("Bridgeway-Delivery", delivery.id())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(settings.secret(), clock.instant().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw DeliveryFailure.temporary("the webhook answered HTTP " + status);
            }
        } catch (IOException e) {
            throw DeliveryFailure.temporary("the webhook could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.temporary("interrupted");
        } catch (IllegalArgumentException e) {
            throw DeliveryFailure.permanent("the webhook URL is not valid");
        }
    }
}
