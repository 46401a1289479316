package org.bridgeway.localstack;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;

/**
 * A real SMTP server with IMAP beside it. Mail to any address is accepted and kept in memory;
 * any mail client reads it with the address as login and password. Each mailbox keeps its
 * newest {@value #KEPT_PER_MAILBOX} messages: every referral sends mail, and under load kept mail
 * would otherwise fill the heap this process shares with the store and the broker.
 */
final class MailServer implements AutoCloseable {

    static final int KEPT_PER_MAILBOX = 1000;

    private final GreenMail greenMail;
    private final ScheduledExecutorService trimming;

    private MailServer(GreenMail greenMail, ScheduledExecutorService trimming) {
        this.greenMail = greenMail;
        this.trimming = trimming;
    }

    static MailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        // Without authentication every recipient gets a mailbox whose login and password are its address.
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        ScheduledExecutorService trimming = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("mail-trimming").factory());
        MailServer server = new MailServer(greenMail, trimming);
        trimming.scheduleWithFixedDelay(() -> server.keepNewest(KEPT_PER_MAILBOX), 10, 10, TimeUnit.SECONDS);
        return server;
    }

    /** Drops all but the newest {@code count} messages of every mailbox. */
    void keepNewest(int count) {
        try {
            for (MailFolder mailbox : greenMail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
                long[] uids = mailbox.getMessageUids();
                if (uids.length > count) {
                    Arrays.sort(uids); // ascending: the oldest first
                    for (int i = 0; i < uids.length - count; i++) {
                        mailbox.setFlags(new Flags(Flags.Flag.DELETED), true, uids[i], null, false);
                    }
                    mailbox.expunge();
                }
            }
        } catch (FolderException | RuntimeException e) {
            System.err.println("local-stack: dropping old mail failed, will try again: " + e);
        }
    }

    @Override
    public void close() {
        trimming.shutdownNow();
        greenMail.stop();
    }
}
