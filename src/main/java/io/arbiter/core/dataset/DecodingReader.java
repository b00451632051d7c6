package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes to chars and counts the bytes read. Unlike InputStreamReader it hands over every char decoded before
 * a malformed sequence and only then throws, so the parser can name the line where the bad bytes are.
 */
final class DecodingReader extends Reader {

    /** Bytes that are not valid in the encoding; thrown once every char before them was delivered. */
    static final class MalformedBytesException extends CharacterCodingException {}

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean endOfInput;
    private boolean flushing;
    private boolean malformedPending;
    private long bytesRead;

    /** Strict for UTF-8 (so a wrong guess is noticed); other encodings replace what they cannot map. */
    DecodingReader(InputStream in, Charset encoding) {
        this.in = in;
        CodingErrorAction onError =
                encoding.equals(StandardCharsets.UTF_8) ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        this.decoder = encoding.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        bytes.flip();
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Counts bytes consumed before this reader was made (a skipped byte order mark). */
    void addSkipped(long count) {
        bytesRead += count;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (malformedPending) {
            throw new MalformedBytesException();
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        if (flushing) {
            // Callers read again after -1 (BufferedReader.readLine does when the last line has no line break); a
            // decoder that has been flushed must not decode again, so the end is answered from the flush alone.
            return flush(out, off);
        }
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int produced = out.position() - off;
            if (result.isError()) {
                if (produced > 0) {
                    malformedPending = true;
                    return produced;
                }
                throw new MalformedBytesException();
            }
            if (result.isOverflow() || produced > 0) {
                return produced;
            }
            if (endOfInput) {
                flushing = true;
                return flush(out, off);
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytesRead += n;
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }

    /** Whatever the decoder still holds, then -1 on this and every later call. */
    private int flush(CharBuffer out, int off) {
        decoder.flush(out);
        int produced = out.position() - off;
        return produced > 0 ? produced : -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
