package io.arbiter.offline;

/** Thrown by an endpoint to have the router close the connection without sending any response. */
final class ConnectionReset extends RuntimeException {

    ConnectionReset() {
        super("Connection closed without a response (fault plan)", null, false, false);
    }
}
