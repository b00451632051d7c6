package io.arbiter.core.dataset;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a UTF-8 comma-separated file with a header row into a {@link Dataset}. */
public final class DatasetReader {

    private DatasetReader() {
    }

    public static Dataset read(Path file) throws DatasetException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads from a stream; {@code name} is how messages refer to the source. */
    public static Dataset read(InputStream in, String name) throws DatasetException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try (CSVReader csv = new CSVReaderBuilder(reader).build()) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new DatasetException(name + ": the file is empty");
            }
            List<String> columns = columns(header, name);
            List<String[]> rows = new ArrayList<>();
            String[] cells;
            while ((cells = csv.readNext()) != null) {
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue; // a blank line, often the last one
                }
                if (cells.length != columns.size()) {
                    throw new DatasetException(name + ", line " + csv.getLinesRead() + ": " + cells.length
                            + " cells where the header has " + columns.size());
                }
                rows.add(cells);
            }
            if (rows.isEmpty()) {
                throw new DatasetException(name + ": has a header but no rows");
            }
            return new Dataset(shortName(name), columns, rows);
        } catch (CsvException e) {
            throw new DatasetException(name + ", line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DatasetException(name + ": " + e.getMessage(), e);
        }
    }

    private static List<String> columns(String[] header, String name) throws DatasetException {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.length; i++) {
            String column = header[i].strip();
            if (i == 0 && column.startsWith("\uFEFF")) {
                column = column.substring(1);
            }
            if (column.isEmpty()) {
                throw new DatasetException(name + ", line 1: column " + (i + 1) + " has no name");
            }
            if (!seen.add(column)) {
                throw new DatasetException(name + ", line 1: column name '" + column + "' appears twice");
            }
            columns.add(column);
        }
        return columns;
    }

    private static String shortName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
