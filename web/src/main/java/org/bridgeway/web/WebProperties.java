package org.bridgeway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiUrl               where the pages read and change data: the gateway, as any API client would
 * @param issuer               the OpenID Connect provider, allowed as a form target for sign-out
 * @param govukFrontendVersion the version of the govuk-frontend WebJar whose files are served
 */
@ConfigurationProperties("bridgeway.web")
public record WebProperties(String apiUrl, String issuer, String govukFrontendVersion) {

    /** The one client registration: the platform's OpenID Connect provider. */
    public static final String REGISTRATION = "bridgeway";
}
