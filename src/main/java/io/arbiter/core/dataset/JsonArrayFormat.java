package io.arbiter.core.dataset;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * One JSON array of objects, laid out in any way. Recognised by an opening [ that starts an array of objects (or any
 * [ in a file named .json), unless its first line is a whole value and more lines follow: that is JSON Lines.
 */
final class JsonArrayFormat implements TableFormat {

    /** How a JSON array of rows starts; other [ openings (a CSV header such as "[id],name") stay delimited text. */
    private static final Pattern ARRAY_OF_OBJECTS = Pattern.compile("\\[\\s*[{\\]]");

    @Override
    public FileFormat id() {
        return FileFormat.JSON_ARRAY;
    }

    @Override
    public boolean recognises(FileStart start) throws FileStart.NotText {
        String first = start.text().strip();
        return first.startsWith("[")
                && (JsonLinesFormat.namedJson(start)
                        || ARRAY_OF_OBJECTS.matcher(first).lookingAt())
                && !JsonLinesFormat.isOneValueALine(first);
    }

    @Override
    public void read(TableReading reading, ImportSettings settings) throws IOException, DatasetException {
        new JsonRows(reading).readArray();
    }

    @Override
    public String noRows(ImportSettings settings) {
        return "the JSON array is empty; it has no rows";
    }
}
