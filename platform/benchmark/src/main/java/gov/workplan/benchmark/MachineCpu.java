package gov.workplan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a phase's CPU went, from /proc: the machine's busy time, and each part's — the three services, PostgreSQL
 * (every postgres process), the broker and the benchmark's own clients — as shares of the cores the phase had. When
 * a goal is missed on two shared cores, this says which resource ran out and by how much.
 */
final class MachineCpu {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Map<String, Long> partTicks;
    private final long machineBusyTicks;
    private final long machineTotalTicks;
    private final long nanos;

    private MachineCpu(Map<String, Long> partTicks, long busy, long total, long nanos) {
        this.partTicks = partTicks;
        this.machineBusyTicks = busy;
        this.machineTotalTicks = total;
        this.nanos = nanos;
    }

    /** Now: each named process's CPU ticks so far (by pid), PostgreSQL's and this JVM's, and the machine's. */
    static MachineCpu now(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, ticks(pid)));
        ticks.put("postgresql", postgresTicks());
        ticks.put("benchmark clients", ticks(ProcessHandle.current().pid()));
        long[] machine = machine();
        return new MachineCpu(ticks, machine[0], machine[1], System.nanoTime());
    }

    /** Since {@code before}: the machine's busy share of its cores, and each part's share, in percent. */
    Map<String, Object> since(MachineCpu before) {
        int cores = Runtime.getRuntime().availableProcessors();
        double capacity = (nanos - before.nanos) / 1e9 * TICKS_PER_SECOND * cores;
        Map<String, Object> shares = new LinkedHashMap<>();
        long total = machineTotalTicks - before.machineTotalTicks;
        shares.put("machineBusyPercent", total == 0 ? 0 : 100.0 * (machineBusyTicks - before.machineBusyTicks) / total);
        partTicks.forEach((name, t) -> shares.put(name, capacity == 0 ? 0 : 100.0 * (t - before.partTicks.get(name)) / capacity));
        return shares;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long postgresTicks() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(MachineCpu::isPostgres)
                    .mapToLong(p -> ticks(Long.parseLong(p.getFileName().toString()))).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isPostgres(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).trim().startsWith("postgres");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** busy and total ticks of all cores (/proc/stat's first line; idle and iowait are not busy). */
    private static long[] machine() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] { total - idle, total };
        } catch (IOException e) {
            return new long[] { 0, 0 };
        }
    }
}
