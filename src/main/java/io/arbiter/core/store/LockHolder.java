package io.arbiter.core.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds a project open, as its lock file says: the process id, the host, since when, and what it is
 * ("arbiter run", "the workbench"). Kept as one line of JSON so a person can read the file too.
 */
public record LockHolder(long pid, String host, Instant since, String by) {

    private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");
    private static final Pattern HOST = text("host");
    private static final Pattern SINCE = text("started_at");
    private static final Pattern BY = text("by");
    private static final String THIS_HOST = findHostName();

    /** This process, holding a project from now on. */
    static LockHolder thisProcess(String by, Instant now) {
        return new LockHolder(ProcessHandle.current().pid(), THIS_HOST, now.truncatedTo(ChronoUnit.SECONDS), by);
    }

    /** E.g. "arbiter run (process 4242 on build-7, since 2025-06-01T08:02:03Z)". */
    public String describe() {
        return (by == null || by.isBlank() ? "Arbiter" : by) + " (process " + pid + " on " + host
                + (since == null ? "" : ", since " + since) + ")";
    }

    boolean onThisHost() {
        return THIS_HOST.equals(host);
    }

    boolean isThisProcess() {
        return onThisHost() && pid == ProcessHandle.current().pid();
    }

    /** True when the process ran on this host and has ended: whatever it left is stale. */
    boolean ended() {
        return onThisHost() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    String toJson() {
        return "{\"pid\": " + pid + ", \"host\": " + quote(host) + ", \"started_at\": " + quote(since.toString())
                + ", \"by\": " + quote(by == null ? "" : by) + "}\n";
    }

    /** What a lock file says; empty when it is empty (released) or unreadable (being written this instant). */
    static Optional<LockHolder> parse(String json) {
        Matcher pid = PID.matcher(json);
        Matcher host = HOST.matcher(json);
        if (!pid.find() || !host.find()) {
            return Optional.empty();
        }
        try {
            Matcher started = SINCE.matcher(json);
            Matcher by = BY.matcher(json);
            return Optional.of(new LockHolder(
                    Long.parseLong(pid.group(1)),
                    unquote(host.group(1)),
                    started.find() ? Instant.parse(unquote(started.group(1))) : null,
                    by.find() ? unquote(by.group(1)) : null));
        } catch (RuntimeException e) {
            return Optional.empty(); // half written this instant, or written by hand: the message does without it
        }
    }

    private static Pattern text(String key) {
        return Pattern.compile("\"" + key + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String unquote(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                if (next == 'u' && i + 4 < text.length()) {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The host's name without a DNS lookup where the system says it (a lookup can take seconds on a machine whose
     * name does not resolve), else the JDK's.
     */
    private static String findHostName() {
        for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String name = Files.readString(etc).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the JDK
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
