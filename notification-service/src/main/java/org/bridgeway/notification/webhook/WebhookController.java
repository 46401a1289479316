package org.bridgeway.notification.webhook;

import java.time.Instant;

import org.bridgeway.notification.organisations.Organisation;
import org.bridgeway.notification.organisations.Organisations;
import org.bridgeway.notification.security.Caller;
import org.bridgeway.notification.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's webhook as its administrators (and platform admins) see it: the URL, whether
 * it is on, the signing secret; and switching it back on after it was switched off. Anyone else
 * at the organisation gets 403; anyone outside it 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/notifications/organisations/{organisationId}/webhook")
class WebhookController {

    record WebhookView(String url, boolean enabled, Instant switchedOffAt, String switchedOffReason, String secret,
                       String signatureHeader) {
    }

    private final Webhooks webhooks;
    private final Organisations organisations;

    WebhookController(Webhooks webhooks, Organisations organisations) {
        this.webhooks = webhooks;
        this.organisations = organisations;
    }

    @GetMapping
    WebhookView get(@PathVariable String organisationId, @AuthenticationPrincipal Jwt jwt) {
        administeredBy(organisationId, Caller.of(jwt));
        return view(organisationId);
    }

    @PostMapping("/switch-on")
    WebhookView switchOn(@PathVariable String organisationId, @AuthenticationPrincipal Jwt jwt) {
        administeredBy(organisationId, Caller.of(jwt));
        webhooks.switchOn(organisationId);
        return view(organisationId);
    }

    private WebhookView view(String organisationId) {
        WebhookSettings settings = webhooks.find(organisationId)
                .orElseThrow(() -> new NotFoundException("webhook of organisation", organisationId));
        return new WebhookView(settings.url(), settings.enabled(), settings.switchedOffAt(), settings.switchedOffReason(),
                settings.secret(), WebhookSignature.HEADER + ": t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>");
    }

    private void administeredBy(String organisationId, Caller caller) {
        Organisation organisation = organisations.find(organisationId)
                .orElseThrow(() -> new NotFoundException("organisation", organisationId));
        if (caller.isAdmin()) {
            return;
        }
        if (!organisationId.equals(caller.organisationId())) {
            throw new NotFoundException("organisation", organisationId);
        }
        if (!organisation.administrators().contains(caller.userId())) {
            throw new AccessDeniedException("not an administrator of the organisation");
        }
    }
}
