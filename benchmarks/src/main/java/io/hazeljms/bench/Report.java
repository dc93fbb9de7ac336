package io.hazeljms.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Prints the tables and writes the CSV files and PNG charts of a run. */
public final class Report {

    private static final String HJ = "hazeljms";
    private static final String IQ = "iqueue";
    private static final String AI = "artemis-invm";
    private static final String AT = "artemis-tcp";

    private final Results results;

    public Report(Results results) {
        this.results = results;
    }

    // --- console ---------------------------------------------------------------------------------------------

    public void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "HazelJMS benchmark, %s mode, 1 KiB TextMessage (%d chars); n = messages per "
                + "phase; send/s and e2e/s: the median of the throughput rounds; latency at half that end-to-end "
                + "rate%n", results.mode, Payload.SIZE);
        out.println();
        out.printf(Locale.ROOT, "%-13s %3s %-19s %6s %9s %9s | %9s %6s %9s %9s %9s %9s %6s%n", "target", "mbr",
                "load", "n", "send/s", "e2e/s", "lat.rate/s", "n", "p50 us", "p99 us", "p99.9 us", "max us", "gc ms");
        out.println("-".repeat(127));
        for (Results.Row r : sortedRows()) {
            if (!r.ok()) {
                out.printf(Locale.ROOT, "%-13s %3d %-19s FAILED: %s%n", r.target(), r.members(), r.load(),
                        r.problem());
                continue;
            }
            out.printf(Locale.ROOT, "%-13s %3d %-19s %6d %9.0f %9.0f | %9.0f %6d %9.1f %9.1f %9.1f %9.1f %6d%n",
                    r.target(), r.members(), r.load(), r.count(), r.sendRate(), r.endToEndRate(), r.latencyRate(),
                    r.latencyCount(), r.p50Micros(), r.p99Micros(), r.p999Micros(), r.maxMicros(), r.gcMillis());
        }
        out.println();
        out.println("Ratios (HazelJMS / other; throughput > 1 = HazelJMS faster, latency < 1 = HazelJMS faster). "
                + "Artemis is one broker: compared on the 1-member rows only.");
        out.printf(Locale.ROOT, "%-18s %9s %9s %9s %9s %9s %9s %9s %9s%n", "load", "e2e/IQ", "send/IQ", "e2e/A-vm",
                "e2e/A-tcp", "p99/IQ", "p99/A-vm", "p99/A-tcp", "p50/IQ");
        out.println("-".repeat(100));
        for (String[] r : ratioRows()) {
            out.printf(Locale.ROOT, "%-18s %9s %9s %9s %9s %9s %9s %9s %9s%n", (Object[]) r);
        }
        List<String[]> durable = durableRows();
        if (!durable.isEmpty()) {
            out.println();
            out.println("Durable store (persistent loads): HazelJMS writing through to its durable store / Artemis with "
                    + "its journal syncing (A = artemis-invm, else artemis-tcp; 1-member rows only) and / HazelJMS in "
                    + "memory (same members). Aim: e2e/A > 1 and e2e/mem >= 0.5. Latency ratios < 1 = durable "
                    + "HazelJMS faster.");
            out.printf(Locale.ROOT, "%-13s %-10s %9s %9s %9s | %-12s %7s %7s %7s | %7s %7s %7s | %s%n", "target",
                    "load", "e2e/s", "p50 us", "p99 us", "A", "e2e/A", "p50/A", "p99/A", "e2e/mem", "p50/mem",
                    "p99/mem", "aim");
            out.println("-".repeat(127));
            for (String[] r : durable) {
                out.printf(Locale.ROOT, "%-13s %-10s %9s %9s %9s | %-12s %7s %7s %7s | %7s %7s %7s | %s%n",
                        (Object[]) r);
            }
        }
        out.println();
        out.println("Heap per 100k queued 1 KiB non-persistent messages (used heap after System.gc(), "
                + "after minus before; 2 members = primary + backup, all in this JVM)");
        out.printf(Locale.ROOT, "%-13s %3s %10s %12s %8s %8s%n", "target", "mbr", "MiB/100k", "bytes/msg",
                "vs IQ", "vs A-vm");
        out.println("-".repeat(60));
        for (Results.HeapRow h : results.heap) {
            if (!h.ok()) {
                out.printf(Locale.ROOT, "%-13s %3d FAILED: %s%n", h.target(), h.members(), h.problem());
                continue;
            }
            Results.HeapRow iq = results.findHeap(IQ, h.members());
            Results.HeapRow ai = results.findHeap(AI, 1);
            out.printf(Locale.ROOT, "%-13s %3d %10.1f %12.0f %8s %8s%n", h.target(), h.members(), h.mibPer100k(),
                    h.bytesPerMessage(),
                    h.target().equals(HJ) ? ratio(h.mibPer100k(), iq == null || !iq.ok() ? 0 : iq.mibPer100k()) : "",
                    h.target().equals(HJ) && h.members() == 1
                            ? ratio(h.mibPer100k(), ai == null || !ai.ok() ? 0 : ai.mibPer100k()) : "");
        }
        out.println();
        out.printf(Locale.ROOT, "Total %.1f s%s%n", results.elapsedMillis / 1000.0,
                results.allOk() ? "" : " -- SOME RUNS FAILED (see above)");
    }

    private List<Results.Row> sortedRows() {
        List<Results.Row> rows = new ArrayList<>(results.rows);
        rows.sort((a, b) -> {
            int c = Boolean.compare(b.persistent(), a.persistent());
            if (c == 0) c = Integer.compare(a.producers(), b.producers());
            if (c == 0) c = Integer.compare(a.members(), b.members());
            if (c == 0) c = Integer.compare(Benchmark.ALL_TARGETS.indexOf(a.target()),
                    Benchmark.ALL_TARGETS.indexOf(b.target()));
            return c;
        });
        return rows;
    }

    private List<String[]> ratioRows() {
        List<String[]> out = new ArrayList<>();
        for (Results.Row hj : sortedRows()) {
            if (!hj.target().equals(HJ)) {
                continue;
            }
            Results.Row iq = other(IQ, hj, hj.members());
            Results.Row ai = hj.members() == 1 ? other(AI, hj, 1) : null;
            Results.Row at = hj.members() == 1 ? other(AT, hj, 1) : null;
            out.add(new String[]{
                    hj.group(),
                    ratio(hj, iq, Results.Row::endToEndRate),
                    ratio(hj, iq, Results.Row::sendRate),
                    ratio(hj, ai, Results.Row::endToEndRate),
                    ratio(hj, at, Results.Row::endToEndRate),
                    ratio(hj, iq, Results.Row::p99Micros),
                    ratio(hj, ai, Results.Row::p99Micros),
                    ratio(hj, at, Results.Row::p99Micros),
                    ratio(hj, iq, Results.Row::p50Micros)});
        }
        return out;
    }

    /**
     * One row per persistent load of a durable target: its figures, then the ratios to Artemis with its journal
     * (in-VM if it ran, else TCP; one member only) and to HazelJMS in memory on the same shape, and whether the
     * aim is met (ahead of Artemis, at least half the in-memory rate).
     */
    List<String[]> durableRows() {
        List<String[]> out = new ArrayList<>();
        for (Results.Row d : sortedRows()) {
            if (!Benchmark.DURABLE_TARGETS.contains(d.target()) || !d.persistent()) {
                continue;
            }
            Results.Row artemis = null;
            if (d.members() == 1) {
                artemis = other(AI, d, 1);
                if (artemis == null || !artemis.ok()) {
                    Results.Row tcp = other(AT, d, 1);
                    artemis = tcp != null ? tcp : artemis;
                }
            }
            Results.Row memory = other(HJ, d, d.members());
            String vsA = ratio(d, artemis, Results.Row::endToEndRate);
            String vsMem = ratio(d, memory, Results.Row::endToEndRate);
            String aim = vsA.equals("-") || vsMem.equals("-") ? "-"
                    : (Double.parseDouble(vsA) > 1 ? "ahead of A" : "BEHIND A") + ", "
                    + (Double.parseDouble(vsMem) >= 0.5 ? ">= 0.5 mem" : "< 0.5 mem");
            out.add(new String[]{
                    d.target(),
                    (d.producers() + "->" + d.consumers() + " " + d.members() + "m"),
                    d.ok() ? String.format(Locale.ROOT, "%.0f", d.endToEndRate()) : "FAILED",
                    d.ok() ? String.format(Locale.ROOT, "%.1f", d.p50Micros()) : "-",
                    d.ok() ? String.format(Locale.ROOT, "%.1f", d.p99Micros()) : "-",
                    artemis == null ? "-" : artemis.target(),
                    vsA,
                    ratio(d, artemis, Results.Row::p50Micros),
                    ratio(d, artemis, Results.Row::p99Micros),
                    vsMem,
                    ratio(d, memory, Results.Row::p50Micros),
                    ratio(d, memory, Results.Row::p99Micros),
                    aim});
        }
        return out;
    }

    private Results.Row other(String target, Results.Row like, int members) {
        return results.find(target, members, like.persistent(), like.producers(), like.consumers());
    }

    private static String ratio(Results.Row a, Results.Row b, ToDoubleFunction<Results.Row> f) {
        if (a == null || b == null || !a.ok() || !b.ok()) {
            return "-";
        }
        return ratio(f.applyAsDouble(a), f.applyAsDouble(b));
    }

    private static String ratio(double a, double b) {
        return a <= 0 || b <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    // --- files -----------------------------------------------------------------------------------------------

    /** Writes results.csv, ratios.csv, durable.csv, heap.csv and the charts; returns the files written. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        StringBuilder csv = new StringBuilder("target,members,persistent,producers,consumers,count,send_per_s,"
                + "e2e_per_s,latency_rate_per_s,latency_count,p50_us,p99_us,p999_us,max_us,latency_gc_ms,"
                + "e2e_per_s_rounds,problem\n");
        for (Results.Row r : sortedRows()) {
            String rounds = r.roundRates().stream().map(x -> String.format(Locale.ROOT, "%.1f", x))
                    .collect(Collectors.joining(";"));
            csv.append(String.format(Locale.ROOT, "%s,%d,%b,%d,%d,%d,%.1f,%.1f,%.1f,%d,%.1f,%.1f,%.1f,%.1f,%d,%s,%s%n",
                    r.target(), r.members(), r.persistent(), r.producers(), r.consumers(), r.count(), r.sendRate(),
                    r.endToEndRate(), r.latencyRate(), r.latencyCount(), r.p50Micros(), r.p99Micros(),
                    r.p999Micros(), r.maxMicros(), r.gcMillis(), rounds, quote(r.problem())));
        }
        written.add(writeString(dir.resolve("results.csv"), csv));
        StringBuilder ratios = new StringBuilder("group,e2e_vs_iqueue,send_vs_iqueue,e2e_vs_artemis_invm,"
                + "e2e_vs_artemis_tcp,p99_vs_iqueue,p99_vs_artemis_invm,p99_vs_artemis_tcp,p50_vs_iqueue\n");
        for (String[] r : ratioRows()) {
            List<String> cells = new ArrayList<>();
            for (String cell : r) {
                cells.add(cell.equals("-") ? "" : cell);
            }
            ratios.append(String.join(",", cells)).append('\n');
        }
        written.add(writeString(dir.resolve("ratios.csv"), ratios));
        StringBuilder durable = new StringBuilder("target,load,e2e_per_s,p50_us,p99_us,artemis_target,"
                + "e2e_vs_artemis,p50_vs_artemis,p99_vs_artemis,e2e_vs_in_memory,p50_vs_in_memory,p99_vs_in_memory,"
                + "aim\n");
        for (String[] r : durableRows()) {
            List<String> cells = new ArrayList<>();
            for (String cell : r) {
                cells.add(cell.equals("-") ? "" : cell.contains(",") ? quote(cell) : cell);
            }
            durable.append(String.join(",", cells)).append('\n');
        }
        written.add(writeString(dir.resolve("durable.csv"), durable));
        StringBuilder heap = new StringBuilder("target,members,queued,used_before_bytes,used_after_bytes,"
                + "bytes_per_message,mib_per_100k,problem\n");
        for (Results.HeapRow h : results.heap) {
            heap.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.1f,%.2f,%s%n", h.target(), h.members(),
                    h.count(), h.usedBefore(), h.usedAfter(), h.bytesPerMessage(), h.mibPer100k(),
                    quote(h.problem())));
        }
        written.add(writeString(dir.resolve("heap.csv"), heap));
        written.add(throughputChart(dir.resolve("throughput.png")));
        written.add(latencyChart(dir.resolve("latency.png")));
        written.add(heapChart(dir.resolve("heap.png")));
        return written;
    }

    private static Path writeString(Path file, CharSequence text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String quote(String s) {
        return s.isEmpty() ? "" : '"' + s.replace("\"", "'") + '"';
    }

    private DefaultCategoryDataset byGroup(ToDoubleFunction<Results.Row> f) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Set<String> groups = new LinkedHashSet<>();
        sortedRows().forEach(r -> groups.add(r.group()));
        for (String target : Benchmark.ALL_TARGETS) {
            for (String group : groups) {
                for (Results.Row r : results.rows) {
                    if (r.target().equals(target) && r.group().equals(group) && r.ok()) {
                        data.addValue(f.applyAsDouble(r), target, group);
                    }
                }
            }
        }
        return data;
    }

    private Path throughputChart(Path file) throws IOException {
        JFreeChart chart = ChartFactory.createBarChart(
                "End-to-end throughput, 1 KiB TextMessage (" + results.mode + " mode)",
                "load (P = persistent, NP = non-persistent; producers->consumers; cluster members)",
                "messages/s", byGroup(Results.Row::endToEndRate), PlotOrientation.VERTICAL, true, false, false);
        rotate(chart);
        ChartUtils.saveChartAsPNG(file.toFile(), styled(chart), 1200, 650);
        return file;
    }

    private Path latencyChart(Path file) throws IOException {
        DefaultCategoryDataset data = byGroup(Results.Row::p99Micros);
        JFreeChart chart = ChartFactory.createBarChart(
                "p99 end-to-end latency at half of each target's maximum rate (" + results.mode + " mode)",
                "load (P = persistent, NP = non-persistent; producers->consumers; cluster members)",
                "p99 latency, microseconds (log scale)", data, PlotOrientation.VERTICAL, true, false, false);
        double max = 10;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number v = data.getValue(r, c);
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        LogAxis axis = new LogAxis("p99 latency, microseconds (log scale)");
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setMinorTickMarksVisible(true);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
        axis.setRange(10, max * 2);
        ((CategoryPlot) chart.getPlot()).setRangeAxis(axis);
        rotate(chart);
        ChartUtils.saveChartAsPNG(file.toFile(), styled(chart), 1200, 650);
        return file;
    }

    private Path heapChart(Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String target : Benchmark.ALL_TARGETS) {
            for (Results.HeapRow h : results.heap) {
                if (h.target().equals(target) && h.ok()) {
                    data.addValue(h.mibPer100k(), target, h.members() + (h.members() == 1 ? " member" : " members"));
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Heap per 100k queued 1 KiB messages (" + results.mode
                        + " mode)", "cluster shape", "MiB per 100k messages", data, PlotOrientation.VERTICAL,
                true, false, false);
        ChartUtils.saveChartAsPNG(file.toFile(), styled(chart), 800, 500);
        return file;
    }

    private static void rotate(JFreeChart chart) {
        CategoryAxis axis = ((CategoryPlot) chart.getPlot()).getDomainAxis();
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }

    private static JFreeChart styled(JFreeChart chart) {
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.GRAY);
        ((BarRenderer) plot.getRenderer()).setBarPainter(new StandardBarPainter());
        ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
        return chart;
    }
}
