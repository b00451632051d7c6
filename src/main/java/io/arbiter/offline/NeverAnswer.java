package io.arbiter.offline;

/**
 * Thrown by an endpoint to have the router keep the connection open and never answer it (the {@code hang} fault):
 * the exchange is parked, not its thread, so a server with a few threads can leave any number of requests hanging.
 */
final class NeverAnswer extends RuntimeException {

    NeverAnswer() {
        super("Accepted and never answered (fault plan)", null, false, false);
    }
}
