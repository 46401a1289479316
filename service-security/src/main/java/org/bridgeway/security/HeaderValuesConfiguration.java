package org.bridgeway.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** Spring Security's strict firewall, with its header value rule checked by {@link HeaderValues}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class HeaderValuesConfiguration {

    @Bean
    WebSecurityCustomizer headerValuesChecked() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderValues::allowed);
        return web -> web.httpFirewall(firewall);
    }
}
