package io.arbiter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a benchmark's CPU went: this JVM's live threads from {@code /proc/self/task} (Linux only), JIT compiler and
 * GC threads included, grouped by name with numbers folded, so "offline-server-17" counts as "offline-server-#".
 */
final class ThreadCpu {

    private ThreadCpu() {}

    /** CPU time of this whole JVM (all threads, GC and JIT included), so a change's cost per request shows. */
    static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Milliseconds of CPU by thread group; empty where /proc is missing. */
    static Map<String, Long> byGroup() {
        Map<String, Long> millis = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                    millis.merge(name, ticks * 10, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return millis;
    }

    /** One line per group that used at least 1% of the total, largest first. */
    static String report() {
        Map<String, Long> groups = byGroup();
        long total = groups.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder out = new StringBuilder("CPU by live thread group (ms):");
        groups.entrySet().stream()
                .filter(e -> e.getValue() * 100 >= total)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(' ')
                        .append(e.getKey())
                        .append('=')
                        .append(e.getValue())
                        .append(';'));
        return out.toString();
    }
}
