package org.bridgeway.referral;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"bridgeway.outbox.sweep-interval=1s", "bridgeway.outbox.full-sweep-interval=1s", "bridgeway.referrals.deadline-check-interval=1s",
        "bridgeway.referrals.encryption.active-key-id=test", "bridgeway.referrals.encryption.keys.test=" + ReferralServiceContract.TEST_KEY,
        "bridgeway.referrals.encryption.matching-key=" + ReferralServiceContract.TEST_KEY,
        "bridgeway.referrals.retention=1d", "bridgeway.referrals.retention-check-interval=1s"})
class ReferralServiceOnEmbeddedInfrastructureTest extends ReferralServiceContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry);
    }
}
