package org.bridgeway.notification.organisations;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.bridgeway.notification.webhook.WebhookAddress;

/** What is wrong, if anything, with an organisation's referral email addresses and webhook URL. */
public final class ContactSettings {

    private ContactSettings() {
    }

    public static boolean isEmailAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
            return address.indexOf('@') > 0 && address.substring(address.indexOf('@')).contains(".");
        } catch (AddressException e) {
            return false;
        }
    }

    /** Each problem as a sentence naming the setting, for the organisation's administrators. */
    static List<String> problems(Organisation organisation) {
        List<String> problems = new ArrayList<>();
        for (String address : organisation.referralEmails()) {
            if (!isEmailAddress(address)) {
                problems.add("the referral email address \"" + address + "\" is not a valid email address");
            }
        }
        if (organisation.webhookUrl() != null) {
            WebhookAddress.problem(organisation.webhookUrl())
                    .ifPresent(problem -> problems.add("the webhook URL " + problem));
        }
        return problems;
    }
}
