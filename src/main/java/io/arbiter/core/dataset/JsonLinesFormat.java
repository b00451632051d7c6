package io.arbiter.core.dataset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * JSON Lines: one JSON object a line. Recognised by a name ending in .jsonl, .ndjson or .json (a .json file is never
 * CSV, whatever its first line looks like), or by a first line that is one whole JSON object.
 */
final class JsonLinesFormat implements TableFormat {

    private static final ObjectReader WHOLE_VALUE =
            new ObjectMapper().readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public FileFormat id() {
        return FileFormat.JSON_LINES;
    }

    @Override
    public boolean recognises(FileStart start) throws FileStart.NotText {
        String first = start.text().strip();
        if (namedJson(start)) {
            return true;
        }
        if (!first.startsWith("{")) {
            return false;
        }
        try {
            return firstLine(first).isObject();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void read(TableReading reading, ImportSettings settings) throws IOException, DatasetException {
        new JsonRows(reading).readLines();
    }

    @Override
    public String noRows(ImportSettings settings) {
        return "the file is empty";
    }

    /** Whether the file's name promises JSON of some layout. */
    static boolean namedJson(FileStart start) {
        return start.nameEndsWith(".jsonl", ".ndjson", ".json");
    }

    /**
     * Whether text that starts with [ is JSON Lines whose lines are arrays (the first line is a whole JSON value and
     * more follows it) rather than one array over many lines, or on one line, that is the whole file.
     */
    static boolean isOneValueALine(String text) {
        int end = FileStart.lineEnd(text);
        if (end == text.length() || text.substring(end).isBlank()) {
            return false;
        }
        try {
            firstLine(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode firstLine(String text) throws IOException {
        return WHOLE_VALUE.readTree(text.substring(0, FileStart.lineEnd(text)).strip());
    }
}
