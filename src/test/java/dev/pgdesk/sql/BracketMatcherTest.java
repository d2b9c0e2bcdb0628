package dev.pgdesk.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BracketMatcherTest {

    /** The pair found with the caret at the {@code |} in {@code marked}, which is removed from the text. */
    private static Optional<BracketPair> matchAtBar(String marked) {
        int caret = marked.indexOf('|');
        return BracketMatcher.match(marked.substring(0, caret) + marked.substring(caret + 1), caret);
    }

    @Test
    void anOpeningBracketBeforeTheCaretFindsItsClosingPartner() {
        assertThat(matchAtBar("SELECT count(|*) FROM t")).contains(new BracketPair(12, 14));
    }

    @Test
    void aClosingBracketAfterTheCaretFindsItsOpeningPartner() {
        assertThat(matchAtBar("SELECT (1 + 2|)")).contains(new BracketPair(7, 13));
    }

    @Test
    void theBracketBeforeTheCaretWinsOverTheOneAfterIt() {
        // "f(a)|(b)": the ")" before the caret pairs with the first "(".
        assertThat(matchAtBar("f(a)|(b)")).contains(new BracketPair(1, 3));
    }

    @Test
    void nestedBracketsPairWithTheirOwnPartners() {
        assertThat(matchAtBar("|(a, (b), [c[1]])")).contains(new BracketPair(0, 15));
        assertThat(matchAtBar("(a, (b), [c[1]|])")).contains(new BracketPair(11, 13));
        assertThat(matchAtBar("(a, (b), [c[1]]|)")).contains(new BracketPair(9, 14));
    }

    @Test
    void bracketsInsideStringsCommentsDollarBodiesAndQuotedNamesAreIgnored() {
        assertThat(matchAtBar("(|'(' /* ) */ \"a)\" $$)$$ -- )\n)")).contains(new BracketPair(0, 29));
        assertThat(matchAtBar("SELECT ')|'")).isEmpty();
    }

    @Test
    void anUnmatchedBracketHasNoPartner() {
        assertThat(matchAtBar("SELECT (|1")).isEmpty();
        assertThat(matchAtBar("1]|")).isEmpty();
    }

    @Test
    void aCaretAwayFromBracketsFindsNothing() {
        assertThat(matchAtBar("(a |b)")).isEmpty();
        assertThat(BracketMatcher.match("", 0)).isEmpty();
        assertThat(BracketMatcher.match("()", 7)).isEmpty();
    }
}
