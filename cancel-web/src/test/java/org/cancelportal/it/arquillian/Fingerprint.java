package org.cancelportal.it.arquillian;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;
import org.jboss.shrinkwrap.api.asset.Asset;

/**
 * A digest of an archive's paths and contents, nested archives by their own content: their zipped form carries the
 * time it was made, so two equal archives would never zip alike.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Archive<?> archive) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            add(digest, archive);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(MessageDigest digest, Archive<?> archive) {
        digest.update(archive.getName().getBytes(StandardCharsets.UTF_8));
        archive.getContent().values().stream()
                .sorted(Comparator.comparing((Node node) -> node.getPath().get()))
                .forEach(node -> add(digest, node));
    }

    private static void add(MessageDigest digest, Node node) {
        digest.update(node.getPath().get().getBytes(StandardCharsets.UTF_8));
        Asset asset = node.getAsset();
        if (asset instanceof ArchiveAsset nested) {
            add(digest, nested.getArchive());
        } else if (asset != null) {
            try (InputStream content = asset.openStream()) {
                digest.update(content.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
