package io.arbiter.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the demo model's word lists, kept as data beside its classes so they can be read and edited without code:
 * "[name]" starts a section, each line after it is one entry, "#" starts a comment line.
 */
final class DemoWordLists {

    private DemoWordLists() {}

    /** The sections of a resource beside this class, in file order, each with its lines stripped. */
    static Map<String, List<String>> read(String resource) {
        InputStream in = DemoWordLists.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(
                    "The demo model's word list " + resource + " is missing from the application");
        }
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("[") && text.endsWith("]")) {
                    current = new ArrayList<>();
                    sections.put(text.substring(1, text.length() - 1), current);
                } else if (current == null) {
                    throw new IllegalStateException(resource + ": a line before the first [section]: " + text);
                } else {
                    current.add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo model's word list " + resource, e);
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        sections.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
        return Collections.unmodifiableMap(frozen);
    }

    /** The blank-separated words of a section's lines, in order; none when the section is absent. */
    static List<String> words(Map<String, List<String>> sections, String name) {
        return sections.getOrDefault(name, List.of()).stream()
                .flatMap(line -> List.of(line.split("\\s+")).stream())
                .toList();
    }
}
