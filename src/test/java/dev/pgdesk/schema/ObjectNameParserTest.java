package dev.pgdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectNameParserTest {

    @Test
    void unquotedPartsFoldToLowerCaseAndQuotedOnesKeepTheirSpelling() {
        assertThat(ObjectNameParser.parse("Public.Orders").parts()).containsExactly("public", "orders");
        assertThat(ObjectNameParser.parse("\"My Schema\".\"Odd \"\"Name\"\"\"").parts())
                .containsExactly("My Schema", "Odd \"Name\"");
        assertThat(ObjectNameParser.parse("\"a.b\".c").parts()).containsExactly("a.b", "c");
        assertThat(ObjectNameParser.parse("s.t.trg").parts()).hasSize(3);
    }

    @Test
    void anArgumentListIsKeptApart() {
        ObjectNameParser.ParsedName parsed = ObjectNameParser.parse(" public.f( integer, text ) ");

        assertThat(parsed.parts()).isEqualTo(List.of("public", "f"));
        assertThat(parsed.arguments()).isEqualTo("integer, text");
        assertThat(ObjectNameParser.parse("f()").arguments()).isEmpty();
        assertThat(ObjectNameParser.parse("orders").arguments()).isNull();
    }

    @Test
    void malformedNamesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> ObjectNameParser.parse("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ObjectNameParser.parse("public.")).hasMessageContaining("empty name part");
        assertThatThrownBy(() -> ObjectNameParser.parse("\"open")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> ObjectNameParser.parse("f(int")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> ObjectNameParser.parse("a.b.c.d")).hasMessageContaining("more than three");
    }
}
