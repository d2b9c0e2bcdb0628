package dev.pgdesk.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.postgresql.PGStatement;

/**
 * Dates and times as PostgreSQL's {@code to_json} writes them: ISO 8601 ({@code 2024-01-31T13:45:00.5}),
 * {@code timestamptz} in UTC with {@code +00:00}, a {@code " BC"} suffix before year 1, and {@code
 * infinity}/{@code -infinity}. Takes both what pgjdbc's {@code getObject} returns (java.sql types) and
 * java.time values.
 */
final class TemporalText {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    /** Like ISO_OFFSET_TIME, but UTC as {@code +00:00} rather than {@code Z}, as PostgreSQL writes it. */
    private static final DateTimeFormatter OFFSET_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:MM:ss", "+00:00")
            .toFormatter(Locale.ROOT);

    private TemporalText() {}

    static boolean handles(Object value) {
        return value instanceof java.util.Date
                || value instanceof LocalDate
                || value instanceof LocalDateTime
                || value instanceof LocalTime
                || value instanceof OffsetDateTime
                || value instanceof OffsetTime;
    }

    /**
     * @param type the PostgreSQL type name; {@code timestamptz} tells an instant from a local date-time,
     *     as pgjdbc returns both as {@link java.sql.Timestamp}
     */
    static String of(String type, Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp(type, timestamp);
        } else if (value instanceof java.sql.Time time) {
            Calendar fields = fields(time, TimeZone.getDefault());
            // pgjdbc keeps milliseconds of a time, no more.
            return localTime(fields, fields.get(Calendar.MILLISECOND) * 1_000_000);
        } else if (value instanceof java.util.Date date) {
            String infinity = infinity(date.getTime());
            return infinity != null ? infinity : fromFields(date, TimeZone.getDefault(), 0, false, "");
        } else if (isInfinity(value)) {
            return value.equals(LocalDate.MAX) || value.equals(LocalDateTime.MAX) || value.equals(OffsetDateTime.MAX)
                    ? "infinity"
                    : "-infinity";
        } else if (value instanceof LocalDate date) {
            return isoDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), "", "");
        } else if (value instanceof LocalDateTime dateTime) {
            return localDateTime(dateTime, "");
        } else if (value instanceof OffsetDateTime dateTime) {
            return localDateTime(dateTime.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), "+00:00");
        } else if (value instanceof OffsetTime time) {
            return time.format(OFFSET_TIME);
        } else if (value.equals(LocalTime.MAX)) {
            // pgjdbc's stand-in for 24:00:00, which PostgreSQL allows and LocalTime cannot hold.
            return "24:00:00";
        } else if (value instanceof LocalTime time) {
            return isoTime(time);
        }
        throw new IllegalArgumentException(
                "not a date or time: " + value.getClass().getName());
    }

    /** pgjdbc's java.time stand-ins for {@code infinity} and {@code -infinity}: the type's MAX and MIN. */
    private static boolean isInfinity(Object value) {
        return value.equals(LocalDate.MAX)
                || value.equals(LocalDate.MIN)
                || value.equals(LocalDateTime.MAX)
                || value.equals(LocalDateTime.MIN)
                || value.equals(OffsetDateTime.MAX)
                || value.equals(OffsetDateTime.MIN);
    }

    private static String timestamp(String type, java.sql.Timestamp timestamp) {
        String infinity = infinity(timestamp.getTime());
        if (infinity != null) {
            return infinity;
        }
        if (type.equals("timestamptz")) {
            return fromFields(timestamp, UTC, timestamp.getNanos(), true, "+00:00");
        }
        // pgjdbc builds a timestamp without time zone in the JVM's zone: its fields there are the value.
        return fromFields(timestamp, TimeZone.getDefault(), timestamp.getNanos(), true, "");
    }

    /**
     * Built from the calendar fields pgjdbc set (a Julian/Gregorian calendar, filled from PostgreSQL's
     * text), so dates before 1582 keep their day; converting the instant to java.time would move them.
     */
    private static String fromFields(java.util.Date value, TimeZone zone, int nanos, boolean withTime, String offset) {
        Calendar fields = fields(value, zone);
        String era = fields.get(Calendar.ERA) == GregorianCalendar.BC ? " BC" : "";
        String date = String.format(
                Locale.ROOT,
                "%04d-%02d-%02d",
                fields.get(Calendar.YEAR),
                fields.get(Calendar.MONTH) + 1,
                fields.get(Calendar.DAY_OF_MONTH));
        return (withTime ? date + "T" + localTime(fields, nanos) : date) + offset + era;
    }

    private static String localDateTime(LocalDateTime dateTime, String offset) {
        LocalDate date = dateTime.toLocalDate();
        String time = "T" + isoTime(dateTime.toLocalTime());
        return isoDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), time, offset);
    }

    /** java.time counts years astronomically (0 is 1 BC); PostgreSQL writes the era. */
    private static String isoDate(int year, int month, int day, String time, String offset) {
        boolean bc = year < 1;
        // Hand-built: String.format costs more than the rest of an export row together.
        StringBuilder text = new StringBuilder(40);
        pad(text, bc ? 1 - year : year, 4).append('-');
        pad(text, month, 2).append('-');
        pad(text, day, 2);
        text.append(time).append(offset);
        return bc ? text.append(" BC").toString() : text.toString();
    }

    /** ISO_LOCAL_TIME's output (seconds always, the fraction without trailing zeros), built by hand. */
    private static String isoTime(LocalTime time) {
        StringBuilder text = new StringBuilder(18);
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2);
        int nanos = time.getNano();
        if (nanos != 0) {
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            text.append('.');
            pad(text, nanos, digits);
        }
        return text.toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    private static Calendar fields(java.util.Date value, TimeZone zone) {
        Calendar calendar = new GregorianCalendar(zone, Locale.ROOT);
        calendar.setTime(value);
        return calendar;
    }

    private static String localTime(Calendar fields, int nanos) {
        return LocalTime.of(
                        fields.get(Calendar.HOUR_OF_DAY),
                        fields.get(Calendar.MINUTE),
                        fields.get(Calendar.SECOND),
                        nanos)
                .format(DateTimeFormatter.ISO_LOCAL_TIME);
    }

    /** pgjdbc's stand-ins for PostgreSQL's {@code infinity} and {@code -infinity}. */
    private static String infinity(long millis) {
        if (millis == PGStatement.DATE_POSITIVE_INFINITY || millis == PGStatement.DATE_POSITIVE_SMALLER_INFINITY) {
            return "infinity";
        }
        if (millis == PGStatement.DATE_NEGATIVE_INFINITY || millis == PGStatement.DATE_NEGATIVE_SMALLER_INFINITY) {
            return "-infinity";
        }
        return null;
    }
}
