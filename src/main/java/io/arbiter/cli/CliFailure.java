package io.arbiter.cli;

/** A command that cannot go on; its message is printed as one line and its status is the exit code. */
final class CliFailure extends RuntimeException {

    private final int status;

    CliFailure(String message, int status) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
