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

import io.ticketstream.connect.smt.predicates.FieldEquals;

/** The FieldEquals predicate routing TicketSale SALE vs REVERSAL. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FieldEqualsBenchmark {

    private final FieldEquals<SinkRecord> isSale = new FieldEquals.Value<>();
    private SinkRecord[] sales;
    private int next;

    @Setup
    public void setUp() {
        isSale.configure(Map.of("field", "type", "values", "SALE"));
        sales = SmtFixtures.ticketSales();
    }

    @Benchmark
    public boolean saleOrReversal() {
        next = (next + 1) & (SmtFixtures.RECORDS - 1);
        return isSale.test(sales[next]);
    }
}
