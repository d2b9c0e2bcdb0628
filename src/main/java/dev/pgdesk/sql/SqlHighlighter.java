package dev.pgdesk.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns SQL text into highlighting spans: one CSS style class per run of characters, from the {@link
 * SqlLexer}'s tokens. The spans cover the text exactly; neighbouring tokens with the same style are merged
 * into one span so an editor has fewer runs to lay out.
 *
 * <p>Style classes: {@code keyword}, {@code string} (plain and dollar-quoted), {@code comment}, {@code
 * number}, {@code identifier}, {@code quoted-identifier}, {@code parameter} ({@code $1} and {@code :name}),
 * {@code operator}, {@code punctuation}, {@code meta-command} and {@code unknown}; whitespace is unstyled.
 * Pure and thread-safe, so it can run off the UI thread.
 */
public final class SqlHighlighter {
    private SqlHighlighter() {}

    /** The spans of {@code text}; empty for an empty text. */
    public static List<HighlightSpan> spans(String text) {
        return spans(SqlLexer.tokenize(text));
    }

    /** The spans of already lexed text, for callers that keep the tokens for other uses too. */
    public static List<HighlightSpan> spans(List<Token> tokens) {
        List<HighlightSpan> spans = new ArrayList<>();
        String runStyle = null;
        int runLength = 0;
        for (Token token : tokens) {
            String style = styleClassOf(token.kind());
            if (style.equals(runStyle)) {
                runLength += token.length();
            } else {
                if (runStyle != null) {
                    spans.add(new HighlightSpan(runStyle, runLength));
                }
                runStyle = style;
                runLength = token.length();
            }
        }
        if (runStyle != null) {
            spans.add(new HighlightSpan(runStyle, runLength));
        }
        return Collections.unmodifiableList(spans);
    }

    /** The style class for tokens of {@code kind}; {@code ""} for whitespace. */
    public static String styleClassOf(TokenKind kind) {
        return switch (kind) {
            case WHITESPACE -> "";
            case LINE_COMMENT, BLOCK_COMMENT -> "comment";
            case STRING, DOLLAR_STRING -> "string";
            case QUOTED_IDENTIFIER -> "quoted-identifier";
            case IDENTIFIER -> "identifier";
            case KEYWORD -> "keyword";
            case NUMBER -> "number";
            case POSITIONAL_PARAMETER, NAMED_PARAMETER -> "parameter";
            case OPERATOR -> "operator";
            case PUNCTUATION -> "punctuation";
            case META_COMMAND -> "meta-command";
            case UNKNOWN -> "unknown";
        };
    }
}
