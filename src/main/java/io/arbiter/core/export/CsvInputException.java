package io.arbiter.core.export;

/** A CSV that cannot be read as asked; the message names the file, the line or column, and the problem. */
public final class CsvInputException extends Exception {

    public CsvInputException(String message) {
        super(message);
    }

    public CsvInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
