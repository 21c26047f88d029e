package io.ticketstream.warehouse.check;

/** One reconciliation: its name, whether it held, and what was compared (numbers, never customer data). */
public record CheckResult(String name, boolean ok, String detail) {

    static CheckResult zero(String name, long found, String what) {
        return new CheckResult(name, found == 0, found + " " + what);
    }
}
