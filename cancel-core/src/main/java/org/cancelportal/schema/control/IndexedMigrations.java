package org.cancelportal.schema.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the migrations named in {@code db/migration/index.txt} instead of letting it scan the class path:
 * inside an application server the scan can silently find nothing. A unit test keeps the index and the folder equal.
 */
public final class IndexedMigrations implements ResourceProvider {

    public static final String FOLDER = "db/migration/";
    public static final String INDEX = FOLDER + "index.txt";

    private final ClassLoader classLoader;
    private final List<String> fileNames;

    public IndexedMigrations(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.fileNames = readIndex(classLoader);
    }

    public List<String> fileNames() {
        return fileNames;
    }

    @Override
    public LoadableResource getResource(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return fileNames.contains(fileName) ? new Migration(fileName) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return fileNames.stream()
                .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                .<LoadableResource>map(Migration::new)
                .toList();
    }

    private static List<String> readIndex(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " is missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Migration extends LoadableResource {

        private final String fileName;

        Migration(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public Reader read() {
            InputStream in = classLoader.getResourceAsStream(FOLDER + fileName);
            if (in == null) {
                throw new IllegalStateException("Migration " + FOLDER + fileName + " is listed but missing");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + fileName;
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public String getRelativePath() {
            return fileName;
        }
    }
}
