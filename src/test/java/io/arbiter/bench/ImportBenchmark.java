package io.arbiter.bench;

import com.opencsv.CSVReader;
import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.ImdbShapedFile;
import io.arbiter.core.dataset.ImportResult;
import io.arbiter.core.dataset.ImportSettings;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the dataset import of a 1,000,000-row, 16-column IMDB-shaped CSV against a plain opencsv read loop over the
 * same file, in one JVM, with the heap each leaves behind after a GC. Not a test: run it by hand (docs/PERFORMANCE.md).
 *
 * <p>Arguments: [rows (default 1000000)] [rounds (default 2)] [file (default /tmp/arbiter-imdb-ROWS.csv)].
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path file = args.length > 2 ? Path.of(args[2]) : Path.of("/tmp/arbiter-imdb-" + rows + ".csv");
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            ImdbShapedFile.write(partial, rows);
            Files.move(partial, file);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", file, seconds(start));
        }
        System.out.printf(
                Locale.ROOT,
                "file %s, %,d bytes, %d rows; max heap %d MB; %d cores%n",
                file,
                Files.size(file),
                rows,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            opencsv(file, round);
            importer(file, round);
        }
    }

    private static void opencsv(Path file, int round) throws Exception {
        long before = heapAfterGc();
        resetPeaks();
        long start = System.nanoTime();
        List<String[]> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(reader)) {
            String[] cells;
            while ((cells = csv.readNext()) != null) {
                rows.add(cells);
            }
        }
        double took = seconds(start);
        long peak = peaks();
        long heap = heapAfterGc() - before;
        report("opencsv readNext loop", round, took, heap, peak, rows.size() - 1);
        rows.clear();
    }

    private static void importer(Path file, int round) throws Exception {
        long before = heapAfterGc();
        resetPeaks();
        long start = System.nanoTime();
        AtomicLong updates = new AtomicLong();
        ImportResult result = DatasetImporter.read(
                file, ImportSettings.detectAll(), (bytes, total, rows) -> updates.incrementAndGet(), () -> false);
        double took = seconds(start);
        long peak = peaks();
        long heap = heapAfterGc() - before;
        report("DatasetImporter.read", round, took, heap, peak, result.dataset().size());
        System.out.printf(
                Locale.ROOT,
                "    %d progress updates, %d problems, settings %s%n",
                updates.get(),
                result.problems().size(),
                result.resolved());
    }

    private static void report(String what, int round, double seconds, long heap, long peak, int rows) {
        System.out.printf(
                Locale.ROOT,
                "round %d  %-22s %6.2f s  %,7d MB heap after GC  %,7d MB peak  %,d rows%n",
                round,
                what,
                seconds,
                heap >> 20,
                peak >> 20,
                rows);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
    private static long peaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
