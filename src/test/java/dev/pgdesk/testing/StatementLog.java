package dev.pgdesk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a PostgreSQL csvlog ({@code log_destination = 'csvlog'}) and returns the statements one client
 * connection, identified by its {@code application_name}, sent to the server, in log order.
 *
 * <p>The server must run with {@code log_statement = 'all'} and {@code log_min_error_statement} at
 * {@code error} or below (the default), with English messages ({@code lc_messages = 'C'}). A statement is
 * taken from:
 * <ul>
 *   <li>{@code LOG} rows {@code statement: X} (simple query protocol, as psql sends);</li>
 *   <li>{@code LOG} rows {@code execute NAME: X}, {@code execute NAME/PORTAL: X} and
 *       {@code execute fetch from NAME/PORTAL: X} (extended protocol, as pgjdbc sends; NAME may be
 *       {@code <unnamed>}); {@code parse}/{@code bind} rows, if any, are ignored;</li>
 *   <li>the {@code query} column of {@code ERROR} rows for statements the server rejected before
 *       {@code log_statement} could log them: lexer and grammar errors (an unterminated quoted string,
 *       a syntax error; with the extended protocol also "current transaction is aborted" and bind-time
 *       errors), for which the server writes no {@code statement:} or {@code execute} row. An {@code ERROR} row
 *       whose command tag is not {@code idle...}, {@code PARSE} or {@code BIND} and that repeats the statement
 *       just logged for the same session is the error of that statement and is skipped, so every statement
 *       appears once.</li>
 * </ul>
 *
 * <p>Uses only the JDK. The csvlog column layout read here (session_id 6th, command tag 8th, severity 12th,
 * message 14th, query 20th, application_name 23rd) is the same from PostgreSQL 13 to 18.
 */
public final class StatementLog {
    private static final int SESSION_ID = 5;
    private static final int COMMAND_TAG = 7;
    private static final int SEVERITY = 11;
    private static final int MESSAGE = 13;
    private static final int QUERY = 19;
    private static final int APPLICATION_NAME = 22;

    private static final String SIMPLE_PREFIX = "statement: ";
    private static final Pattern EXECUTE_PREFIX = Pattern.compile("^execute (fetch from )?(\\S+?): ");
    private static final String SQL_WHITESPACE = " \t\n\r\f\u000B";

    /** How a statement came to be in the log. */
    public enum Kind {
        /** A {@code statement: X} row: a simple-protocol query. */
        SIMPLE,
        /** An {@code execute NAME: X} or {@code execute NAME/PORTAL: X} row: an extended-protocol execution. */
        EXECUTE,
        /** An {@code execute fetch from NAME/PORTAL: X} row: more rows fetched from an already executed portal. */
        FETCH,
        /** The {@code query} of an {@code ERROR} row for a statement that failed before it could be logged. */
        FAILED
    }

