package org.bridgeway.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ContractsTest {

    @Test
    void theReferralEventSchemaRefusesResidentDataAndAcceptsItsExamples() {
        String withName = new String(Contracts.example("org.bridgeway.referral.submitted.v1"), StandardCharsets.UTF_8)
                .replace("\"category\"", "\"residentName\": \"Jo Bloggs\", \"category\"");

        assertThat(Contracts.violations("org.bridgeway.referral.event.v1", withName.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(Contracts.violations("org.bridgeway.referral.event.v1", Contracts.example("org.bridgeway.referral.submitted.v1"))).isEmpty();
        for (String type : new String[] {"accepted", "declined", "completed"}) {
            assertThat(Contracts.violations("org.bridgeway.referral.event.v1", Contracts.example("org.bridgeway.referral." + type + ".v1")))
                    .as(type).isEmpty();
        }
        String completedWithoutOutcome = new String(Contracts.example("org.bridgeway.referral.completed.v1"), StandardCharsets.UTF_8)
                .replace("\"SUPPORT_PROVIDED\"", "null");
        assertThat(Contracts.violations("org.bridgeway.referral.event.v1", completedWithoutOutcome.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }
}
