package io.arbiter;

/** Entry point of the jar: with no arguments it opens the workbench, otherwise it runs a command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
    }
}
