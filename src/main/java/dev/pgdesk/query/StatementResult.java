package dev.pgdesk.query;

import java.time.Duration;
import java.util.List;

/**
 * What one statement produced: rows (all of them, or the first batch of a streamed result), an update count,
 * or an error; always with notices and duration.
 */
public sealed interface StatementResult permits RowsResult, StreamedRows, UpdateResult, ServerError {
    /** Server messages such as {@code RAISE NOTICE} output, in the order they arrived. */
    List<Notice> notices();

    /** Wall-clock time of the statement itself (not of timeout setup). */
    Duration duration();
}
