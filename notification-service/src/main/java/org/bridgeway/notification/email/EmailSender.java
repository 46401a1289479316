package org.bridgeway.notification.email;

import org.bridgeway.notification.delivery.Channel;
import org.bridgeway.notification.delivery.Delivery;
import org.bridgeway.notification.delivery.DeliveryFailure;
import org.bridgeway.notification.delivery.Sender;
import org.springframework.stereotype.Component;

/** Sends an email delivery: written from the templates, handed to the configured transport. */
@Component
class EmailSender implements Sender {

    private final EmailTemplates templates;
    private final EmailTransport transport;

    EmailSender(EmailTemplates templates, EmailTransport transport) {
        this.templates = templates;
        this.transport = transport;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryFailure {
        transport.send(templates.write(delivery));
    }
}
