package io.arbiter.offline;

import java.util.regex.Pattern;

/** Binds an HTTP method and a path pattern (matched whole, e.g. {@code /v1/files/([^/]+)}) to an endpoint. */
public record Route(String method, Pattern path, Endpoint endpoint) {

    public static Route get(String pathRegex, Endpoint endpoint) {
        return new Route("GET", Pattern.compile(pathRegex), endpoint);
    }

    public static Route post(String pathRegex, Endpoint endpoint) {
        return new Route("POST", Pattern.compile(pathRegex), endpoint);
    }
}
