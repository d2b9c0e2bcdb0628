package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.sql.Parameter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {
    private static final Parameter P1 = Parameter.positional(1);
    private static final Parameter P2 = Parameter.positional(2);
    private static final Parameter P3 = Parameter.positional(3);

    private static Map<Parameter, String> expected(Object... pairs) {
        Map<Parameter, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Parameter) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void positionalValuesGoToTheNumbersInOrder() throws CliUsageException {
        assertThat(QueryParameters.assign(List.of(P2, P1), List.of("a", "b"), List.of()))
                .isEqualTo(expected(P2, "b", P1, "a"));
    }

    @Test
    void nullParamIsSkippedByTheValues() throws CliUsageException {
        Map<Parameter, String> assigned = QueryParameters.assign(List.of(P1, P2, P3), List.of("a", "c"), List.of("$2"));

        assertThat(assigned).isEqualTo(expected(P1, "a", P2, null, P3, "c"));
    }

    @Test
    void nullParamAcceptsABareNumber() throws CliUsageException {
        assertThat(QueryParameters.assign(List.of(P1), List.of(), List.of("1"))).isEqualTo(expected(P1, null));
    }

    @Test
    void aNumberTheScriptSkipsStillTakesItsPlace() throws CliUsageException {
        assertThat(QueryParameters.assign(List.of(P1, P3), List.of("a", "unused", "c"), List.of()))
                .isEqualTo(expected(P1, "a", P3, "c"));
    }

    @Test
    void missingPositionalValuesAreNamed() {
        assertThatThrownBy(() -> QueryParameters.assign(List.of(P1, P2, P3), List.of("a"), List.of()))
                .isInstanceOf(CliUsageException.class)
                .hasMessageStartingWith("no value for $2, $3: the script uses $1 to $3")
                .hasMessageEndingWith("1 given");
    }

    @Test
    void extraValuesAreNamed() {
        assertThatThrownBy(() -> QueryParameters.assign(List.of(P1), List.of("a", "b", "c"), List.of()))
                .hasMessage("too many --param values: the script uses $1 but 3 were given; extra: 'b', 'c'");
    }

    @Test
    void valuesForAScriptWithoutParametersAreRefused() {
        assertThatThrownBy(() -> QueryParameters.assign(List.of(), List.of("a"), List.of()))
                .hasMessage("--param 'a' given, but the script has no parameters");
    }

    @Test
    void namedValuesTakeNameEqualsValueAndKeepLaterEqualsSigns() throws CliUsageException {
        Parameter status = Parameter.named("status");
        Parameter filter = Parameter.named("filter");

        assertThat(QueryParameters.assign(List.of(status, filter), List.of("filter=a=b", "status=open"), List.of()))
                .isEqualTo(expected(status, "open", filter, "a=b"));
    }

    @Test
    void namesAreMatchedAsTheLexerReadsThem() throws CliUsageException {
        Parameter unicode = Parameter.named("größe");
        Parameter dollar = Parameter.named("a$b");

        assertThat(QueryParameters.assign(List.of(unicode, dollar), List.of("größe=10", "a$b=x"), List.of()))
                .isEqualTo(expected(unicode, "10", dollar, "x"));
    }

    @Test
    void namedNullIsGivenByName() throws CliUsageException {
        Parameter status = Parameter.named("status");

        assertThat(QueryParameters.assign(List.of(status), List.of(), List.of(":status")))
                .isEqualTo(expected(status, null));
        assertThat(QueryParameters.assign(List.of(status), List.of(), List.of("status")))
                .isEqualTo(expected(status, null));
    }

    @Test
    void missingNamedValueIsNamed() {
        List<Parameter> parameters = Arrays.asList(Parameter.named("a"), Parameter.named("b"));

        assertThatThrownBy(() -> QueryParameters.assign(parameters, List.of("a=1"), List.of()))
                .hasMessageStartingWith("no value for :b: pass --param name=VALUE");
    }

    @Test
    void namedValueWithoutAKnownNameIsRefusedWithTheNames() {
        assertThatThrownBy(() -> QueryParameters.assign(List.of(Parameter.named("id")), List.of("7"), List.of()))
                .hasMessage("--param '7' sets none of the script's parameters (it has :id): write it as"
                        + " --param name=VALUE");
    }

    @Test
    void valueAndNullForTheSameNameAreRefused() {
        Parameter id = Parameter.named("id");

        assertThatThrownBy(() -> QueryParameters.assign(List.of(id), List.of("id=1"), List.of("id")))
                .hasMessage(":id is given more than one value");
        assertThatThrownBy(() -> QueryParameters.assign(List.of(id), List.of("id=1", "id=2"), List.of()))
                .hasMessage(":id is given more than one value");
    }

    @Test
    void nullParamForAParameterTheScriptLacksIsRefused() {
        assertThatThrownBy(() -> QueryParameters.assign(List.of(P1), List.of(), List.of("2")))
                .hasMessage("--null-param 2: the script has no $2 (it has $1)");
        assertThatThrownBy(() -> QueryParameters.assign(List.of(P1), List.of(), List.of("who")))
                .hasMessageStartingWith("--null-param who names no parameter of the script (it has $1)");
        assertThatThrownBy(() -> QueryParameters.assign(List.of(P1), List.of(), List.of("1", "$1")))
                .hasMessage("--null-param $1 is given twice");
    }
}
