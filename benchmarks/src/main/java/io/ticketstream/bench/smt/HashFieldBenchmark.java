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

import io.ticketstream.connect.smt.hash.HashField;

/** HashField: SHA-256 of a nested e-mail (trim + lower-case) in TicketSale, and of two top-level fields. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HashFieldBenchmark {

    private final HashField<SinkRecord> nested = new HashField.Value<>();
    private final HashField<SinkRecord> topLevel = new HashField.Value<>();
    private SinkRecord[] sales;
    private SinkRecord[] changes;
    private int next;

    @Setup
    public void setUp() {
        nested.configure(Map.of("fields", "customer.email", "salt", "bench-salt", "normalization", "trim_lowercase"));
        topLevel.configure(Map.of("fields", "email,phone", "salt", "bench-salt", "normalization", "trim"));
        sales = SmtFixtures.ticketSales();
        changes = SmtFixtures.customerChanges();
    }

    @Benchmark
    public SinkRecord nestedEmailInTicketSale() {
        next = (next + 1) & (SmtFixtures.RECORDS - 1);
        return nested.apply(sales[next]);
    }

    @Benchmark
    public SinkRecord emailAndPhoneInCustomerChange() {
        next = (next + 1) & (SmtFixtures.RECORDS - 1);
        return topLevel.apply(changes[next]);
    }
}
