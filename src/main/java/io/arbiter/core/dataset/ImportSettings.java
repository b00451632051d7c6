package io.arbiter.core.dataset;

import java.nio.charset.Charset;

/**
 * How to read a dataset file. Every field null means "detect it"; {@link DatasetImporter#detect} returns settings
 * with no nulls, and any field can be overridden before reading.
 *
 * @param delimiter the cell separator of a delimited file (ignored for JSON Lines)
 * @param quote     the quote character of a delimited file (ignored for JSON Lines)
 * @param header    whether the first row names the columns; without one they are column_1, column_2, ...
 * @param sheet     the sheet of an Excel workbook to read; null for the first one Excel shows (ignored for text formats)
 */
public record ImportSettings(
        FileFormat format,
        Charset encoding,
        Character delimiter,
        Character quote,
        LineEnding lineEnding,
        Boolean header,
        String sheet) {

    private static final ImportSettings DETECT_ALL = new ImportSettings(null, null, null, null, null, null, null);

    /** Settings for a text file, or a workbook's first sheet. */
    public ImportSettings(
            FileFormat format,
            Charset encoding,
            Character delimiter,
            Character quote,
            LineEnding lineEnding,
            Boolean header) {
        this(format, encoding, delimiter, quote, lineEnding, header, null);
    }

    public static ImportSettings detectAll() {
        return DETECT_ALL;
    }

    public ImportSettings withFormat(FileFormat f) {
        return new ImportSettings(f, encoding, delimiter, quote, lineEnding, header, sheet);
    }

    public ImportSettings withEncoding(Charset c) {
        return new ImportSettings(format, c, delimiter, quote, lineEnding, header, sheet);
    }

    public ImportSettings withDelimiter(Character d) {
        return new ImportSettings(format, encoding, d, quote, lineEnding, header, sheet);
    }

    public ImportSettings withQuote(Character q) {
        return new ImportSettings(format, encoding, delimiter, q, lineEnding, header, sheet);
    }

    public ImportSettings withLineEnding(LineEnding l) {
        return new ImportSettings(format, encoding, delimiter, quote, l, header, sheet);
    }

    public ImportSettings withHeader(Boolean h) {
        return new ImportSettings(format, encoding, delimiter, quote, lineEnding, h, sheet);
    }

    /** These settings reading the workbook's sheet {@code name}; null for the first one Excel shows. */
    public ImportSettings withSheet(String name) {
        return new ImportSettings(format, encoding, delimiter, quote, lineEnding, header, name);
    }

    /** True when nothing is left to detect (a sheet need not be named: the first is read). */
    public boolean isResolved() {
        return format != null
                && encoding != null
                && delimiter != null
                && quote != null
                && lineEnding != null
                && header != null;
    }

    /** These settings with every null taken from {@code detected}. */
    ImportSettings orElse(ImportSettings detected) {
        return new ImportSettings(
                format != null ? format : detected.format,
                encoding != null ? encoding : detected.encoding,
                delimiter != null ? delimiter : detected.delimiter,
                quote != null ? quote : detected.quote,
                lineEnding != null ? lineEnding : detected.lineEnding,
                header != null ? header : detected.header,
                sheet != null ? sheet : detected.sheet);
    }

    /** A delimiter as people name it: "comma", "tab", "semicolon", "pipe", or the character itself. */
    public static String describe(Character c) {
        if (c == null) {
            return "detect";
        }
        return switch (c) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            case '"' -> "double quote";
            case '\'' -> "single quote";
            default -> String.valueOf(c);
        };
    }
}
