package io.arbiter.offline;

import com.sun.net.httpserver.Headers;
import java.util.Optional;
import java.util.regex.Matcher;

/** One HTTP request as an endpoint sees it: method, path, the path match, headers and the whole body. */
public record ApiRequest(String method, String path, Matcher pathMatch, Headers headers, byte[] body) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }
}
