package org.bridgeway.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Bridgeway-Signature} header: {@code t=<unix seconds>,v1=<hex>} where the hex is
 * HMAC-SHA256, keyed with the organisation's webhook secret, over {@code <t>.<body>}. A receiver
 * recomputes it, compares in constant time and refuses a timestamp more than five minutes old,
 * which stops a captured call being replayed.
 */
final class WebhookSignature {

    static final String HEADER = "Bridgeway-Signature";

    private WebhookSignature() {
    }

    static String header(String secret, long epochSecond, byte[] body) {
        return "t=" + epochSecond + ",v1=" + hmac(secret, epochSecond, body);
    }

    static String hmac(String secret, long epochSecond, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSecond + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
