package org.cancelportal.webhook.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

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
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("This is not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("Give an absolute https URL, such as https://hooks.example.com/cancel-portal.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("Leave out user name, password and #fragment: sign requests with the secret instead.");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("The host " + uri.getHost() + " cannot be found.");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        boolean local = addresses[0].isLoopbackAddress();
        if (!scheme.equals("https") && !(allowLoopback && local)) {
            return Optional.of("Webhooks are sent over https only.");
        }
        return Optional.empty();
    }

    /** Why a delivery may not connect to this address, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty()
                    : Optional.of("The URL points to this server itself (" + address.getHostAddress() + ").");
        }
        if (isInternal(address)) {
            return Optional.of("The URL points into a private network (" + address.getHostAddress()
                    + "); webhooks go to addresses on the public internet only.");
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
