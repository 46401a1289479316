package org.bridgeway.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall with every default kept but its header value rule checked by
 * {@link HeaderValues}: for the servlet services and for the reactive gateway. Spring Security
 * uses a firewall bean when there is one; a service that declares its own keeps it.
 */
@AutoConfiguration
public class HeaderValuesConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        @Bean
        @ConditionalOnMissingBean
        HttpFirewall httpFirewall() {
            StrictHttpFirewall firewall = new StrictHttpFirewall();
            firewall.setAllowedHeaderValues(HeaderValues::allowed);
            return firewall;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {

        @Bean
        @ConditionalOnMissingBean
        ServerWebExchangeFirewall serverWebExchangeFirewall() {
            StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
            firewall.setAllowedHeaderValues(HeaderValues::allowed);
            return firewall;
        }
    }
}
