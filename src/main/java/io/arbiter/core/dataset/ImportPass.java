package io.arbiter.core.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One pass over a source: settles the settings from its first bytes, hands its text to the format, and keeps the
 * count of what was left out, the progress and the check for a Cancel, so that each format only reads rows.
 */
final class ImportPass implements TableReading {

    private static final long PROGRESS_INTERVAL_NANOS = 50_000_000L;

    /** The detected encoding met bytes it cannot decode; the caller may read again in another one. */
    static final class EncodingMismatch extends Exception {
        final long line;
        final String encoding;

        EncodingMismatch(long line, String encoding) {
            super(null, null, false, false);
            this.line = line;
            this.encoding = encoding;
        }
    }

    private final ByteSource source;
    private final ImportSettings given;
    private final ImportProgress progress;
    private final BooleanSupplier cancelled;
    private final int maxRows;
    private final boolean rowsRequired;
    private final List<ImportProblem> problems;
    private long ragged;
    private long total = -1;
    private long lastProgress;
    private FileStart start;
    private DecodingReader reader;
    private ColumnStore store;
    private LongSupplier line = () -> 0;
    private Character sepLine;
    private InputStream bytes;
    private String sheet;
    private List<String> sheets = List.of();

    /**
     * @param rowsRequired whether a read with no rows is refused; only an inspection reports such a file
     * @param earlier      problems met before this pass (an earlier one in another encoding)
     */
    ImportPass(
            ByteSource source,
            ImportSettings given,
            ImportProgress progress,
            BooleanSupplier cancelled,
            int maxRows,
            boolean rowsRequired,
            List<ImportProblem> earlier) {
        this.source = source;
        this.given = given;
        this.progress = progress;
        this.cancelled = cancelled;
        this.maxRows = maxRows;
        this.rowsRequired = rowsRequired;
        this.problems = new ArrayList<>(earlier);
    }

    /** Settles the settings for a source whose first bytes are {@code sample}, naming the source when it is not text. */
    static SettingsDetector.Detected detect(
            ByteSource source, byte[] sample, int length, boolean complete, ImportSettings given)
            throws DatasetException {
        try {
            return SettingsDetector.detect(sample, length, complete, source.fileName(), given);
        } catch (FileStart.NotText e) {
            throw new DatasetException(source.name() + ": " + e.getMessage());
        }
    }

    ImportResult read() throws DatasetException, EncodingMismatch {
        try (InputStream raw = source.open()) {
            byte[] sample = new byte[SettingsDetector.SAMPLE_BYTES];
            int length = raw.readNBytes(sample, 0, sample.length);
            int next = length == sample.length ? raw.read() : -1;
            SettingsDetector.Detected detected = detect(source, sample, length, next < 0, given);
            ImportSettings resolved = detected.settings();
            start = detected.start();
            TableFormat format = detected.format();
            int bom = format.readsText() ? SettingsDetector.bomLength(sample, length, resolved.encoding()) : 0;
            InputStream prefix = new ByteArrayInputStream(sample, bom, length - bom);
            InputStream all = next < 0
                    ? prefix
                    : new SequenceInputStream(
                            prefix, new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) next}), raw));
            if (format.readsText()) {
                reader = new DecodingReader(all, resolved.encoding());
                reader.addSkipped(bom);
                total = source.size();
            } else {
                bytes = all; // a workbook's rows say nothing of how far into the file they are: progress counts rows
            }
            store = new ColumnStore(List.of(), expectedRows(sample, length, next < 0));
            format.read(this, resolved);
            if (sheet != null) {
                resolved = resolved.withSheet(sheet);
            }
            rowsRead(store.size()); // a Cancel after the last periodic check still counts
            requireRows(format.noRows(resolved));
            progress.update(bytesRead(), total, store.size());
            Dataset dataset = store.toDataset(shortName(source.name()), source.path());
            long skipped = Math.min(ragged, Integer.MAX_VALUE);
            return new ImportResult(dataset, resolved, problems, (int) skipped, ragged, sepLine, sheets);
        } catch (DecodingReader.MalformedBytesException e) {
            throw new EncodingMismatch(Math.max(1, line.getAsLong()), "UTF-8");
        } catch (ClosedByInterruptException e) {
            throw new CancellationException("Reading " + source.name() + " was cancelled");
        } catch (IOException e) {
            throw source.failure(e, line.getAsLong());
        }
    }

    // What a format sees

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public FileStart start() {
        return start;
    }

    @Override
    public Reader text() {
        if (reader == null) {
            throw new IllegalStateException("a binary format has no text; see TableFormat.readsText");
        }
        return reader;
    }

    @Override
    public InputStream bytes() {
        if (bytes == null) {
            throw new IllegalStateException("a format that reads text has no bytes; see TableFormat.readsText");
        }
        return bytes;
    }

    @Override
    public Path file() {
        return source.path();
    }

    @Override
    public ColumnStore store() {
        return store;
    }

    @Override
    public int maxRows() {
        return maxRows;
    }

    @Override
    public void followLines(LongSupplier reached) {
        line = reached;
    }

    @Override
    public void problem(ImportProblem problem) {
        problems.add(problem);
    }

    @Override
    public void leftOut(long at, ImportProblem.Kind kind, String message) {
        ragged++;
        if (ragged <= DatasetImporter.MAX_PROBLEMS) {
            problems.add(new ImportProblem(at, kind, message));
        }
    }

    @Override
    public void rowsRead(long rows) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Reading " + source.name() + " was cancelled");
        }
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
            lastProgress = now;
            progress.update(bytesRead(), total, rows);
        }
    }

    @Override
    public void skippedSepLine(char delimiter) {
        sepLine = delimiter;
    }

    @Override
    public void readingSheet(String read, List<String> all) {
        sheet = read;
        sheets = List.copyOf(all);
    }

    // The pass's own work

    private long bytesRead() {
        return reader == null ? 0 : reader.bytesRead();
    }

    /** A read that must give rows (every one but an inspection's) ends here when there are none. */
    private void requireRows(String noRows) throws DatasetException {
        if (store.size() > 0 || !rowsRequired) {
            return;
        }
        if (ragged > 0) {
            ImportProblem first = problems.stream()
                    .filter(p ->
                            p.kind() == ImportProblem.Kind.RAGGED_ROW || p.kind() == ImportProblem.Kind.NOT_AN_OBJECT)
                    .findFirst()
                    .orElseThrow();
            throw new DatasetException(source.name() + ", line " + first.line() + ": " + first.message()
                    + "; no row of the file could be read (" + ragged + " left out)");
        }
        throw new DatasetException(source.name() + ": " + noRows);
    }

    /** Rows to make room for: the preview's few, or the sample's lines scaled to the file's size. */
    private int expectedRows(byte[] sample, int length, boolean complete) {
        if (maxRows != Integer.MAX_VALUE) {
            return Math.min(maxRows, 1024);
        }
        int lines = 0;
        for (int i = 0; i < length; i++) {
            if (sample[i] == '\n' || (sample[i] == '\r' && (i + 1 >= length || sample[i + 1] != '\n'))) {
                lines++;
            }
        }
        if (complete || total <= 0 || lines == 0) {
            return Math.max(16, lines + 1);
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, total * lines / length + lines / 16 + 16);
    }

    private static String shortName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
