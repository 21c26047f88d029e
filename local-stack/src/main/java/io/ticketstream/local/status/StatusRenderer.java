package io.ticketstream.local.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link StatusSnapshot} as text (ANSI clear + home is added by the caller), in two views:
 * <ul>
 *   <li>{@link #compact}: fits a 80x24 terminal with a line to spare: the counts flow across the width, lag is one
 *       line per group, connectors are one summary line plus the ones not RUNNING with their cause (cut to the
 *       width; the details view and {@code ticketstream ops status} show it whole). When rows run short, problem
 *       rows give way first, then lag rows, and the section title says how many are shown;</li>
 *   <li>{@link #details}: every section in full, one item per line (also what {@code --no-status} logs).</li>
 * </ul>
 */
public final class StatusRenderer {

    public static final int WIDTH = 80;
    /** Lines the compact view may use: a 24-line terminal, one line kept for the cursor and one for growth. */
    public static final int MAX_COMPACT_LINES = 22;
    private static final int LABEL = 16;
    private static final int MAX_LAG_ROWS = 7;
    private static final int MAX_PROBLEM_ROWS = 4;

    private StatusRenderer() {
    }

    public static String compact(StatusSnapshot s, String header) {
        List<String> lines = new ArrayList<>();
        lines.add(fit("ticketstream  up " + uptime(s.uptimeSeconds()) + "  " + header));
        List<String> sources = new ArrayList<>();
        s.eventsPerSource().forEach((source, n) -> sources.add(source.replace(" (simulated)", "*").replace(" (real CDC)", "") + " " + count(n)));
        flow(lines, "EVENTS (*sim.)", sources);
        flow(lines, "STREAMS APP", List.of(s.streamsState(), "dead letters:", "streams " + count(s.streamsDlq()),
                "braze " + count(s.brazeDlq()), "warehouse " + count(s.connectDlq())));
        List<String> canonical = new ArrayList<>();
        s.recordsPerCanonicalTopic().forEach((topic, n) -> canonical.add(shortTopic(topic) + " " + count(n)));
        flow(lines, "CANONICAL", canonical);
        flow(lines, "BRAZE SIMULATOR", List.of("requests " + count(s.brazeRequests()), "accepted " + count(s.brazeObjects()),
                "429s " + count(s.braze429())));
        List<String> warehouse = new ArrayList<>();
        // the relation without its schema (all are in presentation; the details screen names it)
        s.warehouseRows().forEach((relation, n) -> warehouse.add(relation.substring(relation.indexOf('.') + 1) + " "
                + (n < 0 ? "-" : count(n))));
        flow(lines, "STAR SCHEMA", warehouse);

        List<StatusSnapshot.ConnectorLine> problems = s.connectors().stream().filter(c -> !"RUNNING".equals(c.state())).toList();
        List<List<String>> problemRows = new ArrayList<>();
        for (StatusSnapshot.ConnectorLine c : problems.subList(0, Math.min(problems.size(), MAX_PROBLEM_ROWS))) {
            // the exception's simple name: the package would take the width the message needs; two lines at most
            problemRows.add(wrap("  " + c.connector() + (c.task() < 0 ? "" : " task " + c.task()) + " " + c.state()
                    + (c.error() == null ? "" : ": " + c.error().replaceFirst("^([a-z][a-z0-9_]*\\.)+(?=[A-Z])", "")), 2));
        }
        int groups = s.lagPerGroup().size();
        int lagRows = Math.min(groups, MAX_LAG_ROWS);
        // blank, lag header, lag rows (or "none yet"), blank, connectors line, problems, footer
        while (lines.size() + 5 + Math.max(1, lagRows) + problemRows.stream().mapToInt(List::size).sum() > MAX_COMPACT_LINES
                && (problemRows.size() > 1 || lagRows > 1)) {
            if (problemRows.size() > 1) {
                problemRows.remove(problemRows.size() - 1);
            } else {
                lagRows--;
            }
        }

        lines.add("");
        String lagTitle = "CONSUMER LAG" + (lagRows < groups ? " (" + lagRows + " of " + groups + " groups)" : "");
        lines.add(String.format(Locale.ROOT, "%-44s %10s %9s  %s", lagTitle, "records", "oldest", "status"));
        if (groups == 0) {
            lines.add("  (no committed offsets yet)");
        }
        s.lagPerGroup().entrySet().stream().limit(lagRows).forEach(e -> lines.add(lagLine(e.getKey(), e.getValue())));

        lines.add("");
        long connectors = s.connectors().stream().filter(c -> c.task() < 0).count();
        long tasks = s.connectors().size() - connectors;
        long connectorsRunning = s.connectors().stream().filter(c -> c.task() < 0 && "RUNNING".equals(c.state())).count();
        long tasksRunning = s.connectors().stream().filter(c -> c.task() >= 0 && "RUNNING".equals(c.state())).count();
        lines.add(fit(String.format(Locale.ROOT, "%-" + LABEL + "s%d/%d connectors, %d/%d tasks RUNNING%s", "CONNECTORS",
                connectorsRunning, connectors, tasksRunning, tasks,
                problems.size() > problemRows.size() ? " (" + problemRows.size() + " of " + problems.size() + " problems below)" : "")));
        problemRows.forEach(lines::addAll);
        lines.add(fit("Enter: details, whole errors   more: ./ticketstream ops status | lag"));
        return String.join("\n", lines) + "\n";
    }

    public static String details(StatusSnapshot s, String header) {
        StringBuilder out = new StringBuilder();
        out.append(header).append("   up ").append(uptime(s.uptimeSeconds())).append("   (Ctrl-C stops everything)\n\n");
        out.append("EVENTS CAPTURED PER SOURCE (data records on the raw topics)\n");
        s.eventsPerSource().forEach((source, n) -> line(out, source, n));
        out.append(String.format(Locale.ROOT, "  %-44s %,12d  (simulated events written %,d; real catalogue changes %,d)%n",
                "", s.eventsPerSource().values().stream().mapToLong(Long::longValue).sum(), s.trafficEvents(), s.catalogChanges()));
        out.append("\nCANONICAL TOPICS (data records)          streams app: ").append(s.streamsState()).append('\n');
        s.recordsPerCanonicalTopic().forEach((topic, n) -> line(out, topic, n));
        line(out, "ticketing.streams.dlq (DLQ)", s.streamsDlq());
        line(out, "ticketing.braze.dlq (Braze sinks' DLQ)", s.brazeDlq());
        line(out, "ticketing.connect.local.dlq (warehouse-landing's DLQ)", s.connectDlq());
        out.append("\nBRAZE SIMULATOR (stand-in for Braze)\n");
        line(out, "requests", s.brazeRequests());
        line(out, "objects accepted", s.brazeObjects());
        line(out, "429 Too Many Requests", s.braze429());
        out.append("\nSTAR SCHEMA (PostgreSQL `warehouse`, stand-in for Snowflake) rows\n");
        s.warehouseRows().forEach((relation, n) -> out.append(String.format(Locale.ROOT, "  %-44s %12s%n", relation,
                n < 0 ? "-" : String.format(Locale.ROOT, "%,d", n))));
        out.append(String.format(Locale.ROOT, "%n%-44s %10s %9s  %s%n", "CONSUMER LAG", "records", "oldest", "status"));
        if (s.lagPerGroup().isEmpty()) {
            out.append("  (no committed offsets yet)\n");
        }
        s.lagPerGroup().forEach((group, lag) -> out.append(lagLine(group, lag)).append('\n'));
        out.append("\nCONNECTORS AND TASKS\n");
        for (StatusSnapshot.ConnectorLine c : s.connectors()) {
            String name = c.task() < 0 ? c.connector() : "  task " + c.task();
            out.append(String.format(Locale.ROOT, "  %-44s %-10s %s%n", name, c.state(), c.error() == null ? "" : c.error()));
        }
        return out.toString();
    }

    private static String lagLine(String group, StatusSnapshot.GroupLag lag) {
        String seconds = Double.isNaN(lag.oldestSeconds()) ? "n/a" : String.format(Locale.ROOT, "%.1fs", lag.oldestSeconds());
        return fit(String.format(Locale.ROOT, "  %-42s %,10d %9s  %s", group, lag.records(), seconds, lag.status()));
    }

    /** Items after a label, two spaces apart, wrapped under the label's column so no line passes the width. */
    private static void flow(List<String> lines, String label, List<String> items) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + LABEL + "s", label));
        boolean empty = true;
        for (String item : items) {
            if (!empty && line.length() + 2 + item.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(" ".repeat(LABEL));
                empty = true;
            }
            line.append(empty ? "" : "  ").append(item);
            empty = false;
        }
        lines.add(fit(line.toString()));
    }

    /** Words of {@code text} on at most {@code maxLines} lines of the width, continuation lines indented; the last cut. */
    private static List<String> wrap(String text, int maxLines) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (out.size() < maxLines - 1 && rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= 4) {
                cut = WIDTH;
            }
            out.add(rest.substring(0, cut));
            rest = "    " + rest.substring(cut).strip();
        }
        out.add(fit(rest));
        return out;
    }

    private static String shortTopic(String topic) {
        return topic.replaceFirst("^ticketing\\.", "").replaceFirst("\\.v\\d+$", "");
    }

    private static String fit(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 3) + "...";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String uptime(long seconds) {
        return seconds < 3600 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    private static void line(StringBuilder out, String name, long n) {
        out.append(String.format(Locale.ROOT, "  %-44s %,12d%n", name, n));
    }
}
