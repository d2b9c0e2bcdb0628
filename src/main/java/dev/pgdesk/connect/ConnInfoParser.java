package dev.pgdesk.connect;

/** Parses libpq connection URIs and key=value strings by libpq's rules. */
public final class ConnInfoParser {
    private ConnInfoParser() {}

    /** Parses a {@code postgresql://} / {@code postgres://} URI or a {@code key=value} string. */
    public static ConnInfo parse(String text) throws ConnInfoException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
