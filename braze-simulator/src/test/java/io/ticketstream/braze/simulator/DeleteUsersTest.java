package io.ticketstream.braze.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /users/delete as Braze documents it: one kind of identifier per request, 1 to 50, users.delete permission. */
class DeleteUsersTest {

    private BrazeSimulator sim;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        sim = BrazeSimulator.builder().apiKeys(Set.of("test-key", "track-only"))
                .permissions("track-only", BrazeSimulator.PERMISSION_USERS_TRACK)
                .deleteRateLimit(3, Duration.ofMinutes(1)).build().start();
        client = new SimulatorClient(sim.baseUri());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void deletesEveryNamedUserAndRecordsThemInOrder() throws Exception {
        assertEquals(201, client.post(BrazeSimulator.USERS_DELETE, "test-key",
                "{\"external_ids\":[\"C-1\",\"C-2\"]}").statusCode());
        assertEquals(List.of("C-1", "C-2"), sim.acceptedDeletions().stream().map(o -> o.text("external_id")).toList());
    }

    @Test
    void mixedIdentifiersTooManyOrNoneAreRejectedWhole() throws Exception {
        assertEquals(400, client.post(BrazeSimulator.USERS_DELETE, "test-key",
                "{\"external_ids\":[\"C-1\"],\"braze_ids\":[\"b\"]}").statusCode());
        String fiftyOne = IntStream.range(0, 51).mapToObj(i -> "\"C-" + i + "\"").collect(Collectors.joining(","));
        assertEquals(400, client.post(BrazeSimulator.USERS_DELETE, "test-key",
                "{\"external_ids\":[" + fiftyOne + "]}").statusCode());
        assertEquals(400, client.post(BrazeSimulator.USERS_DELETE, "test-key", "{}").statusCode());
        assertEquals(0, sim.acceptedDeletions().size());
    }

    @Test
    void needsTheUsersDeletePermissionAndHasItsOwnLimit() throws Exception {
        assertEquals(403, client.post(BrazeSimulator.USERS_DELETE, "track-only", "{\"external_ids\":[\"C-1\"]}").statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(201, client.post(BrazeSimulator.USERS_DELETE, "test-key", "{\"external_ids\":[\"C-" + i + "\"]}")
                    .statusCode());
        }
        assertEquals(429, client.post(BrazeSimulator.USERS_DELETE, "test-key", "{\"external_ids\":[\"C-9\"]}").statusCode());
        assertEquals(201, client.track(SimulatorClient.events(1, "u")).statusCode(), "/users/track has its own budget");
    }
}
