package io.ticketstream.ops.warehouse;

import java.io.PrintWriter;

import io.ticketstream.ops.ExitCodes;
import io.ticketstream.warehouse.env.WarehouseEnvironment;

/** One wording for a warehouse that cannot be reached (exit 3), and the cause in words rather than a stack trace. */
final class WarehouseErrors {

    private WarehouseErrors() {
    }

    static int unreachable(PrintWriter err, WarehouseEnvironment environment, Exception e) {
        err.println("error: cannot connect to " + environment.name() + "'s warehouse at " + environment.url() + " as "
                + environment.user() + ": " + rootMessage(e));
        err.flush();
        return ExitCodes.UNREACHABLE;
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
