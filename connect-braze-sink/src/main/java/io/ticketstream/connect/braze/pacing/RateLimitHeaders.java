package io.ticketstream.connect.braze.pacing;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.ticketstream.connect.braze.http.HttpResult;

/** Reads Braze's rate-limit headers (case-insensitive, see {@link HttpResult}); absent or garbled means -1. */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    public static long limit(HttpResult result) {
        return number(result.header("X-RateLimit-Limit"));
    }

    public static long remaining(HttpResult result) {
        return number(result.header("X-RateLimit-Remaining"));
    }

    public static long resetEpochSeconds(HttpResult result) {
        return number(result.header("X-RateLimit-Reset"));
    }

    /** Retry-After (seconds or HTTP date) or X-RateLimit-Retry-After (seconds), in millis; -1 when absent. */
    public static long retryAfterMillis(HttpResult result, long nowMillis) {
        Optional<String> value = result.header("Retry-After").or(() -> result.header("X-RateLimit-Retry-After"));
        if (value.isEmpty()) {
            return -1;
        }
        String text = value.get();
        try {
            double seconds = Double.parseDouble(text);
            if (seconds > 1_000_000_000d) {
                return Math.max(0, (long) (seconds * 1000) - nowMillis); // an epoch time, not a delay
            }
            return Math.max(0, (long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, at - nowMillis);
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }

    private static long number(Optional<String> value) {
        if (value.isEmpty()) {
            return -1;
        }
        try {
            return (long) Double.parseDouble(value.get());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
