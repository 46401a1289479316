package org.bridgeway.referral.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboxConfig {

    @Bean
    OutboxSource referralEvents() {
        return new OutboxSource("referrals", "referral.events.v1");
    }
}
