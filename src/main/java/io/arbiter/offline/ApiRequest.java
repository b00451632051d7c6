package io.arbiter.offline;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;

/** One HTTP request as an endpoint sees it: method, path, the path match, raw query, headers and the whole body. */
public record ApiRequest(String method, String path, Matcher pathMatch, String rawQuery, Headers headers, byte[] body) {

    public ApiRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    /** The first value of a query parameter, e.g. {@code limit} in {@code ?limit=5&after=batch_1}. */
    public Optional<String> queryParameter(String name) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
