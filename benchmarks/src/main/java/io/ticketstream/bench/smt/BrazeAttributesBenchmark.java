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

import io.ticketstream.connect.smt.braze.BrazeAttributes;

/**
 * BrazeAttributes on CustomerChange records, as the Braze attributes connector runs it: changed_fields
 * selects what is sent, opt-ins become subscription groups. One thread = one Connect task = one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BrazeAttributesBenchmark {

    private final BrazeAttributes<SinkRecord> transform = new BrazeAttributes.Value<>();
    private SinkRecord[] structs;
    private SinkRecord[] maps;
    private int next;

    @Setup
    public void setUp() {
        transform.configure(Map.of(
                "user.id.field", "customer_ref",
                "attributes", "email,phone,first_name,last_name,date_of_birth:dob,country,city:home_city,"
                        + "favourite_genres,loyalty_tier,loyalty_points,commit_ts:profile_updated_at",
                "changed.fields.field", "changed_fields",
                "subscription.groups", "email_opt_in:" + SmtFixtures.EMAIL_GROUP + ",sms_opt_in:" + SmtFixtures.SMS_GROUP));
        structs = SmtFixtures.customerChanges();
        maps = SmtFixtures.customerChangeMaps();
    }

    @Benchmark
    public SinkRecord schemaCustomerChange() {
        next = (next + 1) & (SmtFixtures.RECORDS - 1);
        return transform.apply(structs[next]);
    }

    @Benchmark
    public SinkRecord schemalessCustomerChange() {
        next = (next + 1) & (SmtFixtures.RECORDS - 1);
        return transform.apply(maps[next]);
    }
}
