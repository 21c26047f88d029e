package io.ticketstream.ops.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A connector's state and its tasks' states, read from {@code GET /connectors/{name}/status}. */
public record ConnectorHealth(String name, String state, String workerId, String type, String trace, List<TaskHealth> tasks) {

    /** One task: its id, state, worker, and the stack trace Connect keeps for a FAILED task. */
    public record TaskHealth(int id, String state, String workerId, String trace) {
    }

    public static ConnectorHealth parse(JsonNode status) {
        List<TaskHealth> tasks = new ArrayList<>();
        for (JsonNode task : status.path("tasks")) {
            tasks.add(new TaskHealth(task.path("id").asInt(), task.path("state").asText(),
                    task.path("worker_id").asText(), task.hasNonNull("trace") ? task.get("trace").asText() : null));
        }
        JsonNode connector = status.path("connector");
        return new ConnectorHealth(status.path("name").asText(), connector.path("state").asText(),
                connector.path("worker_id").asText(), status.path("type").asText(),
                connector.hasNonNull("trace") ? connector.get("trace").asText() : null, List.copyOf(tasks));
    }

    /** Connector RUNNING and at least one task, all RUNNING: what "converged" means for apply. */
    public boolean fullyRunning() {
        return "RUNNING".equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
    }

    public boolean anyFailed() {
        return "FAILED".equals(state) || tasks.stream().anyMatch(t -> "FAILED".equals(t.state()));
    }
}
