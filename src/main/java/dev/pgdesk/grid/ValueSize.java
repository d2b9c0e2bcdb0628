package dev.pgdesk.grid;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * A cheap estimate of the heap a row takes on a 64-bit JVM with compressed references: object headers,
 * fields and array payloads, without walking object graphs. Good enough to enforce a memory cap, not a
 * profiler.
 */
final class ValueSize {
    private static final int HEADER = 16;
    private static final int REFERENCE = 4;

    private ValueSize() {}

    static long ofRow(Object[] row) {
        long bytes = align(HEADER + (long) REFERENCE * row.length) + REFERENCE; // + the buffer's slot
        for (Object value : row) {
            bytes += of(value);
        }
        return bytes;
    }

    static long of(Object value) {
        if (value == null || value instanceof Boolean) {
            return 0; // Boolean.TRUE/FALSE are shared
        } else if (value instanceof Integer || value instanceof Short || value instanceof Float) {
            return 16;
        } else if (value instanceof Long || value instanceof Double) {
            return 24;
        } else if (value instanceof String text) {
            return string(text);
        } else if (value instanceof BigDecimal number) {
            // Up to 18 digits BigDecimal keeps the unscaled value in a long field, without a BigInteger.
            return number.precision() <= 18 ? 40 : 40 + bigInteger(number.unscaledValue());
        } else if (value instanceof BigInteger number) {
            return bigInteger(number);
        } else if (value instanceof byte[] bytes) {
            return align(HEADER + bytes.length);
        } else if (value instanceof UUID) {
            return 32;
        } else if (value instanceof OffsetDateTime) {
            return 24 + 24 + 24 + 24 + 16; // itself, LocalDateTime, LocalDate, LocalTime, offset (often shared)
        } else if (value instanceof LocalDateTime) {
            return 24 + 24 + 24;
        } else if (value instanceof LocalDate || value instanceof LocalTime) {
            return 24;
        } else if (value instanceof OffsetTime) {
            return 24 + 24 + 16;
        } else if (value instanceof java.util.Date) {
            return 32;
        } else if (value instanceof PGobject object) {
            // The type name is the driver's one string per column, shared by every value.
            return 24 + string(object.getValue());
        }
        // Arrays, intervals, anything else: a flat guess plus its text.
        return 64 + string(value.toString());
    }

    private static long string(String text) {
        if (text == null) {
            return 0;
        }
        boolean latin1 = text.chars().allMatch(c -> c < 256);
        return 24 + align(HEADER + (long) text.length() * (latin1 ? 1 : 2));
    }

    private static long bigInteger(BigInteger number) {
        return 40 + align(HEADER + 4L * ((number.bitLength() + 31) / 32));
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
