package org.cancelportal.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationIndexTest {

    @Test
    void theIndexListsEveryMigrationFileInOrder() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            onDisk = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .sorted()
                    .toList();
        }
        List<String> indexed = new IndexedMigrations(getClass().getClassLoader()).fileNames();
        assertEquals(onDisk, indexed.stream().sorted().toList(), "db/migration/index.txt and the folder differ");
    }
}
