package org.cancelportal.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test server's own log folder, as an operator's log collector would read it: messages.log (JSON records, as the
 * test server runs with log.format=json), FFDC reports and anything else the server writes there.
 */
public final class ServerLog {

    public static final Path FOLDER = Path.of("target/liberty/wlp/usr/servers",
            System.getProperty("it.server.name", "cancelportal-it"), "logs");

    private ServerLog() {
    }

    /** Every line of messages.log. */
    public static List<String> lines() {
        try {
            return Files.readAllLines(FOLDER.resolve("messages.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON records of messages.log (the lines before the server read its configuration are plain text). */
    public static List<JsonObject> records() {
        return lines().stream().dropWhile(line -> !line.startsWith("{"))
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
    }

    /** Everything in the log folder as text, every file: messages.log, FFDC reports, traces. */
    public static String everything() {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
