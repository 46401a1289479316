package org.bridgeway.referral.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    static final SecretKeySpec OLD = new SecretKeySpec(new byte[32], "AES");
    static final SecretKeySpec NEW = new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(), "AES");

    @Test
    void aValueReadsBackAndNeverLooksTheSameTwice() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", OLD), "k1");

        String first = cipher.encrypt("Jo Bloggs");
        String second = cipher.encrypt("Jo Bloggs");

        assertThat(first).startsWith("k1:").doesNotContain("Jo Bloggs").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("Jo Bloggs");
    }

    @Test
    void valuesWrittenWithAnOldKeyStillReadAfterRotation() {
        String written = new FieldCipher(Map.of("k1", OLD), "k1").encrypt("ME7 1AA");
        FieldCipher rotated = new FieldCipher(Map.of("k1", OLD, "k2", NEW), "k2");

        assertThat(rotated.decrypt(written)).isEqualTo("ME7 1AA");
        assertThat(rotated.encrypt("ME7 1AA")).startsWith("k2:");
    }

    @Test
    void aTamperedValueOrAnUnknownKeyIsRefused() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", OLD), "k1");
        String written = cipher.encrypt("07700 900123");
        char[] chars = written.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> cipher.decrypt(new String(chars))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("k9:" + written.substring(3))).hasMessageContaining("k9");
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", OLD), "k2")).isInstanceOf(IllegalArgumentException.class);
    }
}
