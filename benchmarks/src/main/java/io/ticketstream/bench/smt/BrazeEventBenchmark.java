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

import io.ticketstream.connect.smt.braze.BrazeEvent;

/** BrazeEvent on TicketSale records: constant name, ISO time from a Timestamp, nested properties. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BrazeEventBenchmark {

    private final BrazeEvent<SinkRecord> transform = new BrazeEvent.Value<>();
    private SinkRecord[] sales;
    private int next;

    @Setup
    public void setUp() {
        transform.configure(Map.of(
                "user.id.field", "customer_ref",
                "event.name", "ticket_purchased",
                "time.field", "occurred_at",
                "properties", "sale_id,order_id,performance_id,performance.attraction_name:attraction,"
                        + "performance.starts_at:starts_at,ticket_count:tickets,gross_amount,channel"));
        sales = SmtFixtures.ticketSales();
    }

    @Benchmark
    public SinkRecord schemaTicketSale() {
        next = (next + 1) & (SmtFixtures.RECORDS - 1);
        return transform.apply(sales[next]);
    }
}
