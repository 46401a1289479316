package org.bridgeway.referral.protection;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoKeysTest {

    /** The encryption key of application-local.yml, as published. */
    static final byte[] LOCAL_DEMO_KEY = Base64.getDecoder().decode("bG9jYWwtZGVtby1rZXktbm90LWZvci1yZWFsLWRhdGE=");

    @Test
    void theLocalDemoKeyIsRefusedOutsideTheLocalProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");

        assertThatThrownBy(() -> DemoKeys.refuseOutsideLocal(production, "bridgeway.referrals.encryption.keys.k1", LOCAL_DEMO_KEY))
                .hasMessageContaining("bridgeway.referrals.encryption.keys.k1 is the local demo key");
        assertThatThrownBy(() -> DemoKeys.refuseOutsideLocal(new MockEnvironment(), "the key", LOCAL_DEMO_KEY))
                .as("no profile at all is not the local one").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLocalRunMayUseItAndARandomKeyIsAlwaysFine() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);

        assertThatCode(() -> DemoKeys.refuseOutsideLocal(local, "the key", LOCAL_DEMO_KEY)).doesNotThrowAnyException();
        assertThatCode(() -> DemoKeys.refuseOutsideLocal(new MockEnvironment(), "the key", random)).doesNotThrowAnyException();
    }
}
