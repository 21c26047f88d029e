package io.ticketstream.braze.simulator;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 date-time validation for event and purchase {@code time}. {@link DateTimeFormatter#ISO_DATE_TIME}
 * is the reference, but its optional sections copy hash maps on every parse and showed as the
 * largest cost in profiles of 75-event requests; the common strict shape
 * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)} is therefore checked by hand, and anything else
 * (zone ids, no offset, lower-case letters) goes to the formatter.
 */
final class IsoTimes {

    private IsoTimes() {
    }

    static boolean isValid(String text) {
        Boolean fast = fastPath(text);
        if (fast != null) {
            return fast;
        }
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** TRUE or FALSE when the text has the strict shape, {@code null} when the formatter must decide. */
    static Boolean fastPath(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i - start < 1 || i - start > 9) {
                return null;
            }
        }
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return inRange(year, month, day, hour, minute, second);
        }
        if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int offsetHours = digits(s, i + 1, 2);
            int offsetMinutes = digits(s, i + 4, 2);
            if (offsetHours < 0 || offsetMinutes < 0) {
                return null;
            }
            return offsetHours <= 18 && offsetMinutes <= 59 && (offsetHours < 18 || offsetMinutes == 0)
                    && inRange(year, month, day, hour, minute, second);
        }
        return null;
    }

    private static boolean inRange(int year, int month, int day, int hour, int minute, int second) {
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()
                && hour <= 23 && minute <= 59 && second <= 59;
    }

    /** The ASCII digits at [from, from+count) as a number, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
