package io.arbiter.core.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JSON rows into a {@link ColumnStore}: JSON Lines (one object a line) or one JSON array of objects, however it
 * is laid out. Each object is a row; nested objects become "a.b" columns, arrays and other values their compact JSON
 * text. A line or element that is not an object is reported like a ragged row and left out.
 */
final class JsonRows {

    private static final int CHECK_EVERY_ROWS = 1024;

    private final String name;
    private final ColumnStore store;
    /** Where rows that cannot be read are reported, and where the read is checked for a Cancel. */
    private final TableReading reading;

    private final ObjectMapper mapper = new ObjectMapper();
    // Without FAIL_ON_TRAILING_TOKENS, "{...} {...}" on one line would silently lose its second object.
    private final ObjectReader wholeLine =
            mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Map<String, Integer> columnOf = new HashMap<>();
    private String[] row = new String[16];
    private long line;

    JsonRows(TableReading reading) {
        this.name = reading.name();
        this.store = reading.store();
        this.reading = reading;
        reading.followLines(this::line);
    }

    /** The physical line (1-based) the read has reached, for messages about undecodable bytes. */
    long line() {
        return line;
    }

    /** One JSON value a line; blank lines are skipped. */
    void readLines() throws IOException, DatasetException {
        int maxRows = reading.maxRows();
        BufferedReader lines = new BufferedReader(reading.text(), 1 << 16);
        String text;
        int sinceCheck = 0;
        boolean first = true;
        while (store.size() < maxRows && (text = lines.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            if (first) {
                first = false;
                refuseOtherLayouts(text.strip());
            }
            JsonNode node;
            try {
                node = wholeLine.readTree(text);
            } catch (JsonProcessingException e) {
                reading.leftOut(line, ImportProblem.Kind.NOT_AN_OBJECT, "not valid JSON (" + messageOf(e) + ")");
                continue;
            }
            if (!node.isObject()) {
                reading.leftOut(line, ImportProblem.Kind.NOT_AN_OBJECT, "a JSON " + kind(node) + ", not an object");
                continue;
            }
            add(node);
            if (++sinceCheck == CHECK_EVERY_ROWS) {
                sinceCheck = 0;
                reading.rowsRead(store.size());
            }
        }
    }

    /** A file that opens a multi-line array or object on its first line is not JSON Lines; say what it is. */
    private void refuseOtherLayouts(String firstLine) throws DatasetException {
        if (firstLine.equals("[")) {
            throw new DatasetException(name + ", line " + line + ": this is a JSON array, not JSON Lines; read it as "
                    + "a JSON array (each object a row)");
        }
        if (firstLine.equals("{")) {
            throw new DatasetException(name + ", line " + line + ": this is one JSON object spread over several lines, "
                    + "not JSON Lines; JSON Lines needs each object whole on one line");
        }
    }

    /** One array whose elements are rows, with any layout and line breaks; nothing but blanks may follow it. */
    void readArray() throws IOException, DatasetException {
        int maxRows = reading.maxRows();
        int nonObjects = 0;
        String firstNonObject = null;
        try (JsonParser parser = mapper.getFactory().createParser(reading.text())) {
            JsonToken token = parser.nextToken();
            line = lineOf(parser.currentTokenLocation());
            if (token != JsonToken.START_ARRAY) {
                throw new DatasetException(name + ", line " + line + ": not a JSON array (it does not start with [); "
                        + "read it as JSON Lines or delimited text");
            }
            int sinceCheck = 0;
            while (store.size() < maxRows && (token = parser.nextToken()) != JsonToken.END_ARRAY) {
                line = lineOf(parser.currentTokenLocation());
                JsonNode node = mapper.readTree(parser);
                if (!node.isObject()) {
                    nonObjects++;
                    firstNonObject = firstNonObject != null ? firstNonObject : kind(node);
                    reading.leftOut(line, ImportProblem.Kind.NOT_AN_OBJECT, "a JSON " + kind(node) + ", not an object");
                    continue;
                }
                add(node);
                if (++sinceCheck == CHECK_EVERY_ROWS) {
                    sinceCheck = 0;
                    reading.rowsRead(store.size());
                }
            }
            if (token == JsonToken.END_ARRAY && !nothingFollows(parser)) {
                line = lineOf(parser.currentLocation());
                throw new DatasetException(name + ", line " + line + ": more JSON after the array's closing ]; "
                        + "a JSON array file holds one array");
            }
        } catch (JsonProcessingException e) {
            if (e.getLocation() != null) {
                line = lineOf(e.getLocation());
            }
            throw new DatasetException(name + ", line " + line + ": not valid JSON (" + messageOf(e) + ")");
        }
        if (store.size() == 0 && nonObjects > 0) {
            throw new DatasetException(name + ": a JSON array of " + firstNonObject + "s, not of objects; each row "
                    + "must be a JSON object such as {\"text\": \"…\", \"label\": \"…\"}");
        }
    }

    /** Blanks, or the end: anything else after the array, even a stray ], is more JSON. */
    private static boolean nothingFollows(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() == null;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Jackson's message without the parser's description of its source, which means nothing to the user. */
    private static String messageOf(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int source = message.indexOf("[Source:");
        if (source < 0) {
            return message;
        }
        int cut = message.lastIndexOf(" (", source);
        return message.substring(0, cut > 0 ? cut : source).strip();
    }

    private static long lineOf(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private void add(JsonNode node) {
        Arrays.fill(row, null);
        flatten(node, "");
        store.addSparseRow(row, row.length);
    }

    /** Nested objects become "a.b" columns; arrays and other values their compact JSON text. */
    private void flatten(JsonNode node, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject() && value.size() > 0) {
                flatten(value, key);
                continue;
            }
            Integer column = columnOf.get(key);
            if (column == null) {
                column = store.addColumn(key);
                columnOf.put(key, column);
            }
            if (column >= row.length) {
                row = Arrays.copyOf(row, Math.max(row.length * 2, column + 1));
            }
            String text = value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
            row[column] = store.cell(column, text);
        }
    }
}
