package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder under the importer keeps the Reader contract at the end of its input. */
class DecodingReaderTest {

    @Test
    void everyReadAfterTheEndAnswersMinusOne() throws IOException {
        for (Charset charset :
                List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, Charset.forName("windows-1252"))) {
            DecodingReader reader = new DecodingReader(new ByteArrayInputStream("Léon".getBytes(charset)), charset);
            char[] buffer = new char[16];

            assertEquals(4, reader.read(buffer, 0, buffer.length), charset.name());
            assertEquals("Léon", new String(buffer, 0, 4));
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        -1, reader.read(buffer, 0, buffer.length), charset.name() + ", read " + i + " after the end");
            }
        }
    }
}
