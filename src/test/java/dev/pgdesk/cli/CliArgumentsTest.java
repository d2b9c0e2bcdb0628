package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    private static CliArguments parse(String... args) throws CliUsageException {
        return CliArguments.parse(List.of(args), Set.of("--json"), Set.of("--timeout"));
    }

    @Test
    void separatesFlagsOptionsAndPositionals() throws CliUsageException {
        CliArguments arguments = parse("--json", "prod", "--timeout", "5");

        assertThat(arguments.has("--json")).isTrue();
        assertThat(arguments.value("--timeout")).contains("5");
        assertThat(arguments.positionals()).containsExactly("prod");
    }

    @Test
    void optionValuesMayFollowAnEqualsSign() throws CliUsageException {
        assertThat(parse("--timeout=7").value("--timeout")).contains("7");
    }

    @Test
    void doubleDashEndsTheOptions() throws CliUsageException {
        assertThat(parse("--", "--json").positionals()).containsExactly("--json");
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> parse("--yaml")).hasMessage("unknown option '--yaml'");
    }

    @Test
    void optionWithoutValueIsRejected() {
        assertThatThrownBy(() -> parse("--timeout")).hasMessage("option '--timeout' needs a value");
    }

    @Test
    void flagWithValueIsRejected() {
        assertThatThrownBy(() -> parse("--json=yes")).hasMessage("option '--json' does not take a value");
    }

    @Test
    void singlePositionalNeedsExactlyOne() throws CliUsageException {
        assertThat(parse("a").singlePositional("target")).isEqualTo("a");
        assertThatThrownBy(() -> parse().singlePositional("target")).hasMessage("missing target");
        assertThatThrownBy(() -> parse("a", "b").singlePositional("target"))
                .hasMessage("expected one target, got 2 arguments");
    }

    @Test
    void repeatableOptionKeepsEveryValueInOrder() throws CliUsageException {
        CliArguments arguments = CliArguments.parse(
                List.of("--param", "1", "db", "--param=-2", "--param", "x=y"), Set.of(), Set.of(), Set.of("--param"));

        assertThat(arguments.values("--param")).containsExactly("1", "-2", "x=y");
        assertThat(arguments.values("--other")).isEmpty();
        assertThat(arguments.positionals()).containsExactly("db");
    }

    @Test
    void singleValueOptionGivenTwiceIsRejected() {
        assertThatThrownBy(() -> parse("--timeout", "1", "--timeout", "2"))
                .hasMessage("option '--timeout' given more than once");
    }
}
