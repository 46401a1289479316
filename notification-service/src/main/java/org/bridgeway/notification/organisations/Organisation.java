package org.bridgeway.notification.organisations;

import java.util.List;

import org.bridgeway.notification.notice.Party;

/**
 * This service's copy of an organisation's contact settings, from the directory's newest
 * snapshot: the addresses that receive its referrals, its webhook and the users who administer it.
 */
public record Organisation(String id, long version, String name, List<String> referralEmails, String webhookUrl,
                           List<String> administrators) {

    public Organisation {
        referralEmails = referralEmails == null ? List.of() : List.copyOf(referralEmails);
        administrators = administrators == null ? List.of() : List.copyOf(administrators);
    }

    /** Whom notices about the organisation's own settings go to: its administrators, or its shared inbox when it names none. */
    public List<Party> administratorsOrInbox() {
        return administrators.isEmpty() ? List.of(Party.organisation(id)) : administrators.stream().map(Party::user).toList();
    }
}
