package org.bridgeway.referral.protection;

import java.nio.charset.StandardCharsets;

import org.springframework.core.env.Environment;

/**
 * The demo keys of {@code application-local.yml} are published with the code, so they protect
 * nothing: outside the local profile the service refuses to start with one. They read as text
 * beginning "local-demo", which no random key does, so the check needs no copy of them.
 */
final class DemoKeys {

    private DemoKeys() {
    }

    static void refuseOutsideLocal(Environment environment, String setting, byte[] key) {
        if (!environment.matchesProfiles("local") && new String(key, StandardCharsets.ISO_8859_1).startsWith("local-demo")) {
            throw new IllegalStateException(setting + " is the local demo key, published with the code: outside the local profile "
                    + "set a key of your own (base64 of 32 random bytes)");
        }
    }
}
