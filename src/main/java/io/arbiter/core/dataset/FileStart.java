package io.arbiter.core.dataset;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * The first bytes of a file (up to {@link SettingsDetector#SAMPLE_BYTES}) in the encoding chosen for it: what a
 * {@link TableFormat} recognises itself by and settles its settings from. A format of bytes can judge
 * {@link #bytes()}; a text format asks for {@link #text()}, which refuses a sample that is not text.
 */
final class FileStart {

    /** A sample that is not text at all; the message says what it is. */
    static final class NotText extends Exception {
        NotText(String message) {
            super(message);
        }
    }

    private final byte[] bytes;
    private final int length;
    private final boolean complete;
    private final String fileName;
    private final Charset encoding;
    private String text;

    /** {@code complete} says the sample is the whole file; {@code fileName} is the name without its folder. */
    FileStart(byte[] bytes, int length, boolean complete, String fileName, Charset encoding) {
        this.bytes = bytes;
        this.length = length;
        this.complete = complete;
        this.fileName = fileName;
        this.encoding = encoding;
    }

    /** The sample; only its first {@link #length()} bytes are the file's. */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    Charset encoding() {
        return encoding;
    }

    String fileName() {
        return fileName;
    }

    /** Whether the file's name ends in one of {@code endings} (".jsonl"), whatever its case. */
    boolean nameEndsWith(String... endings) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ending : endings) {
            if (lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sample decoded leniently, past its byte order mark; blank for an empty file. When more of the file follows,
     * it ends at the last line break, because a partial last line would look ragged.
     *
     * @throws NotText when a zero byte says the file is binary (or UTF-16 read as something else)
     */
    String text() throws NotText {
        if (text == null) {
            text = decode();
        }
        return text;
    }

    /** The line ending of the first record (a quoted line break does not count); LF when the text has none. */
    LineEnding lineEnding(char quote) throws NotText {
        String t = text();
        if (t.isBlank()) {
            return LineEnding.LF; // an empty file says nothing about its line endings
        }
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == quote) {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                return LineEnding.LF;
            } else if (!quoted && c == '\r') {
                return i + 1 < t.length() && t.charAt(i + 1) == '\n' ? LineEnding.CRLF : LineEnding.CR;
            }
        }
        return LineEnding.LF;
    }

    /** Where the first line of {@code text} ends: the index of its first line break, or the text's length. */
    static int lineEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i;
            }
        }
        return text.length();
    }

    private String decode() throws NotText {
        int bom = SettingsDetector.bomLength(bytes, length, encoding);
        if (!SettingsDetector.isUtf16(encoding)) {
            for (int i = bom; i < length; i++) {
                if (bytes[i] == 0) {
                    boolean everyOther = length - bom >= 4
                            && (bytes[bom] == 0) != (bytes[bom + 1] == 0)
                            && (bytes[bom + 2] == 0) == (bytes[bom] == 0);
                    throw new NotText("looks like a binary file, not text (a zero byte at offset " + i + ")"
                            + (everyOther
                                    ? "; if it is UTF-16 text without a byte order mark, choose UTF-16LE or UTF-16BE"
                                    : ""));
                }
            }
        }
        String decoded = SettingsDetector.decodeLeniently(bytes, bom, length - bom, encoding);
        if (decoded.startsWith("\uFEFF")) {
            decoded = decoded.substring(1);
        }
        if (!complete && !decoded.isBlank()) {
            int lastBreak = Math.max(decoded.lastIndexOf('\n'), decoded.lastIndexOf('\r'));
            if (lastBreak > 0) {
                decoded = decoded.substring(0, lastBreak + 1);
            }
        }
        return decoded;
    }
}
