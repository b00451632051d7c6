package io.arbiter.core.dataset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Guesses how to read a file from its first bytes (a sample of up to {@link #SAMPLE_BYTES}).
 *
 * <p>Encoding: a byte order mark wins (UTF-8, UTF-16LE/BE); else UTF-8 when the sample decodes strictly; else
 * windows-1252. Delimiter: among comma, tab, semicolon and pipe, the one that splits the first 50 records (quotes
 * respected) into the most consistent number of cells, more than one. Header: the first row is a header unless one of
 * its cells is a number or recurs as a value further down the same column (most files have a header, so the doubt
 * goes that way). Each guess can be overridden.
 */
final class SettingsDetector {

    static final int SAMPLE_BYTES = 64 * 1024;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {',', '\t', ';', '|'};
    private static final int SAMPLE_RECORDS = 50;
    /** How a JSON array of rows starts; other [ openings (a CSV header such as "[id],name") stay delimited text. */
    private static final Pattern ARRAY_OF_OBJECTS = Pattern.compile("\\[\\s*[{\\]]");
    private static final ObjectReader WHOLE_VALUE = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern NUMBER = Pattern.compile("[-+]?[$€£]?\\d[\\d,. ']*%?|[-+]?\\.\\d+");

    private SettingsDetector() {
    }

    /** A sample that is not text at all; the message says what it is. */
    static final class NotText extends Exception {
        NotText(String message) {
            super(message);
        }
    }

    static Charset charsetFromBom(byte[] b, int length) {
        if (length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Bytes of a byte order mark at the start that belongs to {@code encoding}; 0 if none. */
    static int bomLength(byte[] b, int length, Charset encoding) {
        Charset bom = charsetFromBom(b, length);
        if (bom == null) {
            return 0;
        }
        boolean sameFamily = bom.equals(encoding)
                || (bom != StandardCharsets.UTF_8 && encoding.equals(StandardCharsets.UTF_16));
        if (!sameFamily) {
            return 0;
        }
        return bom.equals(StandardCharsets.UTF_8) ? 3 : encoding.equals(StandardCharsets.UTF_16) ? 0 : 2;
    }

    static boolean isUtf16(Charset c) {
        return c.name().startsWith("UTF-16") || c.name().startsWith("UTF-32");
    }

    /** Resolves every null in {@code given} from the sample; {@code complete} says the sample is the whole file. */
    static ImportSettings detect(byte[] sample, int length, boolean complete, String fileName, ImportSettings given)
            throws NotText {
        Charset encoding = given.encoding() != null ? given.encoding() : guessEncoding(sample, length, complete);
        int bom = bomLength(sample, length, encoding);
        if (!isUtf16(encoding)) {
            for (int i = bom; i < length; i++) {
                if (sample[i] == 0) {
                    boolean everyOther = length - bom >= 4 && (sample[bom] == 0) != (sample[bom + 1] == 0)
                            && (sample[bom + 2] == 0) == (sample[bom] == 0);
                    throw new NotText("looks like a binary file, not text (a zero byte at offset " + i + ")"
                            + (everyOther ? "; if it is UTF-16 text without a byte order mark, choose UTF-16LE or UTF-16BE" : ""));
                }
            }
        }
        String text = decodeLeniently(sample, bom, length - bom, encoding);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            FileFormat named = given.format() != null ? given.format() : formatNamed(fileName);
            if (named == null || named == FileFormat.DELIMITED) {
                throw new NotText("the file is empty");
            }
            // JSON rows name their columns themselves: an empty JSON file is one with no rows, which inspect reports.
            return given.orElse(new ImportSettings(named, encoding, ',', '"', LineEnding.LF, true));
        }
        if (!complete) {
            int lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
            if (lastBreak > 0) {
                text = text.substring(0, lastBreak + 1); // a partial last line would look ragged
            }
        }
        FileFormat format = given.format() != null ? given.format() : guessFormat(text, fileName);
        char quote = given.quote() != null ? given.quote() : '"';
        LineEnding lineEnding = given.lineEnding() != null ? given.lineEnding() : guessLineEnding(text, quote);
        if (format != FileFormat.DELIMITED) {
            char delimiter = given.delimiter() != null ? given.delimiter() : ',';
            return new ImportSettings(format, encoding, delimiter, quote, lineEnding, given.header() != null ? given.header() : true);
        }
        Character named = sepLine(text);
        if (named != null) {
            text = afterFirstLine(text); // Excel's sep= line is neither the header nor a row
        }
        char delimiter = given.delimiter() != null ? given.delimiter()
                : named != null ? named : guessDelimiter(text, quote, fileName);
        boolean header = given.header() != null ? given.header() : looksLikeHeader(records(text, delimiter, quote));
        return new ImportSettings(format, encoding, delimiter, quote, lineEnding, header);
    }

    /**
     * The delimiter named by Excel's "sep=X" first line (any one character; a written-out \t is a tab too), or null
     * when the text does not start with one.
     */
    static Character sepLine(String text) {
        String first = text.substring(0, lineEnd(text));
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

    /** {@link #sepLine(String)} of the start of a sample, decoded in {@code encoding} past its byte order mark. */
    static Character sepLine(byte[] sample, int length, Charset encoding) {
        int bom = bomLength(sample, length, encoding);
        String start = decodeLeniently(sample, bom, Math.min(length - bom, 64), encoding);
        return sepLine(start.startsWith("\uFEFF") ? start.substring(1) : start);
    }

    private static String afterFirstLine(String text) {
        int end = lineEnd(text);
        if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
            end++;
        }
        return end < text.length() ? text.substring(end + 1) : "";
    }

    private static Charset guessEncoding(byte[] sample, int length, boolean complete) {
        Charset bom = charsetFromBom(sample, length);
        if (bom != null) {
            return bom;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult result = strict.decode(in, out, complete);
        if (result.isError()) {
            return WINDOWS_1252;
        }
        // Underflow with bytes left over is a multi-byte character cut by the end of the sample: still UTF-8.
        return StandardCharsets.UTF_8;
    }

    static String decodeLeniently(byte[] bytes, int offset, int length, Charset encoding) {
        try {
            return encoding.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, Math.max(0, length))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
    }

    /** The format a file's name promises, or null: .jsonl and .ndjson are JSON Lines, .json is JSON of some layout. */
    private static FileFormat formatNamed(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return FileFormat.JSON_LINES;
        }
        return null;
    }

    private static FileFormat guessFormat(String text, String fileName) {
        FileFormat named = formatNamed(fileName);
        String first = text.strip();
        if (first.startsWith("[") && (named != null || ARRAY_OF_OBJECTS.matcher(first).lookingAt())
                && !isOneValueALine(first)) {
            return FileFormat.JSON_ARRAY;
        }
        if (named != null) {
            return named; // a .json file is never CSV, whatever its first line looks like
        }
        if (!first.startsWith("{")) {
            return FileFormat.DELIMITED;
        }
        try {
            return firstLine(first).isObject() ? FileFormat.JSON_LINES : FileFormat.DELIMITED;
        } catch (IOException e) {
            return FileFormat.DELIMITED;
        }
    }

    /**
     * Whether text that starts with [ is JSON Lines whose lines are arrays (the first line is a whole JSON value and
     * more follows it) rather than one array over many lines, or on one line, that is the whole file.
     */
    private static boolean isOneValueALine(String text) {
        int end = lineEnd(text);
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
        return WHOLE_VALUE.readTree(text.substring(0, lineEnd(text)).strip());
    }

    private static int lineEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i;
            }
        }
        return text.length();
    }

    private static LineEnding guessLineEnding(String text, char quote) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                return LineEnding.LF;
            } else if (!quoted && c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? LineEnding.CRLF : LineEnding.CR;
            }
        }
        return LineEnding.LF;
    }

    private static char guessDelimiter(String text, char quote, String fileName) {
        char best = fileName.toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
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
    static List<String[]> records(String text, char delimiter, char quote) {
        List<String[]> records = new ArrayList<>();
        DelimitedTokenizer tokenizer = new DelimitedTokenizer(new StringReader(text), delimiter, quote,
                (field, chars, offset, length) -> new String(chars, offset, length));
        try {
            while (records.size() < SAMPLE_RECORDS && tokenizer.next()) {
                if (!tokenizer.isBlank()) {
                    records.add(java.util.Arrays.copyOf(tokenizer.fields(), tokenizer.count()));
                }
            }
        } catch (IOException | DelimitedTokenizer.ParseFailure e) {
            // a sample cut inside a quoted cell: judge by the records before it
        }
        return records;
    }

    /** A header unless the first row has a number in it or one of its cells recurs further down its column. */
    static boolean looksLikeHeader(List<String[]> records) {
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

    static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 40 && NUMBER.matcher(s).matches();
    }
}
