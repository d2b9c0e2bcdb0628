package dev.pgdesk.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnInfoParserTest {

    private static Map<String, String> parse(String text) throws ConnInfoException {
        return ConnInfoParser.parse(text).parameters();
    }

    @Nested
    class DocumentedUriExamples {

        @Test
        void bareSchemeIsValidAndSetsNothing() throws Exception {
            assertThat(parse("postgresql://")).isEmpty();
        }

        @Test
        void hostOnly() throws Exception {
            assertThat(parse("postgresql://localhost")).containsExactly(entry("host", "localhost"));
        }

        @Test
        void hostAndPort() throws Exception {
            assertThat(parse("postgresql://localhost:5433"))
                    .containsExactly(entry("host", "localhost"), entry("port", "5433"));
        }

        @Test
        void hostAndDatabase() throws Exception {
            assertThat(parse("postgresql://localhost/mydb"))
                    .containsExactly(entry("host", "localhost"), entry("dbname", "mydb"));
        }

        @Test
        void userBeforeHost() throws Exception {
            assertThat(parse("postgresql://user@localhost"))
                    .containsExactly(entry("user", "user"), entry("host", "localhost"));
        }

        @Test
        void userAndPasswordBeforeHost() throws Exception {
            assertThat(parse("postgresql://user:secret@localhost"))
                    .containsExactly(entry("user", "user"), entry("password", "secret"), entry("host", "localhost"));
        }

        @Test
        void queryParametersAfterTheDatabase() throws Exception {
            assertThat(parse("postgresql://other@localhost/otherdb?connect_timeout=10&application_name=myapp"))
                    .containsExactly(
                            entry("user", "other"),
                            entry("host", "localhost"),
                            entry("dbname", "otherdb"),
                            entry("connect_timeout", "10"),
                            entry("application_name", "myapp"));
        }

        @Test
        void severalHostsAreKeptAsCommaSeparatedLists() throws Exception {
            assertThat(parse("postgresql://host1:123,host2:456/somedb?target_session_attrs=any&application_name=myapp"))
                    .containsExactly(
                            entry("host", "host1,host2"),
                            entry("port", "123,456"),
                            entry("dbname", "somedb"),
                            entry("target_session_attrs", "any"),
                            entry("application_name", "myapp"));
        }

        @Test
        void hostAndPortAsQueryParameters() throws Exception {
            assertThat(parse("postgresql:///mydb?host=localhost&port=5433"))
                    .containsExactly(entry("dbname", "mydb"), entry("host", "localhost"), entry("port", "5433"));
        }

        @Test
        void ipv6HostInBrackets() throws Exception {
            assertThat(parse("postgresql://[2001:db8::1234]/database"))
                    .containsExactly(entry("host", "2001:db8::1234"), entry("dbname", "database"));
        }

        @Test
        void ipv6LoopbackWithPort() throws Exception {
            assertThat(parse("postgresql://[::1]:5433")).containsExactly(entry("host", "::1"), entry("port", "5433"));
        }

        @Test
        void socketDirectoryAsQueryParameter() throws Exception {
            assertThat(parse("postgresql:///dbname?host=/var/lib/postgresql"))
                    .containsExactly(entry("dbname", "dbname"), entry("host", "/var/lib/postgresql"));
        }

        @Test
        void percentEncodedSocketDirectoryAsHost() throws Exception {
            assertThat(parse("postgresql://%2Fvar%2Flib%2Fpostgresql/dbname"))
                    .containsExactly(entry("host", "/var/lib/postgresql"), entry("dbname", "dbname"));
        }

        @Test
        void shortSchemeIsAccepted() throws Exception {
            assertThat(parse("postgres://u@h/d"))
                    .containsExactly(entry("user", "u"), entry("host", "h"), entry("dbname", "d"));
        }

        @Test
        void percentEncodingIsDecodedInEveryComponentAsUtf8() throws Exception {
            assertThat(parse("postgresql://j%C3%BCrgen:p%40ss%3Aword@db%2Dhost/my%20db?application_name=a%26b"))
                    .containsExactly(
                            entry("user", "jürgen"),
                            entry("password", "p@ss:word"),
                            entry("host", "db-host"),
                            entry("dbname", "my db"),
                            entry("application_name", "a&b"));
        }

        @Test
        void sslTrueMeansRequireAsInLibpq() throws Exception {
            assertThat(parse("postgresql://h?ssl=true"))
                    .containsExactly(entry("host", "h"), entry("sslmode", "require"));
        }

        @Test
        void portWithoutHostAndEmptyDatabaseAreAllowed() throws Exception {
            assertThat(parse("postgresql://:5433/")).containsExactly(entry("port", "5433"));
        }

        @Test
        void laterParametersOverrideEarlierOnes() throws Exception {
            assertThat(parse("postgresql://a/db?host=b")).containsEntry("host", "b");
        }
    }

    @Nested
    class KeyValueStrings {

        @Test
        void documentedExample() throws Exception {
            assertThat(parse("host=localhost port=5432 dbname=mydb connect_timeout=10"))
                    .containsExactly(
                            entry("host", "localhost"),
                            entry("port", "5432"),
                            entry("dbname", "mydb"),
                            entry("connect_timeout", "10"));
        }

        @Test
        void whitespaceAroundTheEqualsSignIsAllowed() throws Exception {
            assertThat(parse("  host = db.example.com\tuser=\n alice "))
                    .containsExactly(entry("host", "db.example.com"), entry("user", "alice"));
        }

        @Test
        void quotedValuesKeepSpacesAndUnescapeQuotesAndBackslashes() throws Exception {
            assertThat(parse("password='it\\'s a \\\\ secret' application_name='my app' options=''"))
                    .containsExactly(
                            entry("password", "it's a \\ secret"),
                            entry("application_name", "my app"),
                            entry("options", ""));
        }

        @Test
        void emptyStringHasNoParameters() throws Exception {
            assertThat(parse("   ")).isEmpty();
        }

        @Test
        void valuesAreNotPercentDecoded() throws Exception {
            assertThat(parse("dbname=a%20b")).containsExactly(entry("dbname", "a%20b"));
        }
    }

    @Nested
    class MalformedInput {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                foo=bar                                  | invalid connection option "foo"
                host                                     | missing "=" after "host" in connection info string
                host localhost                           | missing "=" after "host" in connection info string
                host='localhost                          | unterminated quoted string in connection info string
                port=54a                                 | invalid port number: "54a"
                port=70000                               | invalid port number: "70000"
                connect_timeout=soon                     | invalid integer value "soon" for connection option "connect_timeout"
                sslmode=strict                           | invalid sslmode value: "strict"
                postgresql://host/db?foo=bar             | invalid URI query parameter: "foo"
                postgresql://host/db?connect_timeout     | missing key/value separator "=" in URI query parameter: "connect_timeout"
                postgresql://host/db?port=1&&host=2      | missing key/value separator "=" in URI query parameter: ""
                postgresql://host/db?port=1=2            | extra key/value separator "=" in URI query parameter: "port"
                postgresql://host:54a/db                 | invalid port number: "54a"
                postgresql://h1:5432,h2:x/db             | invalid port number: "x"
                postgresql://host/%zz                    | invalid percent-encoded token: "%zz"
                postgresql://us%zzer@host                | invalid percent-encoded token: "us%zzer"
                postgresql://host/db%2                   | invalid percent-encoded token: "db%2"
                postgresql://host/db%00                  | forbidden value %00 in percent-encoded value: "db%00"
                postgresql://host/db%FF                  | percent-encoded value is not valid UTF-8: "db%FF"
                postgresql://[::1                        | end of string reached when looking for matching "]" in IPv6 host address in URI: "postgresql://[::1"
                postgresql://[]/db                       | IPv6 host address may not be empty in URI: "postgresql://[]/db"
                postgresql://[::1]x/db                   | unexpected character "x" at position 19 in URI (expected ":" or "/"): "postgresql://[::1]x/db"
                postgresql://host/db?sslmode=sometimes   | invalid sslmode value: "sometimes"
                """)
        void isRejectedWithLibpqsReason(String input, String reason) {
            assertThatThrownBy(() -> ConnInfoParser.parse(input))
                    .isInstanceOf(ConnInfoException.class)
                    .hasMessage(reason);
        }

        @Test
        void errorMessagesAreOneLine() {
            assertThatThrownBy(() -> ConnInfoParser.parse("host='a\nb"))
                    .isInstanceOf(ConnInfoException.class)
                    .extracting(Throwable::getMessage)
                    .asString()
                    .doesNotContain("\n");
        }
    }
}
