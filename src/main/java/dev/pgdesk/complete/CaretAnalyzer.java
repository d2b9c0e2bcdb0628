package dev.pgdesk.complete;

import dev.pgdesk.complete.CaretContext.Place;
import dev.pgdesk.sql.ScriptStatement;
import dev.pgdesk.sql.SqlLexer;
import dev.pgdesk.sql.StatementSplitter;
import dev.pgdesk.sql.Token;
import dev.pgdesk.sql.TokenKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Reads the statement around the caret with the lexer and works out its {@link CaretContext}. */
final class CaretAnalyzer {
    private static final Set<String> RELATION_WORDS =
            Set.of("from", "join", "update", "into", "table", "truncate", "only", "lateral", "using", "copy");
    private static final Set<String> RELATION_LISTS = Set.of("from", "using", "truncate");
    /** Clauses listing output values, after which FROM and AS come first. */
    private static final Set<String> SELECT_LIST_WORDS = Set.of("select", "distinct", "returning", "by");

    private static final Set<String> EXPRESSION_WORDS = Set.of(
            "select",
            "where",
            "on",
            "by",
            "having",
            "set",
            "returning",
            "values",
            "when",
            "then",
            "else",
            "case",
            "and",
            "or",
            "not",
            "distinct",
            "limit",
            "offset",
            "in",
            "between",
            "like",
            "ilike",
            "check",
            "default");
    /** Words of EXPLAIN, VACUUM and ANALYZE before their statement or table. */
    private static final Set<String> MAINTENANCE_WORDS =
            Set.of("explain", "vacuum", "analyze", "analyse", "verbose", "full", "freeze");

    private CaretAnalyzer() {}

    static CaretContext analyze(String sql, int caret) {
        if (caret < 0 || caret > sql.length()) {
            throw new IllegalArgumentException(
                    "caret offset " + caret + " lies outside the text (0.." + sql.length() + ")");
        }
        int[] bounds = statementBounds(sql, caret);
        int regionStart = bounds[0];
        String region = sql.substring(regionStart, bounds[1]);
        int regionCaret = caret - regionStart;
        List<Token> regionTokens = SqlLexer.tokenize(region);
        int cutOffset = lastSemicolonBefore(regionTokens, region, regionCaret);
        List<Token> all = startingAt(regionTokens, cutOffset);
        Token atCaret = null;
        for (Token token : all) {
            if (token.start() < regionCaret && regionCaret <= token.end()) {
                atCaret = token;
                break;
            }
        }
        int wordStart = regionCaret;
        int wordEnd = regionCaret;
        String typed = "";
        boolean quoted = false;
        if (atCaret != null) {
            boolean inside = regionCaret < atCaret.end() || !atCaret.terminated();
            switch (atCaret.kind()) {
                case LINE_COMMENT, NUMBER, POSITIONAL_PARAMETER, NAMED_PARAMETER, META_COMMAND, UNKNOWN -> {
                    return none(caret);
                }
                case BLOCK_COMMENT, STRING, DOLLAR_STRING -> {
                    if (inside) {
                        return none(caret);
                    }
                }
                case IDENTIFIER, KEYWORD -> {
                    wordStart = atCaret.start();
                    wordEnd = atCaret.end();
                    typed = region.substring(wordStart, regionCaret);
                }
                case QUOTED_IDENTIFIER -> {
                    wordStart = atCaret.start();
                    wordEnd = atCaret.end();
                    quoted = true;
                    boolean closedBeforeCaret = atCaret.terminated() && regionCaret == atCaret.end();
                    typed = Identifiers.unquote(region.substring(wordStart, regionCaret), closedBeforeCaret);
                    if (!atCaret.terminated() && atCaret.end() > regionCaret) {
                        // An opening quote without its partner swallows the rest of the statement; close it
                        // at the caret so what follows (the FROM clause) still counts, and replace up to it.
                        region = region.substring(0, regionCaret) + '"' + region.substring(regionCaret);
                        all = startingAt(SqlLexer.tokenize(region), cutOffset);
                        wordEnd = regionCaret;
                    }
                }
                default -> {
                    // punctuation, operators, whitespace: nothing typed yet
                }
            }
        }
        StatementTokens tokens = new StatementTokens(region, all);
        int before = tokens.indexAtOrAfter(wordStart) - 1;
        List<String> qualifier = new ArrayList<>();
        while (tokens.isChar(before, '.') && tokens.isName(before - 1)) {
            qualifier.add(0, tokens.name(before - 1));
            before -= 2;
        }
        boolean upper = keywordsInUpperCase(typed, tokens, before, region);
        Builder builder =
                new Builder(regionStart + wordStart, regionStart + wordEnd, typed, quoted, qualifier, upper, tokens);
        return place(tokens, before, builder);
    }

