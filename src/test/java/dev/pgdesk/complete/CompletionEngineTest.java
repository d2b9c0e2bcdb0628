package dev.pgdesk.complete;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class CompletionEngineTest {
    private static final Logger LOG = LoggerFactory.getLogger(CompletionEngineTest.class);
    private static final CatalogSnapshot SHOP = SampleCatalog.shop();

    /** Completes {@code marked} at its {@code |}, which is removed first. */
    private static CompletionResult complete(String marked) {
        return complete(marked, SHOP);
    }

    private static CompletionResult complete(String marked, CatalogSnapshot snapshot) {
        int caret = marked.indexOf('|');
        String sql = marked.substring(0, caret) + marked.substring(caret + 1);
        return CompletionEngine.complete(sql, caret, snapshot);
    }

    private static List<String> texts(CompletionResult result) {
        return result.candidates().stream().map(Candidate::text).toList();
    }

    private static List<String> textsOf(CompletionResult result, CandidateKind kind) {
        return result.candidates().stream()
                .filter(c -> c.kind() == kind)
                .map(Candidate::text)
                .toList();
    }

    private static Candidate first(CompletionResult result) {
        assertThat(result.candidates()).isNotEmpty();
        return result.candidates().get(0);
    }

    @Nested
    class Relations {
        @Test
        void afterFromRelationsOnTheSearchPathComeBeforeOtherSchemas() {
            List<String> texts = texts(complete("SELECT * FROM |"));

            assertThat(texts).contains("users", "orders", "active_users", "sales.invoices", "sales");
            assertThat(texts.indexOf("users")).isLessThan(texts.indexOf("sales.invoices"));
            assertThat(texts.indexOf("orders")).isLessThan(texts.indexOf("sales"));
        }

        @Test
        void afterJoinTheTypedPrefixNarrowsTheRelations() {
            CompletionResult result = complete("select * from users u join ord|");

            assertThat(texts(result)).startsWith("orders", "order_items");
            assertThat(texts(result)).doesNotContain("users");
        }

        @Test
        void prefixMatchesRankAboveWordPrefixAboveSubstringMatches() {
            List<String> texts = textsOf(complete("select * from ord|"), CandidateKind.TABLE);

            assertThat(texts).containsSubsequence("orders", "order_items", "customer_orders", "records");
        }

        @Test
        void aRelationOutsideTheSearchPathIsInsertedSchemaQualifiedAfterThoseOnThePath() {
            List<String> texts = texts(complete("select * from order|"));

            assertThat(texts).containsSubsequence("orders", "order_items", "sales.order_notes");
        }

        @Test
        void afterSchemaDotTheSchemasRelationsComeUnqualified() {
            CompletionResult result = complete("select * from sales.|");

            assertThat(texts(result)).containsExactlyInAnyOrder("invoices", "order_notes");
        }

        @Test
        void afterAFromItemTheClausesThatMayFollowAreOffered() {
            CompletionResult result = complete("SELECT * FROM users u |");

            assertThat(texts(result)).startsWith("WHERE");
            assertThat(texts(result)).contains("JOIN", "LEFT JOIN", "ORDER BY");
        }

        @Test
        void theCaretInsideAWordReplacesTheWholeWord() {
            String sql = "select * from usxyz";
            int caret = sql.indexOf("xyz");
            CompletionResult result = CompletionEngine.complete("select * from users", caret, SHOP);

            assertThat(result.replaceFrom()).isEqualTo(sql.indexOf("us"));
            assertThat(result.replaceTo()).isEqualTo("select * from users".length());
            Candidate users = result.candidates().stream()
                    .filter(c -> c.text().equals("users"))
                    .findFirst()
                    .orElseThrow();
            assertThat(result.apply("select * from users", users)).isEqualTo("select * from users");
        }

        @Test
        void dropTableIfExistsNamesARelation() {
            assertThat(texts(complete("drop table if exists ord|"))).startsWith("orders");
        }

        @Test
        void aCteIsOfferedAsARelation() {
            CompletionResult result = complete("with recent as (select id from orders) select * from rec|");

            assertThat(first(result).text()).isEqualTo("recent");
            assertThat(first(result).kind()).isEqualTo(CandidateKind.ALIAS);
        }
    }

    @Nested
    class Columns {
        @Test
        void aliasDotOffersOnlyThatRelationsColumnsInTheTablesOrder() {
            CompletionResult result = complete("select u.| from users u join orders o on o.user_id = u.id");

            assertThat(texts(result)).containsExactly("id", "name", "email", "created_at");
            assertThat(result.candidates()).allSatisfy(c -> assertThat(c.kind()).isEqualTo(CandidateKind.COLUMN));
        }

        @Test
        void anAliasWrittenWithAsWorksAsABareOne() {
            CompletionResult result = complete("select o.t| from public.orders AS o");

            assertThat(texts(result)).containsExactly("total");
            assertThat(first(result).detail()).contains("numeric(12,2)");
        }

        @Test
        void aTableNameDotOffersItsColumnsWithoutAnAlias() {
            assertThat(texts(complete("select * from orders where orders.st|"))).containsExactly("status");
        }

        @Test
        void aRelationNotInTheStatementStillAnswersToItsNameDot() {
            assertThat(texts(complete("select sales.invoices.|"))).containsExactlyInAnyOrder("id", "amount");
        }

        @Test
        void theSelectListOffersColumnsOfBothTablesInScopeBeforeAnythingElse() {
            CompletionResult result = complete("select | from users u join orders o on o.user_id = u.id");
            List<Candidate> columns = result.candidates().subList(0, 8);

            assertThat(columns).allSatisfy(c -> assertThat(c.kind()).isEqualTo(CandidateKind.COLUMN));
            assertThat(columns).extracting(Candidate::text).contains("email", "user_id", "total", "status");
        }

        @Test
        void whereOffersColumnsThenFunctionsThenKeywords() {
            CompletionResult result = complete("select * from orders where |");
            List<CandidateKind> kinds =
                    result.candidates().stream().map(Candidate::kind).toList();

            int lastColumn = kinds.lastIndexOf(CandidateKind.COLUMN);
            int firstFunction = kinds.indexOf(CandidateKind.FUNCTION);
            int firstKeyword = kinds.indexOf(CandidateKind.KEYWORD);
            assertThat(lastColumn).isLessThan(firstFunction);
            assertThat(firstFunction).isLessThan(firstKeyword);
        }

        @Test
        void wherePrefixPicksTheColumn() {
            assertThat(first(complete("select * from orders where st|")).text()).isEqualTo("status");
        }

        @Test
        void aColumnOfATableNotInScopeIsNotOffered() {
            assertThat(texts(complete("select * from orders where ema|"))).doesNotContain("email");
        }

        @Test
        void afterACompleteValueKeywordsComeFirst() {
            assertThat(first(complete("select * from users where name |")).text())
                    .isEqualTo("and");
            assertThat(first(complete("select name |")).text()).isEqualTo("from");
            assertThat(first(complete("select count(*) |")).text()).isEqualTo("from");
        }

        @Test
        void insertColumnListOffersOnlyTheTargetsColumns() {
            assertThat(texts(complete("insert into orders (|")))
                    .containsExactlyInAnyOrder("id", "user_id", "total", "status");
            assertThat(texts(complete("insert into orders (id, st|) values (1, 'new')")))
                    .containsExactly("status");
            assertThat(texts(complete("INSERT INTO sales.invoices (|"))).containsExactlyInAnyOrder("id", "amount");
        }

        @Test
        void onConflictDoUpdateSetOffersTheInsertTargetsColumns() {
            CompletionResult result =
                    complete("insert into orders (id, status) values (1, 'new') on conflict (id) do update set st|");

            assertThat(texts(result)).containsExactly("status");
        }

        @Test
        void updateSetOffersTheTablesColumns() {
            assertThat(first(complete("update orders set st|")).text()).isEqualTo("status");
            List<String> afterComma = texts(complete("update orders set status = 'x', |"));
            assertThat(afterComma.subList(0, 4)).containsExactlyInAnyOrder("id", "user_id", "total", "status");
        }

        @Test
        void aCtesColumnsComeFromItsSelectList() {
            CompletionResult result = complete(
                    "with recent as (select id, total as amount, count(*) from orders) select r.| from recent r");

            assertThat(texts(result)).containsExactlyInAnyOrder("id", "amount", "count");
        }

        @Test
        void anAliasedSubquerysColumnsComeFromItsSelectList() {
            CompletionResult result = complete("select s.| from (select o.id, o.total * 2 doubled from orders o) s");

            assertThat(texts(result)).containsExactlyInAnyOrder("id", "doubled");
        }

        @Test
        void aliasesComeFromTheStatementAtTheCaretOnly() {
            CompletionResult result = complete("select * from users u;\nselect u.| from orders");

            assertThat(result.candidates()).isEmpty();
        }
    }

    @Nested
    class Functions {
        @Test
        void functionsFromTheCatalogComeWithTheirSignature() {
            Candidate count = first(complete("select coun|"));

            assertThat(count.text()).isEqualTo("count");
            assertThat(count.kind()).isEqualTo(CandidateKind.AGGREGATE);
            assertThat(count.detail()).contains("count(\"any\") → bigint").contains("+1 overload");
        }

        @Test
        void aFunctionOutsideTheSearchPathIsInsertedQualified() {
            assertThat(texts(complete("select invoice_s|"))).containsExactly("sales.invoice_sum");
        }

        @Test
        void afterSchemaDotInAnExpressionTheSchemasFunctionsAreOffered() {
            assertThat(texts(complete("select sales.inv|"))).contains("invoice_sum", "invoices");
        }

        @Test
        void callOffersProcedures() {
            Candidate procedure = first(complete("call arch|"));

            assertThat(procedure.text()).isEqualTo("archive_orders");
            assertThat(procedure.kind()).isEqualTo(CandidateKind.PROCEDURE);
        }

        @Test
        void proceduresAreNotOfferedInExpressions() {
            assertThat(texts(complete("select arch|"))).doesNotContain("archive_orders");
        }

        @Test
        void setReturningFunctionsAreOfferedInFrom() {
            assertThat(texts(complete("select * from generate|"))).contains("generate_series");
        }
    }

    @Nested
    class Quoting {
        @Test
        void aMixedCaseNameIsInsertedQuoted() {
            assertThat(texts(complete("select * from useracc|"))).containsExactly("\"UserAccounts\"");
        }

        @Test
        void aReservedWordNameIsInsertedQuoted() {
            List<String> texts = texts(complete("select * from use|"));

            assertThat(texts).contains("\"user\"", "users");
            assertThat(texts).doesNotContain("user");
        }

        @Test
        void anOpeningQuoteMatchesQuotedNamesInTheirExactCaseAndReplacesTheQuote() {
            String sql = "select * from \"Us";
            CompletionResult result = CompletionEngine.complete(sql, sql.length(), SHOP);

            assertThat(first(result).text()).isEqualTo("\"UserAccounts\"");
            assertThat(result.replaceFrom()).isEqualTo(sql.indexOf('"'));
            assertThat(result.apply(sql, first(result))).isEqualTo("select * from \"UserAccounts\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"select \"s| from orders", "select \"s|\" from orders"})
        void aQuotedPrefixIgnoresKeywords(String marked) {
            CompletionResult result = complete(marked);

            assertThat(result.candidates())
                    .noneSatisfy(c -> assertThat(c.kind()).isEqualTo(CandidateKind.KEYWORD));
            assertThat(first(result).text()).isEqualTo("\"status\"");
        }

        @Test
        void columnsWithUpperCaseOrSpacesAreQuoted() {
            assertThat(texts(complete("select a.| from \"UserAccounts\" a")))
                    .containsExactlyInAnyOrder("\"AccountId\"", "\"display name\"");
        }

        @Test
        void aQuotedAliasQualifiesItsColumns() {
            assertThat(texts(complete("select \"A\".| from orders \"A\"")))
                    .containsExactlyInAnyOrder("id", "user_id", "total", "status");
        }
    }

    @Nested
    class Keywords {
        @Test
        void statementStartOffersStatementKeywords() {
            assertThat(texts(complete("|"))).startsWith("SELECT", "INSERT INTO", "UPDATE", "DELETE FROM");
        }

        @ParameterizedTest
        @ValueSource(strings = {"sel|", "SEL|", "Sel|"})
        void keywordsFollowTheCaseBeingTyped(String marked) {
            String expected = marked.equals("sel|") ? "select" : "SELECT";

            assertThat(first(complete(marked)).text()).isEqualTo(expected);
        }

        @Test
        void withNothingTypedKeywordsFollowTheCaseOfTheStatement() {
            assertThat(texts(complete("select * from users |"))).startsWith("where");
            assertThat(texts(complete("SELECT * FROM users |"))).startsWith("WHERE");
        }

        @Test
        void aNewStatementAfterASemicolonStartsOver() {
            assertThat(first(complete("select 1; ins|")).text()).isEqualTo("insert into");
        }

        @Test
        void explainIsFollowedByStatementKeywords() {
            assertThat(first(complete("explain analyze sel|")).text()).isEqualTo("select");
        }

        @Test
        void wordsThatAlwaysTakeACompanionOfferIt() {
            assertThat(first(complete("select * from users order |")).text()).isEqualTo("by");
            assertThat(first(complete("DELETE |")).text()).isEqualTo("FROM");
        }

        @Test
        void vacuumAndAnalyzeNameTables() {
            assertThat(first(complete("VACUUM FULL ord|")).text()).isEqualTo("orders");
            assertThat(first(complete("analyze ord|")).text()).isEqualTo("orders");
        }

        @Test
        void copyNamesATable() {
            assertThat(first(complete("copy ord|")).text()).isEqualTo("orders");
        }

        @Test
        void grantOnNamesATable() {
            assertThat(first(complete("grant select on ord|")).text()).isEqualTo("orders");
        }

        @Test
        void withNothingTypedBuiltInFunctionsWaitForAPrefixSoKeywordsShow() {
            List<String> texts = texts(complete("select * from orders where |"));

            assertThat(texts).contains("order_total", "case", "not").doesNotContain("lower", "now");
        }

        @Test
        void aKeywordPhraseIsFoundByItsLaterWordButKeywordsAreNotMatchedInside() {
            List<String> texts = texts(complete("select * from users u joi|"));

            assertThat(texts).startsWith("join").contains("left join", "inner join");
            assertThat(texts(complete("select * from orders where st|"))).doesNotContain("distinct", "exists");
        }

        @Test
        void anEmptySnapshotStillOffersKeywords() {
            CompletionResult result = complete("select * from users wh|", CatalogSnapshot.empty());

            assertThat(texts(result)).contains("where");
            assertThat(result.candidates()).allSatisfy(c -> assertThat(c.kind()).isEqualTo(CandidateKind.KEYWORD));
        }

        @Test
        void anAliasBeingNamedGetsNothing() {
            assertThat(complete("select * from users as |").candidates()).isEmpty();
        }
    }

    @Nested
    class NoCompletion {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "select 'fr|om' from users",
                    "select 'unterminated fr|",
                    "select 1 -- sel|",
                    "select 1 -- comment|\n",
                    "select /* se| */ 1",
                    "select /* unterminated |",
                    "select $$ se|$$",
                    "select $body$ fr|",
                    "select 12|",
                    "select * from users where id = $1|",
                    "select * from users where id = :na|",
                    "select now()::|"
                })
        void insideStringsCommentsNumbersParametersAndTypeCastsNothingIsOffered(String marked) {
            CompletionResult result = complete(marked);
            int caret = marked.indexOf('|');

            assertThat(result.candidates()).isEmpty();
            assertThat(result.replaceFrom()).isEqualTo(caret);
        }

        @Test
        void rightAfterAClosedCommentCompletionWorksAgain() {
            assertThat(texts(complete("select * from /* pick one */ ord|"))).startsWith("orders");
        }
    }

    @Nested
    class Speed {
        @Test
        void typicalStatementsCompleteInMillisecondsOnALargeCatalog() {
            CatalogSnapshot large = SampleCatalog.large(2_000, 10, 3_000);
            List<String> statements = List.of(
                    "select * from tab|",
                    "select * from |",
                    "select t.| from table_17 t join table_18 u on t.col_17_0 = u.col_18_0",
                    "select | from table_17 t join table_18 u on t.col_17_0 = u.col_18_0 where t.col_17_1 = 'x'",
                    "select * from table_5 where col_5_1 = 3 and fu|",
                    "update table_9 set col_9_1 = 'x', |");
            for (int warmUp = 0; warmUp < 50; warmUp++) {
                statements.forEach(s -> complete(s, large));
            }
            int rounds = 200;
            for (String statement : statements) {
                long started = System.nanoTime();
                CompletionResult result = null;
                for (int i = 0; i < rounds; i++) {
                    result = complete(statement, large);
                }
                double micros = (System.nanoTime() - started) / 1_000.0 / rounds;
                LOG.info(String.format(Locale.ROOT, "completion took %.0f µs on average for: %s", micros, statement));
                assertThat(result.candidates()).isNotEmpty();
            }
        }

        @Test
        void aLongScriptIsReadWholeForEachCompletion() {
            CatalogSnapshot large = SampleCatalog.large(2_000, 10, 3_000);
            StringBuilder script = new StringBuilder();
            for (int i = 0; i < 2_000; i++) {
                script.append("select col_")
                        .append(i)
                        .append("_1, 'text; not a split' from table_")
                        .append(i)
                        .append(" where col_")
                        .append(i)
                        .append("_0 = ")
                        .append(i)
                        .append(";\n");
            }
            String marked = script.substring(0, script.length() / 2) + "select * from table_1 where col_1_|;\n"
                    + script.substring(script.length() / 2);
            for (int warmUp = 0; warmUp < 20; warmUp++) {
                complete(marked, large);
            }
            int rounds = 50;
            long started = System.nanoTime();
            CompletionResult result = null;
            for (int i = 0; i < rounds; i++) {
                result = complete(marked, large);
            }
            double micros = (System.nanoTime() - started) / 1_000.0 / rounds;
            LOG.info(String.format(
                    Locale.ROOT,
                    "completion in a %d-character script took %.0f µs on average",
                    marked.length(),
                    micros));

            assertThat(texts(result)).startsWith("col_1_0", "col_1_1");
        }
    }
}
