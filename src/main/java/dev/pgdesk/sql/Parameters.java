package dev.pgdesk.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the parameters of a statement and rewrites it for binding through pgjdbc. Both work on the tokens
 * of {@link SqlLexer}, so {@code $1} or {@code :name} inside strings, comments, quoted names and
 * dollar-quoted bodies is text, never a parameter.
 */
public final class Parameters {
    static final String MIXED_STYLES = "use either $1-style or :name-style parameters in one statement, not both";

    private Parameters() {}

    /**
     * The distinct parameters of {@code statement}.
     *
     * @throws InvalidParametersException if it mixes {@code $1} and {@code :name}, or uses {@code $0} or a
     *     number beyond {@value Parameter#MAX_NUMBER}
     */
    public static ParameterScan scan(String statement) {
        List<Parameter> occurrences = occurrences(statement, SqlLexer.tokenize(requireText(statement)));
        if (occurrences.isEmpty()) {
            return new ParameterScan(ParameterStyle.NONE, List.of());
        }
        ParameterStyle style = occurrences.get(0).style();
        if (style == ParameterStyle.POSITIONAL) {
            Set<Integer> numbers = new TreeSet<>();
            occurrences.forEach(p -> numbers.add(p.number()));
            return new ParameterScan(
                    style, numbers.stream().map(Parameter::positional).toList());
        }
        return new ParameterScan(style, List.copyOf(new LinkedHashSet<>(occurrences)));
    }

    /**
     * {@code statement} with each parameter occurrence replaced by {@code ?} and each literal {@code ?}
     * doubled, plus the parameter each {@code ?} binds. Everything else, including the text of strings,
     * comments and dollar-quoted bodies, is copied unchanged.
     *
     * @throws InvalidParametersException for the same reasons as {@link #scan(String)}
     */
    public static JdbcStatement rewriteForJdbc(String statement) {
        List<Token> tokens = SqlLexer.tokenize(requireText(statement));
        List<Parameter> bindings = occurrences(statement, tokens);
        StringBuilder sql = new StringBuilder(statement.length() + 8);
        boolean afterPlaceholder = false;
        for (Token token : tokens) {
            boolean parameter = isParameter(token.kind());
            String text = parameter ? "?" : rewriteLiteralQuestionMarks(token, statement);
            if (afterPlaceholder && text.startsWith("?")) {
                // "??" would read as one literal "?" to the driver, so keep a placeholder apart from a
                // following "?": tokens already met here, and the server ignores the space.
                sql.append(' ');
            }
            sql.append(text);
            afterPlaceholder = parameter;
        }
        return new JdbcStatement(sql.toString(), bindings);
    }

    private static String rewriteLiteralQuestionMarks(Token token, String statement) {
        String text = token.text(statement);
        return token.kind() == TokenKind.OPERATOR ? text.replace("?", "??") : text;
    }

    /** Every parameter occurrence in order, after checking the statement keeps to one style. */
    private static List<Parameter> occurrences(String statement, List<Token> tokens) {
        List<Parameter> occurrences = new ArrayList<>();
        for (Token token : tokens) {
            if (isParameter(token.kind())) {
                occurrences.add(parameterOf(token.text(statement)));
            }
        }
        if (occurrences.stream().map(Parameter::style).distinct().count() > 1) {
            throw new InvalidParametersException(MIXED_STYLES);
        }
        return occurrences;
    }

    private static Parameter parameterOf(String text) {
        if (text.startsWith(":")) {
            return Parameter.named(text.substring(1));
        }
        String digits = text.substring(1);
        // Compare as text first so a long run of digits cannot overflow.
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        if (significant.length() > 5 || Integer.parseInt(significant) > Parameter.MAX_NUMBER) {
            throw new InvalidParametersException(
                    text + " is beyond PostgreSQL's limit of " + Parameter.MAX_NUMBER + " parameters in one statement");
        }
        int number = Integer.parseInt(significant);
        if (number == 0) {
            throw new InvalidParametersException(text + " is not a parameter: parameters are numbered from $1");
        }
        return Parameter.positional(number);
    }

    private static boolean isParameter(TokenKind kind) {
        return kind == TokenKind.POSITIONAL_PARAMETER || kind == TokenKind.NAMED_PARAMETER;
    }

    private static String requireText(String statement) {
        if (statement == null) {
            throw new IllegalArgumentException("statement text is required");
        }
        return statement;
    }
}
