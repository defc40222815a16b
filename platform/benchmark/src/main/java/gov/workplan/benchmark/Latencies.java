package gov.workplan.benchmark;

import java.util.Arrays;

/** Durations recorded in nanoseconds, read as percentiles in milliseconds. Thread-safe. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    double p50() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    synchronized double max() {
        return size == 0 ? Double.NaN : Arrays.stream(values, 0, size).max().getAsLong() / 1e6;
    }

    /** Nearest-rank percentile, in milliseconds; NaN when nothing was recorded. */
    synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }
}
