package dev.pgdesk.grid;

import dev.pgdesk.query.PgType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What a column's values sort by, when the values are the server's text: numbers by value (with {@code
 * -Infinity} first and {@code NaN} last, as PostgreSQL orders them), dates and times by the moment they name
 * ({@code -infinity} first, {@code infinity} last, years BC before AD), everything else by its text. Keys
 * are worked out once per row and kept, so a sort parses each value once, not once per comparison.
 */
final class SortKeys {
    private final PgType.Kind kind;
    private Object[] keys;

    SortKeys(PgType type, int rows) {
        this.kind = type.kind();
        this.keys = needsKey(kind) ? new Object[Math.max(16, rows)] : null;
    }

    private static boolean needsKey(PgType.Kind kind) {
        return switch (kind) {
            case NUMBER, DATE, TIMESTAMP, TIMESTAMPTZ -> true;
            default -> false;
        };
    }

    /** The key of row {@code index}, whose value is {@code value}. */
    Object key(int index, Object value) {
        if (keys == null || !(value instanceof String text)) {
            return value;
        }
        if (index >= keys.length) {
            keys = java.util.Arrays.copyOf(keys, Math.max(index + 1, keys.length * 2));
        }
        Object key = keys[index];
        if (key == null) {
            key = kind == PgType.Kind.NUMBER ? NumberKey.of(text) : TimeKey.of(text, kind);
            keys[index] = key;
        }
        return key;
    }

    /** A number in PostgreSQL's order: {@code -Infinity}, the finite numbers, {@code Infinity}, {@code NaN}. */
    record NumberKey(int rank, BigDecimal value, String text) implements Comparable<NumberKey> {
        static NumberKey of(String text) {
            return switch (text) {
                case "-Infinity" -> new NumberKey(-1, BigDecimal.ZERO, text);
                case "Infinity" -> new NumberKey(1, BigDecimal.ZERO, text);
                case "NaN" -> new NumberKey(2, BigDecimal.ZERO, text);
                default -> {
                    try {
                        yield new NumberKey(0, new BigDecimal(text), text);
                    } catch (NumberFormatException e) {
                        yield new NumberKey(3, BigDecimal.ZERO, text);
                    }
                }
            };
        }

        @Override
        public int compareTo(NumberKey other) {
            int byRank = Integer.compare(rank, other.rank);
            if (byRank != 0) {
                return byRank;
            }
            int byValue = value.compareTo(other.value);
            return byValue != 0 ? byValue : text.compareTo(other.text);
        }
    }

    /** A date or time stamp by the moment it names; text the parser does not know sorts last, by text. */
    record TimeKey(int rank, long seconds, int nanos, String text) implements Comparable<TimeKey> {
        static TimeKey of(String text, PgType.Kind kind) {
            if (text.equals("-infinity")) {
                return new TimeKey(-1, 0, 0, text);
            } else if (text.equals("infinity")) {
                return new TimeKey(1, 0, 0, text);
            }
            boolean bc = text.endsWith(" BC");
            String iso = (bc ? text.substring(0, text.length() - 3) : text).replaceFirst(" ", "T");
            try {
                long seconds;
                int nanos;
                if (kind == PgType.Kind.TIMESTAMPTZ) {
                    OffsetDateTime moment = OffsetDateTime.parse(iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso);
                    if (bc) {
                        moment = moment.withYear(1 - moment.getYear());
                    }
                    seconds = moment.toEpochSecond();
                    nanos = moment.getNano();
                } else {
                    LocalDateTime moment = LocalDateTime.parse(kind == PgType.Kind.DATE ? iso + "T00:00" : iso);
                    if (bc) {
                        moment = moment.withYear(1 - moment.getYear());
                    }
                    seconds = moment.toEpochSecond(ZoneOffset.UTC);
                    nanos = moment.getNano();
                }
                return new TimeKey(0, seconds, nanos, text);
            } catch (DateTimeParseException e) {
                return new TimeKey(2, 0, 0, text);
            }
        }

        @Override
        public int compareTo(TimeKey other) {
            int order = Integer.compare(rank, other.rank);
            if (order == 0) {
                order = Long.compare(seconds, other.seconds);
            }
            if (order == 0) {
                order = Integer.compare(nanos, other.nanos);
            }
            return order != 0 ? order : text.compareTo(other.text);
        }
    }
}
