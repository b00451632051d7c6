package io.arbiter.core.dataset;

import java.util.List;

/**
 * The formats the importer knows, in the order detection asks them: Excel workbooks first, by their zip bytes (a text
 * format would refuse them as binary), then JSON layouts, because they say so in their first characters, and
 * delimited text last, as what any other text is taken to be.
 */
final class TableFormats {

    private static final List<TableFormat> DETECTION_ORDER =
            List.of(new XlsxFormat(), new JsonArrayFormat(), new JsonLinesFormat(), new DelimitedFormat());

    private TableFormats() {}

    /** The format {@code id} names. */
    static TableFormat of(FileFormat id) {
        for (TableFormat format : DETECTION_ORDER) {
            if (format.id() == id) {
                return format;
            }
        }
        throw new IllegalStateException("no reader for " + id.describe() + "; register it in TableFormats");
    }

    /** The first format that recognises a file starting like {@code start}. */
    static TableFormat recognise(FileStart start) throws FileStart.NotText {
        for (TableFormat format : DETECTION_ORDER) {
            if (format.recognises(start)) {
                return format;
            }
        }
        throw new IllegalStateException("delimited text recognises every text; it must stay last in TableFormats");
    }
}
