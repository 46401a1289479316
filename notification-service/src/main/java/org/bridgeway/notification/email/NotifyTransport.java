package org.bridgeway.notification.email;

import java.util.Map;

import org.bridgeway.notification.delivery.DeliveryFailure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Email through GOV.UK Notify with its official client. Notify sends only from templates kept in
 * the service's Notify account: ours is one template whose subject is {@code ((subject))} and
 * whose body is {@code ((body))}, and its id is {@code bridgeway.notification.notify.email-template-id}.
 * Notify's 4xx answers (bad key, bad address, template not found) are permanent, except 429; the
 * rest are tried again.
 */
@Component
@ConditionalOnProperty(name = "bridgeway.notification.email.transport", havingValue = "notify")
class NotifyTransport implements EmailTransport {

    private final NotificationClient notify;
    private final String templateId;

    NotifyTransport(@Value("${bridgeway.notification.notify.api-key}") String apiKey,
                    @Value("${bridgeway.notification.notify.base-url:https://api.notifications.service.gov.uk}") String baseUrl,
                    @Value("${bridgeway.notification.notify.email-template-id}") String templateId) {
        this.notify = new NotificationClient(apiKey, baseUrl);
        this.templateId = templateId;
    }

    @Override
    public void send(Email email) throws DeliveryFailure {
        try {
            notify.sendEmail(templateId, email.to(), Map.of("subject", email.subject(), "body", email.text()), email.reference());
        } catch (NotificationClientException e) {
            int status = e.getHttpResult();
            String reason = "GOV.UK Notify answered HTTP " + status;
            throw status >= 400 && status < 500 && status != 429 ? DeliveryFailure.permanent(reason) : DeliveryFailure.temporary(reason);
        }
    }
}
