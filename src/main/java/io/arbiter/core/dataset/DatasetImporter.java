package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Reads delimited text (CSV, TSV, ...), JSON Lines, JSON array and Excel workbook files into a {@link Dataset}: detects the encoding
 * and the format, which settles its own settings (see {@link SettingsDetector}), streams the file once, and reports
 * what it worked around. The GUI, the command line and {@link DatasetReader} all read through here; each format is a
 * {@link TableFormat}, and one pass over a file is an {@link ImportPass}.
 *
 * <p>Fatal problems throw {@link DatasetException} with "file, line N: problem". A file detected as UTF-8 that turns
 * out to hold other bytes later on is read again from the start as windows-1252, with an ENCODING_FALLBACK problem;
 * when the user chose UTF-8 it is an error naming the line instead (exact for delimited files; for JSON Lines it is
 * the line the read-ahead had reached).
 *
 * <p>Cancelling: the {@code cancelled} supplier or an interrupt of the reading thread ends the read with a
 * {@link CancellationException}; nothing is kept, so the caller's previous dataset stays as it was.
 */
public final class DatasetImporter {

    /** Ragged rows listed one by one; beyond this they are only counted. */
    public static final int MAX_PROBLEMS = 1000;

    private DatasetImporter() {}

    /** Sniffs the first 64 KB and returns fully resolved settings. */
    public static ImportSettings detect(Path file) throws DatasetException {
        ByteSource source = ByteSource.of(file);
        try (InputStream in = source.open()) {
            byte[] sample = new byte[SettingsDetector.SAMPLE_BYTES];
            int length = in.readNBytes(sample, 0, sample.length);
            return ImportPass.detect(source, sample, length, in.read() < 0, ImportSettings.detectAll())
                    .settings();
        } catch (IOException e) {
            throw source.failure(e, 0);
        }
    }

    /** The sheets of an Excel workbook Excel shows, in order, to choose one from; empty for any other file. */
    public static List<String> sheets(Path file) {
        return XlsxFormat.sheets(file);
    }

    /** The first {@code maxRows} rows, parsed exactly as {@link #read} would. */
    public static ImportResult preview(Path file, ImportSettings settings, int maxRows) throws DatasetException {
        return read(ByteSource.of(file), settings, ImportProgress.NONE, () -> false, maxRows);
    }

    /**
     * Reads the whole file on the calling thread (call it from a background one).
     *
     * @param cancelled polled every thousand rows or so; when true the read stops with a CancellationException
     */
    public static ImportResult read(
            Path file, ImportSettings settings, ImportProgress progress, BooleanSupplier cancelled)
            throws DatasetException {
        return read(ByteSource.of(file), settings, progress, cancelled, Integer.MAX_VALUE);
    }

    /**
     * Reads the whole file to report what it holds: a file with a header and no rows, a JSON Lines file with none, or
     * one whose every row is ragged gives a result with 0 rows (and its columns, and its problems) instead of an error.
     * Every other read refuses such a file, because nothing can be run on it.
     */
    public static ImportResult inspect(Path file, ImportSettings settings) throws DatasetException {
        return read(ByteSource.of(file), settings, ImportProgress.NONE, () -> false, Integer.MAX_VALUE, false);
    }

    static ImportResult read(
            ByteSource source, ImportSettings settings, ImportProgress progress, BooleanSupplier cancelled, int maxRows)
            throws DatasetException {
        return read(source, settings, progress, cancelled, maxRows, true);
    }

    private static ImportResult read(
            ByteSource source,
            ImportSettings settings,
            ImportProgress progress,
            BooleanSupplier cancelled,
            int maxRows,
            boolean rowsRequired)
            throws DatasetException {
        try {
            return new ImportPass(source, settings, progress, cancelled, maxRows, rowsRequired, List.of()).read();
        } catch (ImportPass.EncodingMismatch e) {
            if (settings.encoding() != null || !source.reopenable()) {
                throw new DatasetException(source.name() + ", line " + e.line + ": the bytes here are not valid "
                        + e.encoding + "; choose another encoding (for example windows-1252)");
            }
            ImportProblem fallback = new ImportProblem(
                    e.line,
                    ImportProblem.Kind.ENCODING_FALLBACK,
                    "bytes that are not valid " + e.encoding + "; the file was read as windows-1252");
            try {
                return new ImportPass(
                                source,
                                settings.withEncoding(SettingsDetector.WINDOWS_1252),
                                progress,
                                cancelled,
                                maxRows,
                                rowsRequired,
                                List.of(fallback))
                        .read();
            } catch (ImportPass.EncodingMismatch again) {
                throw new IllegalStateException("windows-1252 decoding does not fail", again);
            }
        }
    }
}
