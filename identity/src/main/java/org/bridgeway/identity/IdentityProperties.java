package org.bridgeway.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signingKeyFile where the RSA signing key is kept, so tokens survive a restart
 * @param peopleFile     where the people who can sign in are kept, with their password hashes
 * @param audience       the {@code aud} every Bridgeway service expects in an access token
 * @param demoPassword   the password of every demo user and of their client-credentials clients (local profile only)
 * @param webRedirectUris where the browser client may be sent back to after sign-in
 * @param webPostLogoutRedirectUris where the browser client may be sent back to after sign-out
 * @param webClientSecret the browser client's secret, which only the web server holds
 * @param webSessionTimeToLive how long the browser client may renew its access tokens (its refresh
 *                            token's life): a working day, after which people sign in again
 */
@ConfigurationProperties("bridgeway.identity")
public record IdentityProperties(
        Path signingKeyFile,
        Path peopleFile,
        String audience,
        Duration accessTokenTimeToLive,
        String demoPassword,
        List<String> webRedirectUris,
        List<String> webPostLogoutRedirectUris,
        String webClientSecret,
        Duration webSessionTimeToLive,
        List<DemoUser> users) {

    public IdentityProperties {
        users = users == null ? List.of() : users;
    }
}
