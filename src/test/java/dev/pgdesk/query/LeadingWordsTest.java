package dev.pgdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadingWordsTest {

    @Test
    void beginAndStartTransactionOpenATransactionPastCommentsAndCase() {
        assertThat(LeadingWords.beginsTransaction("begin")).isTrue();
        assertThat(LeadingWords.beginsTransaction(
                        "  -- go\n/* outer /* inner */ */ BEGIN ISOLATION LEVEL SERIALIZABLE"))
                .isTrue();
        assertThat(LeadingWords.beginsTransaction("start transaction read only"))
                .isTrue();
    }

    @Test
    void otherStatementsDoNotOpenATransaction() {
        assertThat(LeadingWords.beginsTransaction("SELECT 'BEGIN'")).isFalse();
        assertThat(LeadingWords.beginsTransaction("-- BEGIN\nSELECT 1")).isFalse();
        assertThat(LeadingWords.beginsTransaction("START")).isFalse();
        assertThat(LeadingWords.beginsTransaction("")).isFalse();
        assertThat(LeadingWords.beginsTransaction("/* unterminated BEGIN")).isFalse();
    }

    @Test
    void theCommandIsTheFirstWordOrTwoForSchemaChanges() {
        assertThat(LeadingWords.command("insert into t values (1)")).isEqualTo("INSERT");
        assertThat(LeadingWords.command("/* x */ create table t (n int)")).isEqualTo("CREATE TABLE");
        assertThat(LeadingWords.command("DROP INDEX i")).isEqualTo("DROP INDEX");
        assertThat(LeadingWords.command("discard all")).isEqualTo("DISCARD ALL");
        assertThat(LeadingWords.command("CREATE TEMP TABLE t (n int)")).isEqualTo("CREATE TABLE");
        assertThat(LeadingWords.command("create or replace function f() returns int as 'select 1' language sql"))
                .isEqualTo("CREATE FUNCTION");
        assertThat(LeadingWords.command("CREATE UNIQUE INDEX i ON t (n)")).isEqualTo("CREATE INDEX");
        assertThat(LeadingWords.command("CREATE MATERIALIZED VIEW v AS SELECT 1"))
                .isEqualTo("CREATE MATERIALIZED VIEW");
        assertThat(LeadingWords.command("(SELECT 1)")).isEmpty();
    }

    @Test
    void timeoutsReadAsSecondsInMessages() {
        assertThat(ServerErrors.seconds(Duration.ofSeconds(30))).isEqualTo("30");
        assertThat(ServerErrors.seconds(Duration.ofMillis(1500))).isEqualTo("1.5");
    }
}
