package org.bridgeway.referral.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A keyed hash of a resident's name and date of birth, so earlier referrals of the same person
 * can be found without storing or searching their details in the clear. "Jo  Bloggs" and
 * "jo bloggs" match; the key stays in configuration, so the hash cannot be recomputed from a
 * guessed name elsewhere.
 */
@Component
public class ResidentMatching {

    private final SecretKeySpec key;

    ResidentMatching(@Value("${bridgeway.referrals.encryption.matching-key:}") String base64Key, Environment environment) {
        if (base64Key.isBlank()) {
            throw new IllegalStateException("bridgeway.referrals.encryption.matching-key must be set (base64 of 32 random bytes)");
        }
        byte[] bytes = Base64.getDecoder().decode(base64Key);
        DemoKeys.refuseOutsideLocal(environment, "bridgeway.referrals.encryption.matching-key", bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public String keyFor(String name, LocalDate dateOfBirth) {
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((normalised + "|" + dateOfBirth).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
