package io.arbiter.core.dataset;

/**
 * The line ending a file uses, as detected from its first line break. The reader accepts all three (mixed files
 * are common), so this is what the file says about itself rather than a filter.
 */
public enum LineEnding {
    LF("\\n"),
    CRLF("\\r\\n"),
    CR("\\r");

    private final String escaped;

    LineEnding(String escaped) {
        this.escaped = escaped;
    }

    /** The ending as a reader would type it: {@code \r\n}. */
    public String escaped() {
        return escaped;
    }
}
