package org.cancelportal.operator.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin (scheme, host, port) of a URL we would send someone to, so it can be compared with an operator's allowed
 * origins. Anything that is not a plain absolute http(s) URL has no origin and is never allowed: no open redirect
 * through relative paths, "//evil.example", user-info tricks or other schemes.
 */
public final class ReturnUrls {

    private ReturnUrls() {
    }

    public static Optional<String> origin(String url) {
        if (url == null || url.isBlank() || url.length() > 2000 || url.chars().anyMatch(c -> c <= ' ' || c == '\\')) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawUserInfo() != null || uri.getHost() == null
                    || !(scheme.equals("https") || scheme.equals("http"))) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                    || (scheme.equals("http") && port == 80);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
