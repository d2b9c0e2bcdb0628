package dev.pgdesk.complete;

import java.util.List;

/**
 * What the caret sits in, as far as completion cares: the word being typed and what it may become.
 *
 * @param place what kind of thing belongs here
 * @param replaceFrom script offset where the typed word starts
 * @param replaceTo script offset where it ends (after the caret when the caret is inside a word)
 * @param typed the word typed so far, without an opening quote; "" when none
 * @param quoted whether the word opened with a double quote
 * @param qualifier the dotted names before the word ({@code s.t.} gives [s, t]); empty when unqualified
 * @param afterOperand whether the caret follows a complete value, so keywords such as FROM come first
 * @param insertTarget for {@link Place#INSERT_COLUMNS}, the dotted name of the INSERT's table
 * @param followingKeywords for {@link Place#KEYWORDS}, the words that follow the previous one
 * @param upperCaseKeywords whether keywords should be written in upper case
 * @param tokens the statement's significant tokens, for reading its scope
 */
record CaretContext(
        Place place,
        int replaceFrom,
        int replaceTo,
        String typed,
        boolean quoted,
        List<String> qualifier,
        boolean afterOperand,
        List<String> insertTarget,
        List<String> followingKeywords,
        boolean upperCaseKeywords,
        StatementTokens tokens) {

    /** The kinds of place a caret can be in. */
    enum Place {
        /** Inside a string, a comment, a number or a parameter: nothing to offer. */
        NONE,
        /** Where a statement begins. */
        STATEMENT_START,
        /** Where a relation is named: after FROM, JOIN, UPDATE, INTO, TABLE. */
        RELATION,
        /** Right after a FROM or JOIN item: the clauses that may follow. */
        AFTER_RELATION,
        /** Inside an expression: select list, WHERE, ON, GROUP BY, ORDER BY, SET, ... */
        EXPRESSION,
        /** The column list of {@code INSERT INTO t (...)}. */
        INSERT_COLUMNS,
        /** After CALL: procedures. */
        CALL,
        /** After a word that a known few words follow. */
        KEYWORDS,
        /** Somewhere else: keywords matching the typed prefix. */
        OTHER
    }
}
