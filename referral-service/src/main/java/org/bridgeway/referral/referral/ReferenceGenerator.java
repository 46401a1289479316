package org.bridgeway.referral.referral;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Short references people can read out on the phone: {@code BW-} and five characters of
 * Crockford's base 32 (no I, L, O or U to mistake), about 33 million values. A unique index
 * catches the rare repeat and the caller draws again.
 */
@Component
public class ReferenceGenerator {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] chars = new char[5];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return "BW-" + new String(chars);
    }
}
