package org.bridgeway.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server for the tests, one per JVM, that a test can stop and start again on the same port. */
final class TestMail {

    record Received(String to, String subject, String body) {
    }

    private static final int PORT = freePort();
    private static GreenMail server = started();

    private TestMail() {
    }

    static int port() {
        return PORT;
    }

    static synchronized void stop() {
        server.stop();
    }

    /** Starts the server again on the same port, unless it is running. */
    static synchronized void start() {
        if (!server.isRunning()) {
            server = started();
        }
    }

    static synchronized List<Received> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).map(TestMail::read)
                .filter(mail -> mail.to().equalsIgnoreCase(address)).toList();
    }

    private static Received read(MimeMessage message) {
        try {
            return new Received(message.getAllRecipients()[0].toString(), message.getSubject(), GreenMailUtil.getBody(message));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
