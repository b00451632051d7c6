package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The screens of the main window share one scene, and lookups by fx:id (the UI tests', and CSS #id rules) search
 * the whole scene: an id used by two screens finds whichever comes first. Dialogs have scenes of their own.
 */
class FxIdUniquenessTest {

    private static final List<String> OWN_WINDOW = List.of("importer", "settings");
    private static final Pattern ID = Pattern.compile("fx:id=\"([^\"]+)\"");

    @Test
    void everyIdInTheMainWindowNamesOneNode() throws IOException {
        Map<String, String> firstUse = new TreeMap<>();
        Map<String, String> clashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("fxml"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".fxml")).sorted().toList()) {
                if (OWN_WINDOW.contains(file.getParent().getFileName().toString())) {
                    continue;
                }
                Matcher m = ID.matcher(Files.readString(file));
                while (m.find()) {
                    String id = m.group(1);
                    if (id.equals("root")) {
                        continue; // each view's own root, reached through its controller, never looked up
                    }
                    String previous = firstUse.putIfAbsent(id, file.toString());
                    if (previous != null) {
                        clashes.put(id, previous + " and " + file);
                    }
                }
            }
        }
        assertEquals(Map.of(), clashes);
    }
}
