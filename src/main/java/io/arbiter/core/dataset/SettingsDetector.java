package io.arbiter.core.dataset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses how to read a file from its first bytes (a sample of up to {@link #SAMPLE_BYTES}): the encoding here, then
 * the format (the first of {@link TableFormats} that recognises the sample), which settles the rest.
 *
 * <p>Encoding: a byte order mark wins (UTF-8, UTF-16LE/BE); else UTF-8 when the sample decodes strictly; else
 * windows-1252. Each guess can be overridden.
 */
final class SettingsDetector {

    static final int SAMPLE_BYTES = 64 * 1024;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SettingsDetector() {}

    /**
     * Resolves every null in {@code given} from the sample; {@code complete} says the sample is the whole file.
     *
     * @return the settings, and the start of the file in their encoding
     */
    static Detected detect(byte[] sample, int length, boolean complete, String fileName, ImportSettings given)
            throws FileStart.NotText {
        Charset encoding = given.encoding() != null ? given.encoding() : guessEncoding(sample, length, complete);
        FileStart start = new FileStart(sample, length, complete, fileName, encoding);
        TableFormat format = given.format() != null ? TableFormats.of(given.format()) : TableFormats.recognise(start);
        return new Detected(format, format.settle(start, given), start);
    }

    /** What detection settled: the format, the settings with no nulls, and the file's start in their encoding. */
    record Detected(TableFormat format, ImportSettings settings, FileStart start) {}

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
        boolean sameFamily =
                bom.equals(encoding) || (bom != StandardCharsets.UTF_8 && encoding.equals(StandardCharsets.UTF_16));
        if (!sameFamily) {
            return 0;
        }
        return bom.equals(StandardCharsets.UTF_8) ? 3 : encoding.equals(StandardCharsets.UTF_16) ? 0 : 2;
    }

    static boolean isUtf16(Charset c) {
        return c.name().startsWith("UTF-16") || c.name().startsWith("UTF-32");
    }

    private static Charset guessEncoding(byte[] sample, int length, boolean complete) {
        Charset bom = charsetFromBom(sample, length);
        if (bom != null) {
            return bom;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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
            return encoding.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, Math.max(0, length)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
    }
}
