package org.bridgeway.notification.preferences;

import java.util.Set;

import org.bridgeway.notification.delivery.Channel;
import org.bridgeway.notification.notice.NoticeKind;

/**
 * What one person wants: every kind of notice on every channel unless switched off, and email
 * either at once or gathered into one daily digest.
 */
public record Preferences(String id, Set<Switch> off, Digest emailDigest) {

    public enum Digest { IMMEDIATE, DAILY }

    /** One kind of notice on one channel. */
    public record Switch(NoticeKind kind, Channel channel) {
    }

    public Preferences {
        off = off == null ? Set.of() : Set.copyOf(off);
        emailDigest = emailDigest == null ? Digest.IMMEDIATE : emailDigest;
    }

    static Preferences defaults(String userId) {
        return new Preferences(userId, Set.of(), Digest.IMMEDIATE);
    }

    public boolean wants(NoticeKind kind, Channel channel) {
        return !off.contains(new Switch(kind, channel));
    }

    public boolean dailyDigest() {
        return emailDigest == Digest.DAILY;
    }
}
