package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether a workbook counts its days from 1904, read from its {@code xl/workbook.xml}. fastexcel 0.19.0 reads the flag
 * with {@code Boolean.parseBoolean}, so it missed the {@code date1904="1"} Excel itself writes and every date of such
 * a workbook came out 1,462 days early (fixed upstream in 0.19.1, which Maven Central does not serve here yet).
 */
final class XlsxDateSystem {

    /** Where Excel, LibreOffice, Google Sheets and the libraries that write .xlsx put the workbook part. */
    private static final String WORKBOOK = "xl/workbook.xml";

    private XlsxDateSystem() {}

    /** False too when the JDK's zip reader, stricter than fastexcel's, refuses the file: fastexcel read it. */
    static boolean date1904(Path workbook) {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            ZipEntry entry = zip.getEntry(WORKBOOK);
            if (entry == null) {
                return false; // fastexcel says what is wrong with such a file
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return flag(in);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The workbookPr element's date1904, an XML Schema boolean: "true" or "1". */
    private static boolean flag(InputStream workbookXml) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(workbookXml);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("workbookPr")) {
                    String flag = xml.getAttributeValue(null, "date1904");
                    return "1".equals(flag) || "true".equals(flag);
                }
                if (xml.getLocalName().equals("sheets")) {
                    return false; // workbookPr comes before the sheets, when there is one
                }
            }
        } catch (XMLStreamException e) {
            return false; // fastexcel says what is wrong with the part
        } finally {
            close(xml);
        }
        return false;
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the zip stream under it is closed by the caller
        }
    }
}
