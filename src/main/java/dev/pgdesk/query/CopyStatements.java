package dev.pgdesk.query;

import dev.pgdesk.sql.SqlLexer;
import dev.pgdesk.sql.Token;
import java.util.Locale;

/** Recognises {@code COPY ... FROM STDIN} and {@code COPY ... TO STDOUT}, which need psql's copy protocol. */
final class CopyStatements {
    private CopyStatements() {}

    static boolean usesClientStream(String statement) {
        boolean copy = false;
        boolean first = true;
        for (Token token : SqlLexer.tokenize(statement)) {
            if (token.kind().isTrivia()) {
                continue;
            }
            String word = token.text(statement).toUpperCase(Locale.ROOT);
            if (first) {
                copy = word.equals("COPY");
                first = false;
                if (!copy) {
                    return false;
                }
            } else if (word.equals("STDIN") || word.equals("STDOUT")) {
                return true;
            }
        }
        return false;
    }
}
