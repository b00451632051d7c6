package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * A sheet of an Excel workbook (.xlsx, .xlsm): the first one Excel shows, or the one {@link ImportSettings#sheet()}
 * names. Recognised by its zip signature (or an Office file's, or the name), so a workbook is never taken for text.
 * Rows stream from the sheet through fastexcel's reader; each cell reads as Excel shows it ({@link XlsxCells}).
 */
final class XlsxFormat implements TableFormat {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** The Office container of Excel 97-2003 files, and of an .xlsx saved with a password (encrypted inside it). */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A};
    /** The stream an encrypted Office file keeps its key in, named in UTF-16 in the container's directory. */
    private static final byte[] ENCRYPTION_INFO = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);

    @Override
    public FileFormat id() {
        return FileFormat.XLSX;
    }

    @Override
    public boolean recognises(FileStart start) {
        return startsWith(start, ZIP) || startsWith(start, OLE2) || start.nameEndsWith(".xlsx", ".xlsm");
    }

    @Override
    public ImportSettings settle(FileStart start, ImportSettings given) {
        boolean header = given.header() != null ? given.header() : true;
        return new ImportSettings(id(), StandardCharsets.UTF_8, ',', '"', LineEnding.LF, header, given.sheet());
    }

    @Override
    public boolean readsText() {
        return false;
    }

    @Override
    public void read(TableReading reading, ImportSettings settings) throws IOException, DatasetException {
        refuseOtherFiles(reading);
        if (reading.file() != null) {
            read(reading, settings, reading.file());
            return;
        }
        // A stream is read from a copy: the workbook part is looked at twice (XlsxDateSystem), and Java's
        // ZipInputStream refuses the entries some writers stream out with their sizes after the data.
        Path copy = Files.createTempFile("arbiter-workbook-", ".xlsx");
        try {
            try (InputStream in = reading.bytes()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            read(reading, settings, copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static void read(TableReading reading, ImportSettings settings, Path file)
            throws IOException, DatasetException {
        ReadingOptions options = new ReadingOptions(true, false); // formats are how dates are told from numbers
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), options)) {
            boolean date1904 = workbook.isDate1904() || XlsxDateSystem.date1904(file);
            List<Sheet> sheets = workbook.getSheets().toList();
            Sheet sheet = chosen(sheets, settings.sheet(), reading.name());
            boolean noneShown = sheets.stream().noneMatch(XlsxFormat::shown);
            reading.readingSheet(
                    sheet.getName(),
                    sheets.stream()
                            .filter(s -> noneShown || shown(s) || s == sheet)
                            .map(Sheet::getName)
                            .toList());
            String where = reading.name() + ", sheet '" + sheet.getName() + "'";
            try (Stream<Row> rows = sheet.openStream()) {
                new XlsxRows(reading, settings, new XlsxCells(date1904), where).read(rows.iterator());
            } catch (DatasetException | CancellationException e) {
                throw e;
            } catch (Exception e) { // the XML parser's own exceptions reach here unwrapped, checked or not
                throw new DatasetException(where + ": cannot be read (" + causeOf(e) + ")", e);
            }
        } catch (ExcelReaderException | IOException | UncheckedIOException | IllegalStateException e) {
            throw new DatasetException(
                    reading.name() + ": not a readable Excel workbook (" + causeOf(e)
                            + "); open it in Excel and save it again as .xlsx",
                    e);
        }
    }

    /**
     * The sheets of the workbook {@code file} Excel shows as tabs (every sheet when it hides them all), in order;
     * empty when it is not a workbook that opens.
     */
    static List<String> sheets(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(ZIP.length);
            if (!Arrays.equals(start, ZIP)) {
                return List.of();
            }
        } catch (IOException e) {
            return List.of();
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            List<Sheet> sheets = workbook.getSheets().toList();
            List<Sheet> shown = sheets.stream().filter(XlsxFormat::shown).toList();
            return (shown.isEmpty() ? sheets : shown)
                    .stream().map(Sheet::getName).toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // reading it says why
        }
    }

    @Override
    public String noRows(ImportSettings settings) {
        String sheet = settings.sheet() == null ? "the sheet" : "sheet '" + settings.sheet() + "'";
        return settings.header() ? sheet + " has a header but no rows" : sheet + " is empty";
    }

    /** An empty file, an old .xls, an encrypted workbook or other bytes named .xlsx, each said for what it is. */
    private static void refuseOtherFiles(TableReading reading) throws DatasetException {
        FileStart start = reading.start();
        if (start.length() == 0) {
            throw new DatasetException(reading.name() + ": the file is empty");
        }
        if (startsWith(start, OLE2)) {
            throw new DatasetException(reading.name()
                    + (contains(start, ENCRYPTION_INFO)
                            ? ": the workbook is encrypted (saved with a password); save a copy without one"
                            : ": an Excel 97-2003 (.xls) or password-protected workbook; save it as .xlsx without"
                                    + " a password"));
        }
        if (!startsWith(start, ZIP)) {
            throw new DatasetException(reading.name() + ": not an Excel workbook (an .xlsx file is a zip archive and"
                    + " this one is not); choose the format it is in, or save it from Excel as .xlsx");
        }
    }

    private static Sheet chosen(List<Sheet> sheets, String name, String file) throws DatasetException {
        if (sheets.isEmpty()) {
            throw new DatasetException(file + ": the workbook has no sheets");
        }
        if (name == null) {
            return sheets.stream().filter(XlsxFormat::shown).findFirst().orElse(sheets.get(0));
        }
        return sheets.stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new DatasetException(file + ": no sheet named '" + name + "'; its sheets are "
                        + String.join(
                                ", ",
                                sheets.stream()
                                        .map(s -> "'" + s.getName() + "'" + (shown(s) ? "" : " (hidden)"))
                                        .toList())));
    }

    /**
     * Whether Excel shows the sheet as a tab. A hidden one (a lookup table, a workbook's settings) is read only when
     * named: the first sheet is the first a user sees, and the lists offered to choose from are the ones Excel shows.
     */
    private static boolean shown(Sheet sheet) {
        return sheet.getVisibility() == null || sheet.getVisibility() == SheetVisibility.VISIBLE;
    }

    static String causeOf(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage();
        return message == null || message.isBlank() ? deepest.getClass().getSimpleName() : message;
    }

    private static boolean startsWith(FileStart start, byte[] signature) {
        if (start.length() < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (start.bytes()[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(FileStart start, byte[] needle) {
        byte[] bytes = start.bytes();
        outer:
        for (int i = 0; i + needle.length <= start.length(); i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
