package io.hazeljms.bench;

/**
 * Message counts and limits of a mode. Counts are fixed per mode, with a time cap for slow loads: a short
 * probe (part of the warm-up) measures the load's rate, and a phase that would take longer than its cap at
 * that rate gets fewer messages (never fewer than its minimum). So fast loads always move the full count,
 * while an fsync-bound persistent broker does not stretch a quick run to minutes. The count each load
 * actually used is printed and written to the CSV.
 *
 * @param jitSeconds     before its first load, each target moves messages in every measured load for this long
 *                       (unmeasured), so the first load measured is not also the one that warms up the JIT
 * @param probe          messages of the first warm-up step, used to estimate the rate
 * @param warmupMax      further warm-up messages...
 * @param warmupSeconds  ...capped to this long at the probed rate
 * @param rounds         throughput phases per load, the targets of a shape taking turns; the median is reported
 * @param countMax       messages of each throughput phase...
 * @param countSeconds   ...capped so that all rounds together take about this long at the warm-up rate...
 * @param countMin       ...but never fewer than this
 * @param latencySeconds the fixed-rate latency phase lasts this long at half the measured rate...
 * @param latencyMin     ...but has at least this many messages...
 * @param latencyMax     ...and at most this many
 * @param heapCount      messages queued (not consumed) for the heap figure, scaled to 100k
 * @param stallMillis    a phase fails when no message moved for this long
 * @param phaseMillis    a phase fails when it lasts longer than this
 */
public record Settings(String mode, double jitSeconds, int probe, int warmupMax, double warmupSeconds, int rounds,
                       int countMax, double countSeconds, int countMin, double latencySeconds, int latencyMin,
                       int latencyMax, int heapCount, long stallMillis, long phaseMillis) {

    public static Settings quick() {
        return new Settings("quick", 5.0, 100, 2_000, 0.5, 3, 20_000, 1.0, 200, 0.4, 150, 3_000,
                10_000, 20_000, 60_000);
    }

    public static Settings full() {
        return new Settings("full", 30, 1_000, 20_000, 5, 3, 100_000, 30, 5_000, 10, 5_000, 100_000,
                100_000, 60_000, 600_000);
    }

    public static Settings of(String mode) {
        return switch (mode) {
            case "quick" -> quick();
            case "full" -> full();
            default -> throw new IllegalArgumentException("--mode must be quick or full, was " + mode);
        };
    }

    /** These settings with another JIT warm-up per target and shape ({@code --jit-seconds}). */
    public Settings withJitSeconds(double seconds) {
        return new Settings(mode, seconds, probe, warmupMax, warmupSeconds, rounds, countMax, countSeconds, countMin,
                latencySeconds, latencyMin, latencyMax, heapCount, stallMillis, phaseMillis);
    }

    public int warmupCount(double probedRate) {
        return (int) Math.min(warmupMax, Math.round(probedRate * warmupSeconds));
    }

    public int measuredCount(double warmRate) {
        return clamp(Math.round(warmRate * countSeconds / rounds), countMin, countMax);
    }

    /** Messages in a latency phase at {@code rate} messages per second. */
    public int latencyCount(double rate) {
        return clamp(Math.round(rate * latencySeconds), latencyMin, latencyMax);
    }

    private static int clamp(long n, int min, int max) {
        return (int) Math.max(min, Math.min(max, n));
    }
}
