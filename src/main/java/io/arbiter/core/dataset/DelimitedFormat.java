package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Delimited text (CSV, TSV, ...): what any text that no other format recognises is taken to be.
 *
 * <p>Delimiter: Excel's "sep=X" first line names it; else, among comma, tab, semicolon and pipe, the one that splits
 * the first 50 records (quotes respected) into the most consistent number of cells, more than one. Header: the first
 * row is a header unless one of its cells is a number or recurs as a value further down the same column (most files
 * have a header, so the doubt goes that way). Each guess can be overridden.
 */
final class DelimitedFormat implements TableFormat {

    private static final char[] DELIMITERS = {',', '\t', ';', '|'};
    private static final int SAMPLE_RECORDS = 50;
    private static final Pattern NUMBER = Pattern.compile("[-+]?[$€£]?\\d[\\d,. ']*%?|[-+]?\\.\\d+");

    @Override
    public FileFormat id() {
        return FileFormat.DELIMITED;
    }

    @Override
    public boolean recognises(FileStart start) {
        return true;
    }

    @Override
    public ImportSettings settle(FileStart start, ImportSettings given) throws FileStart.NotText {
        String text = start.text();
        if (text.isBlank()) {
            throw new FileStart.NotText("the file is empty");
        }
        char quote = given.quote() != null ? given.quote() : '"';
        LineEnding lineEnding = given.lineEnding() != null ? given.lineEnding() : start.lineEnding(quote);
        Character named = sepLine(text);
        if (named != null) {
            text = afterFirstLine(text); // Excel's sep= line is neither the header nor a row
        }
        char delimiter = given.delimiter() != null
                ? given.delimiter()
                : named != null ? named : guessDelimiter(text, quote, start.nameEndsWith(".tsv") ? '\t' : ',');
        boolean header = given.header() != null ? given.header() : looksLikeHeader(records(text, delimiter, quote));
        return new ImportSettings(id(), start.encoding(), delimiter, quote, lineEnding, header);
    }

    @Override
    public void read(TableReading reading, ImportSettings settings) throws IOException, DatasetException {
        char d = settings.delimiter();
        char q = settings.quote();
        if (d == q || d == '\n' || d == '\r' || q == '\n' || q == '\r') {
            throw new DatasetException(reading.name() + ": the delimiter (" + ImportSettings.describe(d)
                    + ") and the quote (" + ImportSettings.describe(q)
                    + ") must be two different characters other than a line break");
        }
        new DelimitedRows(reading, settings).read(sepLine(reading.start()));
    }

    @Override
    public String noRows(ImportSettings settings) {
        return settings.header() ? "has a header but no rows" : "the file is empty";
    }

    /**
     * The delimiter named by Excel's "sep=X" first line (any one character; a written-out \t is a tab too), or null
     * when the text does not start with one.
     */
    static Character sepLine(String text) {
        String first = text.substring(0, FileStart.lineEnd(text));
        if (first.length() < 5 || !first.regionMatches(true, 0, "sep=", 0, 4)) {
            return null;
        }
        String rest = first.substring(4);
        if (rest.length() == 1) {
            return rest.charAt(0);
        }
        String trimmed = rest.strip(); // "sep=; " from a hand-edited file
        if (trimmed.length() == 1) {
            return trimmed.charAt(0);
        }
        return trimmed.equals("\\t") ? '\t' : null;
    }

    /** {@link #sepLine(String)} of the file's first bytes, decoded in its encoding past its byte order mark. */
    private static Character sepLine(FileStart start) {
        int bom = SettingsDetector.bomLength(start.bytes(), start.length(), start.encoding());
        String text = SettingsDetector.decodeLeniently(
                start.bytes(), bom, Math.min(start.length() - bom, 64), start.encoding());
        return sepLine(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static String afterFirstLine(String text) {
        int end = FileStart.lineEnd(text);
        if (end < text.length()
                && text.charAt(end) == '\r'
                && end + 1 < text.length()
                && text.charAt(end + 1) == '\n') {
            end++;
        }
        return end < text.length() ? text.substring(end + 1) : "";
    }

    private static char guessDelimiter(String text, char quote, char fallback) {
        char best = fallback;
        double bestScore = 0;
        int bestWidth = 0;
        for (char candidate : DELIMITERS) {
            List<String[]> records = records(text, candidate, quote);
            Map<Integer, Integer> widths = new HashMap<>();
            for (String[] record : records) {
                widths.merge(record.length, 1, Integer::sum);
            }
            int width = 0;
            int often = 0;
            for (Map.Entry<Integer, Integer> e : widths.entrySet()) {
                if (e.getValue() > often || (e.getValue() == often && e.getKey() > width)) {
                    width = e.getKey();
                    often = e.getValue();
                }
            }
            if (width < 2) {
                continue;
            }
            double score = (double) often / records.size();
            if (score > bestScore || (score == bestScore && width > bestWidth)) {
                best = candidate;
                bestScore = score;
                bestWidth = width;
            }
        }
        return best;
    }

    /** Up to 50 non-blank records of the sample; a quote left open by the sample's end just ends the list. */
    private static List<String[]> records(String text, char delimiter, char quote) {
        List<String[]> records = new ArrayList<>();
        DelimitedTokenizer tokenizer = new DelimitedTokenizer(
                new StringReader(text),
                delimiter,
                quote,
                (field, chars, offset, length) -> new String(chars, offset, length));
        try {
            while (records.size() < SAMPLE_RECORDS && tokenizer.next()) {
                if (!tokenizer.isBlank()) {
                    records.add(Arrays.copyOf(tokenizer.fields(), tokenizer.count()));
                }
            }
        } catch (IOException | DelimitedTokenizer.ParseFailure e) {
            // a sample cut inside a quoted cell: judge by the records before it
        }
        return records;
    }

    /** A header unless the first row has a number in it or one of its cells recurs further down its column. */
    private static boolean looksLikeHeader(List<String[]> records) {
        if (records.isEmpty()) {
            return true;
        }
        String[] first = records.get(0);
        for (int column = 0; column < first.length; column++) {
            String name = first[column].strip();
            if (isNumber(name)) {
                return false;
            }
            for (int r = 1; r < records.size() && !name.isEmpty(); r++) {
                String[] record = records.get(r);
                if (column < record.length && record[column].strip().equals(name)) {
                    return false; // a column name does not recur as a value of its own column
                }
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 40 && NUMBER.matcher(s).matches();
    }
}
