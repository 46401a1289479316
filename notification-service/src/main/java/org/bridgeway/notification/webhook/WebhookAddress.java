package org.bridgeway.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether a webhook URL can be used. Its form is checked when an organisation saves it; where it
 * points is checked before each call, so a webhook cannot be aimed at this platform's own
 * network (loopback, private or link-local addresses) unless local addresses are allowed, as in
 * the one-command run.
 */
public final class WebhookAddress {

    private WebhookAddress() {
    }

    /** @return what is wrong with the URL's form, as the end of a sentence, or empty */
    public static Optional<String> problem(String url) {
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
                return Optional.of("\"" + url + "\" is not an http or https address");
            }
            if (uri.getHost() == null || uri.getUserInfo() != null || url.length() > 2000) {
                return Optional.of("\"" + url + "\" has no host, has a user name in it, or is too long");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("\"" + url + "\" is not a valid URL");
        }
    }

    /** @return why a call to this URL is refused now, or empty when it may be made */
    static Optional<String> refusal(URI uri, boolean allowLocal) throws UnknownHostException {
        if (allowLocal) {
            return Optional.empty();
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("only https webhooks are called");
        }
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            byte[] bytes = address.getAddress();
            boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
            boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierGradeNat) {
                return Optional.of("the webhook's host is on a local or private network");
            }
        }
        return Optional.empty();
    }
}
