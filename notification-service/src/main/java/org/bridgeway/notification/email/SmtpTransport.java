package org.bridgeway.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.bridgeway.notification.delivery.DeliveryFailure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email through an SMTP relay ({@code spring.mail.*}; the local stack's by default). A relay that
 * cannot be reached is a temporary failure; an address the relay refuses is a permanent one.
 */
@Component
@ConditionalOnProperty(name = "bridgeway.notification.email.transport", havingValue = "smtp", matchIfMissing = true)
class SmtpTransport implements EmailTransport {

    private final JavaMailSender mail;
    private final String from;

    SmtpTransport(JavaMailSender mail, @Value("${bridgeway.notification.email.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(Email email) throws DeliveryFailure {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            mail.send(message);
        } catch (MailSendException e) {
            boolean refused = e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance)
                    && e.getFailedMessages().values().stream().map(SendFailedException.class::cast)
                    .anyMatch(failed -> failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0);
            throw refused ? DeliveryFailure.permanent("the mail server refused the address")
                    : DeliveryFailure.temporary("the mail server could not take the email: " + rootCause(e));
        } catch (MailException e) {
            throw DeliveryFailure.temporary("the mail server could not take the email: " + rootCause(e));
        } catch (MessagingException e) {
            throw DeliveryFailure.permanent("the email could not be written: " + e.getClass().getSimpleName());
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
