package org.cancelportal.webhook.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.cancelportal.webhook.control.WebhookProblem.Reason;

/**
 * Where webhooks may go: an https address on the public internet. A URL that names or resolves to a private,
 * loopback, link-local or otherwise internal address is refused, so an endpoint cannot turn the portal against the
 * network it runs in; the same check is made again when a delivery connects, against a name that resolves elsewhere
 * by then. With webhooks.allow-loopback, a receiver on this machine is allowed too, over http or https.
 */
public final class WebhookTargets {

    private final boolean allowLoopback;

    public WebhookTargets(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** What is wrong with the URL as a webhook target, in words for the operator; empty when nothing is. */
    public Optional<String> problem(String url) {
        return check(url).map(WebhookProblem::english);
    }

    /** What is wrong with the URL as a webhook target, by its reason; empty when nothing is. */
    public Optional<WebhookProblem> check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(WebhookProblem.url(Reason.NOT_A_URL, e.getReason()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(WebhookProblem.url(Reason.NOT_ABSOLUTE_HTTPS, null));
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of(WebhookProblem.url(Reason.CREDENTIALS_IN_URL, null));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of(WebhookProblem.url(Reason.UNKNOWN_HOST, uri.getHost()));
        }
        for (InetAddress address : addresses) {
            Optional<WebhookProblem> refused = refused(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        boolean local = addresses[0].isLoopbackAddress();
        if (!scheme.equals("https") && !(allowLoopback && local)) {
            return Optional.of(WebhookProblem.url(Reason.HTTPS_ONLY, null));
        }
        return Optional.empty();
    }

    /** Why a delivery may not connect to this address, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        return refused(address).map(WebhookProblem::english);
    }

    private Optional<WebhookProblem> refused(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty()
                    : Optional.of(WebhookProblem.url(Reason.THIS_SERVER, address.getHostAddress()));
        }
        if (isInternal(address)) {
            return Optional.of(WebhookProblem.url(Reason.PRIVATE_NETWORK, address.getHostAddress()));
        }
        return Optional.empty();
    }

    private static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xFE) == 0xFC; // unique local, fc00::/7
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, 100.64.0.0/10
                || (first == 192 && second == 0 && (bytes[2] & 0xFF) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                || first >= 240; // reserved and broadcast
    }
}
