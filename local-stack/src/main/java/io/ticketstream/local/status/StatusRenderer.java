package io.ticketstream.local.status;


/** Renders a {@link StatusSnapshot} as a plain-text screen (ANSI clear + home is added by the caller). */
public final class StatusRenderer {

    private StatusRenderer() {
    }

    public static String render(StatusSnapshot s, String header) {
        StringBuilder out = new StringBuilder();
        out.append(header).append("   up ").append(s.uptimeSeconds()).append(" s   (Ctrl-C stops everything)\n\n");
        out.append("EVENTS CAPTURED PER SOURCE (raw topic records)\n");
        s.eventsPerSource().forEach((source, n) -> line(out, source, n));
        out.append(String.format("  %-44s %,12d  (simulated events written %,d; real catalogue changes %,d)%n",
                "", s.eventsPerSource().values().stream().mapToLong(Long::longValue).sum(), s.trafficEvents(), s.catalogChanges()));
        out.append("\nCANONICAL TOPICS (records)          streams app: ").append(s.streamsState()).append('\n');
        s.recordsPerCanonicalTopic().forEach((topic, n) -> line(out, topic, n));
        line(out, "ticketing.streams.dlq (DLQ)", s.streamsDlq());
        line(out, "ticketing.braze.dlq (Braze sinks' DLQ)", s.brazeDlq());
        line(out, "ticketing.connect.local.dlq (warehouse sinks' DLQ)", s.connectDlq());
        out.append("\nBRAZE SIMULATOR (stand-in for Braze)\n");
        line(out, "requests", s.brazeRequests());
        line(out, "objects accepted", s.brazeObjects());
        line(out, "429 Too Many Requests", s.braze429());
        out.append('\n').append(io.ticketstream.local.warehouse.StarSchema.statusLine(s.warehouseRows())).append('\n');
        out.append("\nCONSUMER LAG (records)\n");
        if (s.lagPerGroup().isEmpty()) {
            out.append("  (no committed offsets yet)\n");
        }
        s.lagPerGroup().forEach((group, n) -> line(out, group, n));
        out.append("\nCONNECTORS AND TASKS\n");
        for (StatusSnapshot.ConnectorLine c : s.connectors()) {
            String name = c.task() < 0 ? c.connector() : "  task " + c.task();
            out.append(String.format("  %-44s %-10s %s%n", name, c.state(), c.error() == null ? "" : c.error()));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, long n) {
        out.append(String.format("  %-44s %,12d%n", name, n));
    }

}
