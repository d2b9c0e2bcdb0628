package dev.pgdesk.connect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** libpq's parse errors quote the text they choke on; pgdesk's never quote a password while doing so. */
class ConnInfoParserSecretsTest {
    @Test
    void theParsersMessagesNeverQuoteAPassword() {
        for (String text : List.of(
                "postgresql://alice:SECRET@[::1",
                "postgresql://alice:SECRET@[::1]x/db",
                "postgresql://alice:SE%ZZCRET@h/db",
                "postgresql://h/db?password=SE%00CRET",
                "postgresql://alice:SECRET/db",
                "postgresql://h/db?password=SECRET=again",
                "host=h password='SECRET")) {
            assertThatThrownBy(() -> ConnInfoParser.parse(text), text)
                    .isInstanceOf(ConnInfoException.class)
                    .message()
                    .doesNotContain("SECRET");
        }
    }
}
