package io.arbiter.core.store;

import java.sql.SQLException;

/** A read or write of an open project file that failed (disk full, file removed, store closed). */
public final class StoreException extends RuntimeException {

    /** What failed, as far as it tells the user what to do: free space, check the disk, make the file writable. */
    public enum Kind {
        /** SQLITE_FULL: the disk (or the file's size limit) is full. */
        DISK_FULL,
        /** SQLITE_IOERR: the operating system refused a read or write. */
        IO_ERROR,
        /** SQLITE_READONLY, or a project opened for reading: nothing can be written. */
        READ_ONLY,
        OTHER
    }

    private final Kind kind;

    public StoreException(String message, Throwable cause) {
        this(message, cause, kindOf(cause));
    }

    public StoreException(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The kind SQLite's primary result code (the low byte of an extended one) says, anywhere in the chain. */
    static Kind kindOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreException store && store.kind != Kind.OTHER) {
                return store.kind;
            }
            if (t instanceof SQLException sql) {
                Kind kind =
                        switch (sql.getErrorCode() & 0xFF) {
                            case 13 -> Kind.DISK_FULL;
                            case 10 -> Kind.IO_ERROR;
                            case 8 -> Kind.READ_ONLY;
                            default -> null;
                        };
                if (kind != null) {
                    return kind;
                }
            }
        }
        return Kind.OTHER;
    }
}
