package io.arbiter.core.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Reads CSV, TSV and JSON Lines files into a {@link Dataset}: detects the encoding, delimiter, quote, line ending
 * and header (see {@link SettingsDetector}), streams the file once, and reports what it worked around. The GUI, the
 * command line and {@link DatasetReader} all read through here.
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
    private static final long PROGRESS_INTERVAL_NANOS = 50_000_000L;
    private static final int CHECK_EVERY_ROWS = 1024;

    private DatasetImporter() {
    }

    /** Where the bytes come from: a file (which can be opened again) or a stream (once). */
    interface Source {
        String name();

        Path path();

        long size();

        InputStream open() throws IOException;

        boolean reopenable();
    }

    /** Sniffs the first 64 KB and returns fully resolved settings. */
    public static ImportSettings detect(Path file) throws DatasetException {
        Source source = fileSource(file);
        try (InputStream in = source.open()) {
            byte[] sample = new byte[SettingsDetector.SAMPLE_BYTES];
            int length = in.readNBytes(sample, 0, sample.length);
            return resolve(source, sample, length, in.read() < 0, ImportSettings.detectAll());
        } catch (IOException e) {
            throw ioFailure(source, e, 0);
        }
    }

    /** The first {@code maxRows} rows, parsed exactly as {@link #read} would. */
    public static ImportResult preview(Path file, ImportSettings settings, int maxRows) throws DatasetException {
        return read(fileSource(file), settings, ImportProgress.NONE, () -> false, maxRows);
    }

    /**
     * Reads the whole file on the calling thread (call it from a background one).
     *
     * @param cancelled polled every thousand rows or so; when true the read stops with a CancellationException
     */
    public static ImportResult read(Path file, ImportSettings settings, ImportProgress progress, BooleanSupplier cancelled)
            throws DatasetException {
        return read(fileSource(file), settings, progress, cancelled, Integer.MAX_VALUE);
    }

    /**
     * Reads the whole file to report what it holds: a file with a header and no rows, a JSON Lines file with none, or
     * one whose every row is ragged gives a result with 0 rows (and its columns, and its problems) instead of an error.
     * Every other read refuses such a file, because nothing can be run on it.
     */
    public static ImportResult inspect(Path file, ImportSettings settings) throws DatasetException {
        return read(fileSource(file), settings, ImportProgress.NONE, () -> false, Integer.MAX_VALUE, false);
    }

    static ImportResult read(Source source, ImportSettings settings, ImportProgress progress, BooleanSupplier cancelled,
                             int maxRows) throws DatasetException {
        return read(source, settings, progress, cancelled, maxRows, true);
    }

    private static ImportResult read(Source source, ImportSettings settings, ImportProgress progress,
                                     BooleanSupplier cancelled, int maxRows, boolean rowsRequired) throws DatasetException {
        try {
            return new Run(source, settings, progress, cancelled, maxRows, rowsRequired, List.of()).read();
        } catch (EncodingMismatch e) {
            if (settings.encoding() != null || !source.reopenable()) {
                throw new DatasetException(source.name() + ", line " + e.line + ": the bytes here are not valid "
                        + e.encoding + "; choose another encoding (for example windows-1252)");
            }
            ImportProblem fallback = new ImportProblem(e.line, ImportProblem.Kind.ENCODING_FALLBACK,
                    "bytes that are not valid " + e.encoding + "; the file was read as windows-1252");
            try {
                return new Run(source, settings.withEncoding(SettingsDetector.WINDOWS_1252), progress, cancelled, maxRows,
                        rowsRequired, List.of(fallback)).read();
            } catch (EncodingMismatch again) {
                throw new IllegalStateException("windows-1252 decoding does not fail", again);
            }
        }
    }

    static Source fileSource(Path file) {
        return new Source() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public Path path() {
                return file;
            }

            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public InputStream open() throws IOException {
                if (Files.isDirectory(file)) {
                    throw new IOException("is a folder, not a file");
                }
                return Files.newInputStream(file);
            }

            @Override
            public boolean reopenable() {
                return true;
            }
        };
    }

    static Source streamSource(InputStream in, String name) {
        return new Source() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Path path() {
                return null;
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public InputStream open() {
                return in;
            }

            @Override
            public boolean reopenable() {
                return false;
            }
        };
    }

    private static ImportSettings resolve(Source source, byte[] sample, int length, boolean complete, ImportSettings given)
            throws DatasetException {
        String fileName = source.path() != null && source.path().getFileName() != null
                ? source.path().getFileName().toString() : source.name();
        try {
            return SettingsDetector.detect(sample, length, complete, fileName, given);
        } catch (SettingsDetector.NotText e) {
            throw new DatasetException(source.name() + ": " + e.getMessage());
        }
    }

    private static DatasetException ioFailure(Source source, IOException e, long line) {
        if (e instanceof NoSuchFileException) {
            return new DatasetException(source.name() + (line > 0 ? ", line " + line + ": the file disappeared while it was read"
                    : ": no such file"), e);
        }
        if (e instanceof AccessDeniedException) {
            return new DatasetException(source.name() + ": permission denied", e);
        }
        String where = line > 0 ? ", line " + line + ": reading stopped, the file could not be read any more" : ": cannot be read";
        return new DatasetException(source.name() + where + " (" + e.getMessage() + ")", e);
    }

    static String shortName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** The detected encoding met bytes it cannot decode; the caller may read again in another one. */
    private static final class EncodingMismatch extends Exception {
        final long line;
        final String encoding;

        EncodingMismatch(long line, String encoding) {
            super(null, null, false, false);
            this.line = line;
            this.encoding = encoding;
        }
    }

    /** One pass over the source. */
    private static final class Run {
        private final Source source;
        private final ImportSettings given;
        private final ImportProgress progress;
        private final BooleanSupplier cancelled;
        private final int maxRows;
        private final boolean rowsRequired;
        private final List<ImportProblem> problems;
        private long ragged;
        private long total = -1;
        private long lastProgress;
        private DecodingReader reader;
        private DelimitedTokenizer tokenizer;
        private JsonRows json;

        Run(Source source, ImportSettings given, ImportProgress progress, BooleanSupplier cancelled, int maxRows,
            boolean rowsRequired, List<ImportProblem> earlier) {
            this.source = source;
            this.given = given;
            this.progress = progress;
            this.cancelled = cancelled;
            this.maxRows = maxRows;
            this.rowsRequired = rowsRequired;
            this.problems = new ArrayList<>(earlier);
        }

        ImportResult read() throws DatasetException, EncodingMismatch {
            try (InputStream raw = source.open()) {
                byte[] sample = new byte[SettingsDetector.SAMPLE_BYTES];
                int length = raw.readNBytes(sample, 0, sample.length);
                int next = length == sample.length ? raw.read() : -1;
                ImportSettings resolved = resolve(source, sample, length, next < 0, given);
                checkCharacters(resolved);
                int bom = SettingsDetector.bomLength(sample, length, resolved.encoding());
                InputStream prefix = new ByteArrayInputStream(sample, bom, length - bom);
                InputStream all = next < 0 ? prefix
                        : new SequenceInputStream(prefix, new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) next}), raw));
                reader = new DecodingReader(all, resolved.encoding());
                reader.addSkipped(bom);
                total = source.size();
                int expected = expectedRows(sample, length, next < 0);
                Character sepLine = resolved.format() == FileFormat.DELIMITED
                        ? SettingsDetector.sepLine(sample, length, resolved.encoding()) : null;
                ColumnStore store = resolved.format() == FileFormat.DELIMITED
                        ? readDelimited(resolved, sepLine, expected) : readJson(resolved.format(), expected);
                progress.update(reader.bytesRead(), total, store.size());
                Dataset dataset = store.toDataset(shortName(source.name()), source.path());
                long skipped = Math.min(ragged, Integer.MAX_VALUE);
                return new ImportResult(dataset, resolved, problems, (int) skipped, ragged, sepLine);
            } catch (DecodingReader.MalformedBytesException e) {
                throw new EncodingMismatch(Math.max(1, currentLine()), "UTF-8");
            } catch (ClosedByInterruptException e) {
                throw new CancellationException("Reading " + source.name() + " was cancelled");
            } catch (IOException e) {
                throw ioFailure(source, e, currentLine());
            }
        }

        private void checkCharacters(ImportSettings s) throws DatasetException {
            if (s.format() != FileFormat.DELIMITED) {
                return;
            }
            char d = s.delimiter();
            char q = s.quote();
            if (d == q || d == '\n' || d == '\r' || q == '\n' || q == '\r') {
                throw new DatasetException(source.name() + ": the delimiter (" + ImportSettings.describe(d) + ") and the quote ("
                        + ImportSettings.describe(q) + ") must be two different characters other than a line break");
            }
        }

        private long currentLine() {
            return tokenizer != null ? tokenizer.line() : json != null ? json.line() : 0;
        }

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

        private ColumnStore readDelimited(ImportSettings settings, Character sepLine, int expected)
                throws IOException, DatasetException {
            ColumnStore store = new ColumnStore(List.of(), expected);
            tokenizer = new DelimitedTokenizer(reader, settings.delimiter(), settings.quote(), store::cell);
            try {
                if (sepLine != null) {
                    tokenizer.skipLine();
                }
                boolean found;
                while ((found = tokenizer.next()) && tokenizer.isBlank()) {
                    // leading blank lines
                }
                if (!found) {
                    throw new DatasetException(source.name() + (sepLine == null ? ": the file is empty"
                            : ": has only Excel's sep=" + sepLine + " line, no header or rows"));
                }
                String[] first = Arrays.copyOf(tokenizer.fields(), tokenizer.count());
                long headerLine = tokenizer.recordLine();
                List<String> columns = settings.header() ? headerNames(first, headerLine) : numberedNames(first.length);
                for (String column : columns) {
                    store.addColumn(column);
                }
                int width = columns.size();
                if (!settings.header()) {
                    addRow(store, first, first.length, width, headerLine);
                }
                int sinceCheck = 0;
                while (store.size() < maxRows && tokenizer.next()) {
                    if (tokenizer.isBlank()) {
                        continue;
                    }
                    addRow(store, tokenizer.fields(), tokenizer.count(), width, tokenizer.recordLine());
                    if (++sinceCheck == CHECK_EVERY_ROWS) {
                        sinceCheck = 0;
                        tick(store.size());
                    }
                }
            } catch (DelimitedTokenizer.ParseFailure e) {
                throw new DatasetException(source.name() + ", line " + e.line + ": " + e.getMessage());
            }
            tick(store.size()); // a Cancel after the last periodic check still counts
            requireRows(store, settings.header() ? "has a header but no rows" : "the file is empty");
            return store;
        }

        private void addRow(ColumnStore store, String[] cells, int count, int width, long recordLine) {
            if (count == width) {
                store.addRow(cells);
                return;
            }
            ragged(recordLine, ImportProblem.Kind.RAGGED_ROW, count + " cells where the header has " + width);
        }

        private void ragged(long line, ImportProblem.Kind kind, String message) {
            ragged++;
            if (ragged <= MAX_PROBLEMS) {
                problems.add(new ImportProblem(line, kind, message));
            }
        }

        /** A read that must give rows (every one but {@link #inspect}'s) ends here when there are none. */
        private void requireRows(ColumnStore store, String noRows) throws DatasetException {
            if (store.size() > 0 || !rowsRequired) {
                return;
            }
            if (ragged > 0) {
                ImportProblem first = problems.stream().filter(p -> p.kind() == ImportProblem.Kind.RAGGED_ROW
                        || p.kind() == ImportProblem.Kind.NOT_AN_OBJECT).findFirst().orElseThrow();
                throw new DatasetException(source.name() + ", line " + first.line() + ": " + first.message()
                        + "; no row of the file could be read (" + ragged + " left out)");
            }
            throw new DatasetException(source.name() + ": " + noRows);
        }

        private void tick(long rows) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Reading " + source.name() + " was cancelled");
            }
            long now = System.nanoTime();
            if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
                lastProgress = now;
                progress.update(reader.bytesRead(), total, rows);
            }
        }

        private List<String> headerNames(String[] cells, long line) {
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < cells.length; i++) {
                String name = cells[i].strip();
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1).strip();
                }
                if (name.isEmpty()) {
                    name = "column_" + (i + 1);
                    problems.add(new ImportProblem(line, ImportProblem.Kind.BLANK_HEADER,
                            "column " + (i + 1) + " has no name; it is called " + name));
                }
                if (seen.contains(name)) {
                    int suffix = 2;
                    while (seen.contains(name + "_" + suffix)) {
                        suffix++;
                    }
                    String renamed = name + "_" + suffix;
                    problems.add(new ImportProblem(line, ImportProblem.Kind.DUPLICATE_HEADER,
                            "column name '" + name + "' appears twice; column " + (i + 1) + " is called " + renamed));
                    name = renamed;
                }
                seen.add(name);
                names.add(name);
            }
            return names;
        }

        private static List<String> numberedNames(int count) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                names.add("column_" + i);
            }
            return names;
        }

        private ColumnStore readJson(FileFormat format, int expected) throws IOException, DatasetException {
            ColumnStore store = new ColumnStore(List.of(), expected);
            json = new JsonRows(source.name(), store, new JsonRows.Listener() {
                @Override
                public void leftOut(long line, ImportProblem.Kind kind, String message) {
                    ragged(line, kind, message);
                }

                @Override
                public void rowsRead(long rows) {
                    tick(rows);
                }
            });
            if (format == FileFormat.JSON_ARRAY) {
                json.readArray(reader, maxRows);
            } else {
                json.readLines(reader, maxRows);
            }
            tick(store.size());
            requireRows(store, format == FileFormat.JSON_ARRAY ? "the JSON array is empty; it has no rows" : "the file is empty");
            return store;
        }
    }
}
