package org.bridgeway.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server with IMAP beside it. Mail to any address is accepted and kept in memory;
 * any mail client reads it with the address as login and password.
 */
final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        // Without authentication every recipient gets a mailbox whose login and password are its address.
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailServer(greenMail);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
