package io.ticketstream.ops.connect;

import io.ticketstream.ops.ExitCodes;

/** The Connect REST API answered with a non-2xx status; carries Connect's own error message. */
public final class ConnectHttpException extends RuntimeException {
    private final int status;
    private final String method;
    private final String path;

    public ConnectHttpException(String method, String path, int status, String message) {
        super(method + " " + path + " -> HTTP " + status + ": " + message);
        this.method = method;
        this.path = path;
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** 404/409 and Connect's 400 for state preconditions are the operator's to fix; anything else is a failure to talk to Connect. */
    public int exitCode() {
        if (status == 404 || status == 409 || status == 400) {
            return ExitCodes.PRECONDITION;
        }
        return ExitCodes.UNREACHABLE;
    }
}
