package org.bridgeway.notification.email;

import org.bridgeway.notification.delivery.DeliveryFailure;

/**
 * How email leaves: an SMTP relay ({@code bridgeway.notification.email.transport=smtp}, the
 * default) or GOV.UK Notify ({@code notify}).
 */
interface EmailTransport {

    void send(Email email) throws DeliveryFailure;
}