    /**
     * One statement found in the log.
     *
     * @param kind which kind of log row it came from
     * @param sessionId the csvlog {@code session_id} of the connection that sent it
     * @param name for {@link Kind#EXECUTE} and {@link Kind#FETCH}, the prepared statement name with the
     *     portal name after a {@code /} if there is one (e.g. {@code <unnamed>}, {@code S_1}, {@code S_1/C_2});
     *     otherwise {@code null}
     * @param text the statement text exactly as the server received it
     */
    public record Entry(Kind kind, String sessionId, String name, String text) {
        /**
         * Checks that the required components are present.
         *
         * @param kind which kind of log row it came from
         * @param sessionId the csvlog {@code session_id} of the connection that sent it
         * @param name the prepared statement and portal name, or {@code null}
         * @param text the statement text exactly as the server received it
         */
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(text, "text");
        }
    }

    private StatementLog() {}

    /**
     * Returns the statements that connections named {@code applicationName} sent, in log order, each once:
     * the text of every {@link Entry} of {@link #entries(Path, String)} except {@link Kind#FETCH} ones, which
     * continue a statement already listed.
     *
     * @param fileOrDirectory a csvlog file, or a directory whose {@code *.csv} files are read in file-name order
     *     (PostgreSQL's default {@code log_filename} pattern sorts chronologically)
     * @param applicationName the {@code application_name} the client connected with
     * @return the statement texts exactly as received, without any normalisation
     * @throws IOException if a file cannot be read
     */
    public static List<String> statements(Path fileOrDirectory, String applicationName) throws IOException {
        return texts(entries(fileOrDirectory, applicationName));
    }

    /**
     * Like {@link #statements(Path, String)}, for csvlog text from a reader, which is not closed.
     *
     * @param csvlog csvlog content
     * @param applicationName the {@code application_name} the client connected with
     * @return the statement texts exactly as received
     * @throws IOException if reading fails
     */
    public static List<String> statements(Reader csvlog, String applicationName) throws IOException {
        return texts(entries(csvlog, applicationName));
    }

    /**
     * Returns every statement row, including {@link Kind#FETCH} continuations, of connections named
     * {@code applicationName}, in log order.
     *
     * @param fileOrDirectory a csvlog file, or a directory whose {@code *.csv} files are read in file-name order
     * @param applicationName the {@code application_name} the client connected with
     * @return the entries found
     * @throws IOException if a file cannot be read
     */
    public static List<Entry> entries(Path fileOrDirectory, String applicationName) throws IOException {
        Objects.requireNonNull(applicationName, "applicationName");
        List<List<String>> rows = new ArrayList<>();
        for (Path file : csvFiles(fileOrDirectory)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                rows.addAll(parseCsv(reader));
            }
        }
        return entries(rows, applicationName);
    }

    /**
     * Like {@link #entries(Path, String)}, for csvlog text from a reader, which is not closed.
     *
     * @param csvlog csvlog content
     * @param applicationName the {@code application_name} the client connected with
     * @return the entries found
     * @throws IOException if reading fails
     */
    public static List<Entry> entries(Reader csvlog, String applicationName) throws IOException {
        Objects.requireNonNull(applicationName, "applicationName");
        return entries(parseCsv(csvlog), applicationName);
    }

    /**
     * Splits CSV text as PostgreSQL's csvlog writes it into records of fields: fields separated by commas,
     * records by a line feed (a CR before it is dropped), a field in double quotes may contain commas, line
     * breaks and doubled double quotes ({@code ""} for one {@code "}). An incomplete last record (a file still
     * being written, ending inside quotes) is dropped. The reader is not closed.
     *
     * @param csv the CSV text
     * @return the records, each a list of its fields
     * @throws IOException if reading fails
     */
    public static List<List<String>> parseCsv(Reader csv) throws IOException {
        BufferedReader in = csv instanceof BufferedReader buffered ? buffered : new BufferedReader(csv);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean recordStarted = false;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '"' -> {
                    quoted = true;
                    recordStarted = true;
                }
                case ',' -> {
                    record.add(field.toString());
                    field.setLength(0);
                    recordStarted = true;
                }
                case '\n' -> {
                    record.add(field.toString());
                    records.add(record);
                    record = new ArrayList<>();
                    field.setLength(0);
                    recordStarted = false;
                }
                case '\r' -> {
                    in.mark(1);
                    int next = in.read();
                    if (next != '\n') {
                        field.append(ch);
                        recordStarted = true;
                    }
                    if (next != -1) {
                        in.reset();
                    }
                }
                default -> {
                    field.append(ch);
                    recordStarted = true;
                }
            }
        }
        if (!quoted && recordStarted) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /**
     * Normalises a statement for comparing psql's text with pgdesk's: removes leading and trailing SQL
     * whitespace (space, tab, line feed, carriage return, form feed, vertical tab), then one trailing
     * {@code ;} if there is one, then the whitespace before it. Nothing else changes: comments stay. It works on
     * the text alone, so the {@code ;} that ends a trailing {@code --} comment is removed as well.
     *
     * @param statement a statement text
     * @return the normalised text; {@code ""} for a statement that was only {@code ;}
     */
    public static String normalize(String statement) {
        String text = strip(Objects.requireNonNull(statement, "statement"));
        if (text.endsWith(";")) {
            text = strip(text.substring(0, text.length() - 1));
        }
        return text;
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && SQL_WHITESPACE.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && SQL_WHITESPACE.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    private static List<Path> csvFiles(Path fileOrDirectory) throws IOException {
        if (!Files.isDirectory(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        try (Stream<Path> files = Files.list(fileOrDirectory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
    }

    private static List<Entry> entries(List<List<String>> rows, String applicationName) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> lastLogged = new HashMap<>();
        for (List<String> row : rows) {
            if (row.size() <= APPLICATION_NAME || !applicationName.equals(row.get(APPLICATION_NAME))) {
                continue;
            }
            String session = row.get(SESSION_ID);
            String severity = row.get(SEVERITY);
            String message = row.get(MESSAGE);
            if ("LOG".equals(severity)) {
                Entry entry = logged(session, message);
                if (entry != null) {
                    entries.add(entry);
                    lastLogged.put(session, entry.text());
                }
            } else if ("ERROR".equals(severity) && !row.get(QUERY).isEmpty()) {
                String query = row.get(QUERY);
                String tag = row.get(COMMAND_TAG);
                boolean beforeLogging = tag.startsWith("idle") || tag.equals("PARSE") || tag.equals("BIND");
                if (beforeLogging || !query.equals(lastLogged.get(session))) {
                    entries.add(new Entry(Kind.FAILED, session, null, query));
                }
                lastLogged.remove(session);
            }
        }
        return entries;
    }

    private static Entry logged(String session, String message) {
        if (message.startsWith(SIMPLE_PREFIX)) {
            return new Entry(Kind.SIMPLE, session, null, message.substring(SIMPLE_PREFIX.length()));
        }
        Matcher execute = EXECUTE_PREFIX.matcher(message);
        if (execute.find()) {
            Kind kind = execute.group(1) != null ? Kind.FETCH : Kind.EXECUTE;
            return new Entry(kind, session, execute.group(2), message.substring(execute.end()));
        }
        return null;
    }

    private static List<String> texts(List<Entry> entries) {
        return entries.stream()
                .filter(e -> e.kind() != Kind.FETCH)
                .map(Entry::text)
                .toList();
    }
}