    /**
     * The start and end of the text to read: the last statement starting at or before the caret, extended to
     * the caret when that lies past its end; from 0 when no statement starts before the caret.
     */
    private static int[] statementBounds(String sql, int caret) {
        int[] bounds = {0, caret};
        for (ScriptStatement statement : StatementSplitter.split(sql)) {
            if (statement.start() > caret) {
                break;
            }
            bounds[0] = statement.start();
            bounds[1] = Math.max(statement.end(), caret);
        }
        return bounds;
    }

    /**
     * The offset just past the last semicolon before the caret, or 0: a semicolon between the statement and
     * the caret means the caret starts a new statement.
     */
    private static int lastSemicolonBefore(List<Token> tokens, String region, int caret) {
        int cut = 0;
        for (int i = 0; i < tokens.size() && tokens.get(i).end() <= caret; i++) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.PUNCTUATION && region.charAt(token.start()) == ';') {
                cut = token.end();
            }
        }
        return cut;
    }

    private static CaretContext place(StatementTokens tokens, int prev, Builder builder) {
        if (prev < 0) {
            return builder.build(Place.STATEMENT_START);
        }
        boolean onlyOptions = true;
        for (int i = 0; i <= prev && onlyOptions; i++) {
            onlyOptions = MAINTENANCE_WORDS.contains(tokens.word(i));
        }
        if (onlyOptions) {
            // "EXPLAIN [ANALYZE]" precedes a statement; "VACUUM [FULL]" and "ANALYZE" name tables.
            return builder.build(tokens.isWord(0, "explain") ? Place.STATEMENT_START : Place.RELATION);
        }
        if (tokens.token(prev).kind() == TokenKind.OPERATOR
                && tokens.token(prev).text(tokens.source()).equals("::")) {
            // A type name follows; the snapshot holds no types yet.
            return builder.build(Place.NONE);
        }
        String prevWord = tokens.word(prev);
        if (prevWord.equals("as") && !builder.qualified()) {
            // A new name is being made up: nothing to offer.
            return builder.build(Place.NONE);
        }
        List<String> following = ContextKeywords.FOLLOWING.get(prevWord);
        if (following != null && (!prevWord.equals("or") || tokens.isWord(prev - 1, "create"))) {
            return builder.following(following).build(Place.KEYWORDS);
        }
        // "DROP TABLE IF EXISTS |" names a relation just as "DROP TABLE |" does.
        int effectivePrev = prev;
        if (tokens.isWord(prev, "exists") && tokens.isWord(prev - 1, "if")) {
            effectivePrev = prev - 2;
        } else if (tokens.isWord(prev, "exists") && tokens.isWord(prev - 1, "not") && tokens.isWord(prev - 2, "if")) {
            effectivePrev = prev - 3;
        }
        int depth = 0;
        for (int i = effectivePrev; i >= 0; i--) {
            if (tokens.isChar(i, ')')) {
                depth++;
                continue;
            }
            if (tokens.isChar(i, '(')) {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                return enclosingParen(tokens, i, prev, builder);
            }
            if (depth > 0) {
                continue;
            }
            String word = tokens.word(i);
            if (word.equals("using") && tokens.isChar(i + 1, '(')) {
                return builder.afterOperand(isOperandEnd(tokens, prev)).build(Place.EXPRESSION);
            }
            if (RELATION_WORDS.contains(word)) {
                if (i == effectivePrev || (tokens.isChar(prev, ',') && RELATION_LISTS.contains(word))) {
                    return builder.build(Place.RELATION);
                }
                return builder.build(Place.AFTER_RELATION);
            }
            if (word.equals("call") && i == prev) {
                return builder.build(Place.CALL);
            }
            if (word.equals("on") && (tokens.isWord(0, "grant") || tokens.isWord(0, "revoke"))) {
                return builder.build(i == prev ? Place.RELATION : Place.OTHER);
            }
            if (EXPRESSION_WORDS.contains(word)) {
                List<String> next = SELECT_LIST_WORDS.contains(word)
                        ? ContextKeywords.AFTER_OPERAND
                        : ContextKeywords.AFTER_CONDITION_OPERAND;
                return builder.afterOperand(isOperandEnd(tokens, prev))
                        .following(next)
                        .build(Place.EXPRESSION);
            }
        }
        return builder.build(Place.OTHER);
    }

    /** The caret sits inside brackets opened at {@code open}, with nothing telling the clause in between. */
    private static CaretContext enclosingParen(StatementTokens tokens, int open, int prev, Builder builder) {
        // INSERT INTO [schema.]table ( column, ... |
        int nameEnd = open - 1;
        int nameStart = nameEnd;
        while (tokens.isChar(nameStart - 1, '.') && tokens.isName(nameStart - 2)) {
            nameStart -= 2;
        }
        if (tokens.isName(nameEnd) && tokens.isWord(nameStart - 1, "into")) {
            return builder.insertTarget(tokens.dottedName(nameStart)).build(Place.INSERT_COLUMNS);
        }
        if (prev == open && (open == 0 || tokens.isWord(open - 1, "as"))) {
            // A subquery or CTE body begins.
            return builder.build(Place.STATEMENT_START);
        }
        return builder.afterOperand(isOperandEnd(tokens, prev)).build(Place.EXPRESSION);
    }

    private static List<Token> startingAt(List<Token> tokens, int offset) {
        int first = 0;
        while (first < tokens.size() && tokens.get(first).start() < offset) {
            first++;
        }
        return tokens.subList(first, tokens.size());
    }

    /** Whether the token at {@code i} ends a value: a name, literal or closing bracket. */
    private static boolean isOperandEnd(StatementTokens tokens, int i) {
        if (tokens.isChar(i, ')')) {
            return true;
        }
        if (tokens.isChar(i, '*')) {
            // "SELECT *" and "t.*" are complete; "a *" waits for its right operand.
            return tokens.isWord(i - 1, "select") || tokens.isChar(i - 1, ',') || tokens.isChar(i - 1, '.');
        }
        TokenKind kind = tokens.token(i).kind();
        return switch (kind) {
            case IDENTIFIER, QUOTED_IDENTIFIER, NUMBER, STRING, DOLLAR_STRING, POSITIONAL_PARAMETER, NAMED_PARAMETER ->
                true;
            case KEYWORD ->
                Set.of("null", "true", "false", "end", "current_date", "current_timestamp", "current_user")
                        .contains(tokens.word(i));
            default -> false;
        };
    }

    /**
     * Keywords follow the case being typed: a prefix with letters decides; otherwise the last keyword
     * written before the caret; upper case when there is none.
     */
    private static boolean keywordsInUpperCase(String typed, StatementTokens tokens, int before, String region) {
        boolean hasLetters = typed.chars().anyMatch(Character::isLetter);
        if (hasLetters) {
            return !typed.chars().filter(Character::isLetter).allMatch(Character::isLowerCase);
        }
        for (int i = before; i >= 0; i--) {
            if (tokens.token(i).kind() == TokenKind.KEYWORD) {
                String text = tokens.token(i).text(region);
                return !text.chars().filter(Character::isLetter).allMatch(Character::isLowerCase);
            }
        }
        return true;
    }

    private static CaretContext none(int caret) {
        return new CaretContext(
                Place.NONE, caret, caret, "", false, List.of(), false, List.of(), List.of(), true, null);
    }

    /** Collects the parts of a context while the place is being worked out. */
    private static final class Builder {
        private final int replaceFrom;
        private final int replaceTo;
        private final String typed;
        private final boolean quoted;
        private final List<String> qualifier;
        private final boolean upper;
        private final StatementTokens tokens;
        private boolean afterOperand;
        private List<String> insertTarget = List.of();
        private List<String> following = List.of();

        Builder(
                int replaceFrom,
                int replaceTo,
                String typed,
                boolean quoted,
                List<String> qualifier,
                boolean upper,
                StatementTokens tokens) {
            this.replaceFrom = replaceFrom;
            this.replaceTo = replaceTo;
            this.typed = typed;
            this.quoted = quoted;
            this.qualifier = Collections.unmodifiableList(qualifier);
            this.upper = upper;
            this.tokens = tokens;
        }

        boolean qualified() {
            return !qualifier.isEmpty();
        }

        Builder afterOperand(boolean value) {
            afterOperand = value;
            return this;
        }

        Builder insertTarget(List<String> target) {
            insertTarget = target;
            return this;
        }

        Builder following(List<String> words) {
            following = words;
            return this;
        }

        CaretContext build(Place place) {
            return new CaretContext(
                    place,
                    replaceFrom,
                    replaceTo,
                    typed,
                    quoted,
                    qualifier,
                    afterOperand,
                    insertTarget,
                    following,
                    upper,
                    tokens);
        }
    }
}
