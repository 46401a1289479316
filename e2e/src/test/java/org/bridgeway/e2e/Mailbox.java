package org.bridgeway.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Someone's inbox on the local stack's mail server, read over IMAP (login and password: the address). */
final class Mailbox {

    record Mail(String subject, String text) {
    }

    private Mailbox() {
    }

    static List<Mail> of(int imapPort, String address) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("localhost", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(new Mail(message.getSubject(), text(message)));
            }
            inbox.close(false);
            return mails;
        } catch (MessagingException | IOException e) {
            return List.of(); // no mailbox yet: nothing has been sent to the address
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
        }
        return text.toString();
    }
}
