package io.ticketstream.bench.smt;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.ticketstream.connect.smt.braze.BrazeSubscriptionState;

/** BrazeSubscriptionState on CustomerChange records (most are dropped: their opt-in did not change). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BrazeSubscriptionStateBenchmark {

    private final BrazeSubscriptionState<SinkRecord> transform = new BrazeSubscriptionState.Value<>();
    private SinkRecord[] changes;
    private int next;

    @Setup
    public void setUp() {
        transform.configure(Map.of(
                "user.id.field", "customer_ref",
                "subscription.field", "sms_opt_in",
                "subscription.group.id", SmtFixtures.SMS_GROUP,
                "changed.fields.field", "changed_fields"));
        changes = SmtFixtures.customerChanges();
    }

    @Benchmark
    public SinkRecord schemaCustomerChange() {
        next = (next + 1) & (SmtFixtures.RECORDS - 1);
        return transform.apply(changes[next]);
    }
}
