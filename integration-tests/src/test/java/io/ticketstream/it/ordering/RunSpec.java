package io.ticketstream.it.ordering;

/** One run of the property test: a scenario, the raw topics' partition count, a seed. */
public record RunSpec(Scenario scenario, int partitions, long seed) {

    /** {@code scenario:partitions:seed}, the form {@code -Dit.ordering.runs} takes. */
    public String id() {
        return scenario.id() + ":" + partitions + ":" + seed;
    }

    public static RunSpec parse(String id) {
        String[] parts = id.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a run is scenario:partitions:seed, not '" + id + "'");
        }
        return new RunSpec(Scenario.of(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
    }

    /** The command that runs exactly this run again. */
    public String replayCommand() {
        return "./mvnw -B -pl integration-tests -am verify -Dtest=ArrivalOrderPropertyTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dit.ordering.runs=" + id();
    }
}
