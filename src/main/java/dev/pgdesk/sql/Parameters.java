package dev.pgdesk.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the parameters of a statement and rewrites it for binding through pgjdbc. Both work on the tokens
 * of {@link SqlLexer}, so {@code $1} or {@code :name} inside strings, comments, quoted names and
 * dollar-quoted bodies is text, never a parameter.
 *
 * <p>Only what the statement itself would receive as bind parameters counts. In a statement that defines
 * code, {@code CREATE [OR REPLACE] FUNCTION | PROCEDURE} (whose {@code BEGIN ATOMIC} or {@code RETURN}
 * body refers to the routine's arguments as {@code $1}) and {@code PREPARE name AS ...} (whose {@code $1}
 * are the prepared statement's), every {@code $n} belongs to that code: the statement has no parameters
 * and is sent as written.
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
        return scan(statement, true);
    }

    /** The parameters of one statement of a script, read as the splitter read it. */
    public static ParameterScan scan(ScriptStatement statement) {
        return scan(statement.text(), statement.standardConformingStrings());
    }

    /** {@link #scan(String)} for a session with the given {@code standard_conforming_strings}. */
    public static ParameterScan scan(String statement, boolean standardConformingStrings) {
        List<Parameter> occurrences =
                occurrences(statement, SqlLexer.tokenize(requireText(statement), standardConformingStrings));
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
        return rewriteForJdbc(statement, true);
    }

    /** {@link #rewriteForJdbc(String)} for a session with the given {@code standard_conforming_strings}. */
    public static JdbcStatement rewriteForJdbc(String statement, boolean standardConformingStrings) {
        List<Token> tokens = SqlLexer.tokenize(requireText(statement), standardConformingStrings);
        List<Parameter> bindings = occurrences(statement, tokens);
        boolean bindsParameters = !bindings.isEmpty();
        StringBuilder sql = new StringBuilder(statement.length() + 8);
        boolean afterPlaceholder = false;
        for (Token token : tokens) {
            boolean parameter = bindsParameters && isParameter(token.kind());
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
        if (definesCode(statement, tokens)) {
            return List.of();
        }
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

    /** {@code CREATE [OR REPLACE] FUNCTION | PROCEDURE} or {@code PREPARE}: its {@code $n} are the code's own. */
    private static boolean definesCode(String statement, List<Token> tokens) {
        List<String> words = new ArrayList<>(4);
        for (Token token : tokens) {
            if (token.kind().isTrivia()) {
                continue;
            }
            if (token.kind() != TokenKind.KEYWORD && token.kind() != TokenKind.IDENTIFIER) {
                break;
            }
            words.add(token.text(statement).toLowerCase(Locale.ROOT));
            if (words.size() == 4) {
                break;
            }
        }
        if (words.isEmpty()) {
            return false;
        }
        if (words.get(0).equals("prepare")) {
            return words.size() < 2 || !words.get(1).equals("transaction");
        }
        if (!words.get(0).equals("create") || words.size() < 2) {
            return false;
        }
        String kind =
                words.get(1).equals("or") && words.size() == 4 && words.get(2).equals("replace")
                        ? words.get(3)
                        : words.get(1);
        return kind.equals("function") || kind.equals("procedure");
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
