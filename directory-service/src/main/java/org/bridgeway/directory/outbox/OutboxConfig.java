package org.bridgeway.directory.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two aggregates that publish through the outbox, and their compacted topics. */
@Configuration(proxyBeanMethods = false)
class OutboxConfig {

    @Bean
    OutboxSource organisationEvents() {
        return new OutboxSource("organisations", "directory.organisations.v1");
    }

    @Bean
    OutboxSource listingEvents() {
        return new OutboxSource("services", "directory.services.v1");
    }
}
