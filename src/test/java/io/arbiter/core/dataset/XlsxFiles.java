package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Workbooks the tests write with fastexcel's writer, and the one thing it cannot write: a formula's cached value. */
public final class XlsxFiles {

    /** What a test puts in a workbook. */
    @FunctionalInterface
    public interface Content {
        void write(Workbook workbook) throws IOException;
    }

    private XlsxFiles() {}

    /** Writes a workbook to {@code file}. */
    public static Path write(Path file, Content content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Arbiter tests", "1.0");
            content.write(workbook);
            workbook.finish();
        }
        return file;
    }

    /** A sheet's row of text cells. */
    public static void row(Worksheet sheet, int row, String... cells) {
        for (int c = 0; c < cells.length; c++) {
            sheet.value(row, c, cells[c]);
        }
    }

    /** Rewrites one part of the workbook, e.g. {@code xl/workbook.xml}, as another producer would have written it. */
    public static void edit(Path file, String part, UnaryOperator<String> edit) throws IOException {
        Path rewritten = file.resolveSibling(file.getFileName() + ".tmp");
        boolean found = false;
        try (ZipFile zip = new ZipFile(file.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(part)) {
                    found = true;
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no part " + part);
        }
        Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Gives the formula in cell {@code ref} of the first sheet the value Excel would have cached when it saved: a
     * number ({@code type} "n"), text ("str"), TRUE/FALSE as 1/0 ("b") or an error ("e").
     */
    public static void cache(Path file, String ref, String type, String value) throws IOException {
        Pattern cell = Pattern.compile("<c r=\"" + ref + "\"[^>]*><f>(.*?)</f></c>");
        edit(file, "xl/worksheets/sheet1.xml", xml -> {
            Matcher m = cell.matcher(xml);
            if (!m.find()) {
                throw new IllegalArgumentException("no formula in " + ref);
            }
            return m.replaceFirst(Matcher.quoteReplacement(
                    "<c r=\"" + ref + "\" t=\"" + type + "\"><f>" + m.group(1) + "</f><v>" + value + "</v></c>"));
        });
    }
}
