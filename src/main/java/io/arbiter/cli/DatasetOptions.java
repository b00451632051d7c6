package io.arbiter.cli;

import io.arbiter.core.dataset.ImportSettings;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import picocli.CommandLine.Option;

/** The import overrides shared by {@code inspect} and {@code run}; anything not given is detected. */
final class DatasetOptions {

    @Option(
            names = "--encoding",
            paramLabel = "E",
            description = "Character encoding, e.g. UTF-8, windows-1252, UTF-16 (default: detected).")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "D", description = "Cell separator: , ; tab \\t | (default: detected).")
    String delimiter;

    @Option(names = "--quote", paramLabel = "Q", description = "Quote character (default: \").")
    String quote;

    @Option(names = "--no-header", description = "The first row is data; columns are named column_1, column_2, ...")
    boolean noHeader;

    @Option(
            names = "--sheet",
            paramLabel = "NAME",
            description =
                    "The sheet of an Excel .xlsx workbook to read (default: the first one Excel shows; a hidden sheet is read only when named).")
    String sheet;

    ImportSettings settings() {
        ImportSettings settings = ImportSettings.detectAll();
        if (encoding != null) {
            settings = settings.withEncoding(charset(encoding));
        }
        if (delimiter != null) {
            settings = settings.withDelimiter(delimiter(delimiter));
        }
        if (quote != null) {
            if (quote.length() != 1) {
                throw new CliFailure("--quote must be one character, not '" + quote + "'", ArbiterCli.BAD_INPUT);
            }
            settings = settings.withQuote(quote.charAt(0));
        }
        if (noHeader) {
            settings = settings.withHeader(false);
        }
        if (sheet != null) {
            settings = settings.withSheet(sheet);
        }
        return settings;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CliFailure(
                    "--encoding '" + name
                            + "' is not an encoding this Java knows (try UTF-8, windows-1252, ISO-8859-1, UTF-16)",
                    ArbiterCli.BAD_INPUT);
        }
    }

    static char delimiter(String text) {
        return switch (text) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "tab", "\\t", "\t" -> '\t';
            case "|", "pipe" -> '|';
            default -> throw new CliFailure(
                    "--delimiter must be , ; tab \\t or |, not '" + text + "'", ArbiterCli.BAD_INPUT);
        };
    }
}
