package dev.pgdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @Test
    void theUserInformationOfAnyUriLosesItsPasswordAndKeepsTheRest() {
        assertThat(Redaction.redact("no saved profile named \"postgres-ql://alice:SECRET@h/db\""))
                .isEqualTo("no saved profile named \"postgres-ql://alice:" + Redaction.MASK + "@h/db\"");
        assertThat(Redaction.redact("postgresql://alice:SE@CR/ET@db.example.com:5432/sales"))
                .isEqualTo("postgresql://alice:" + Redaction.MASK + "@db.example.com:5432/sales");
        assertThat(Redaction.redact("postgresql://alice@h/db and postgresql://alice:@h/db"))
                .isEqualTo("postgresql://alice@h/db and postgresql://alice:@h/db");
    }

    @Test
    void passwordSettingsAreMaskedQuotedOrNotInKeyValueStringsAndUriQueries() {
        assertThat(Redaction.redact("host=h password=SECRET user=u"))
                .isEqualTo("host=h password=" + Redaction.MASK + " user=u");
        assertThat(Redaction.redact("host=h password = 'SE CRET\\' still' user=u"))
                .isEqualTo("host=h password = " + Redaction.MASK + " user=u");
        assertThat(Redaction.redact("unterminated: password='SE CRET"))
                .isEqualTo("unterminated: password=" + Redaction.MASK);
        assertThat(Redaction.redact("jdbc:postgresql://h/db?user=u&PASSWORD=SECRET&sslmode=require"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&PASSWORD=" + Redaction.MASK + "&sslmode=require");
        assertThat(Redaction.redact("sslpassword=KEYSECRET PGPASSWORD=ENVSECRET"))
                .doesNotContain("KEYSECRET")
                .doesNotContain("ENVSECRET");
    }

    @Test
    void textWithoutSecretsIsLeftAsItWas() {
        String text = "could not connect to alice@db:5432/sales: Password authentication failed (SQLSTATE 28P01)";

        assertThat(Redaction.redact(text)).isEqualTo(text);
        assertThat(Redaction.redact(text, "postgresql://alice@db/sales")).isEqualTo(text);
        assertThat(Redaction.redact(null)).isNull();
    }

    /**
     * Every spelling of a password a user may type, and a message quoting the whole target, the password as
     * decoded, and the raw text of the password alone (as a parser quotes a bad escape).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "postgresql://alice:SECRET@h/db | SECRET | SECRET",
                "postgres-ql://alice:SECRET@h/db | SECRET | SECRET",
                "postgresql://alice:SECRET@[::1 | SECRET | SECRET",
                "postgresql://alice:SECRET/db | SECRET | SECRET",
                "host=h password=SECRET | SECRET | SECRET",
                "host=h password='SE CRET' | SE CRET | 'SE CRET'",
                "host=h password=SE\\CRET | SE\\CRET | SE\\CRET",
                "host=h password=SECRET&more | SECRET&more | SECRET&more",
                "jdbc:postgresql://h/db?password=SECRET | SECRET | SECRET",
                "postgresql://h/db?password=SECRET&sslmode=bogus | SECRET | SECRET",
                "postgresql://alice:SE%43RET@h/db | SECRET | SE%43RET",
                "postgresql://h/db?password=SE%ZZCRET | SE%ZZCRET | SE%ZZCRET",
                "postgresql://alice:%53%45%43%52%45%54@h/db | SECRET | %53%45%43%52%45%54"
            })
    void noSpellingOfATypedPasswordSurvives(String target, String decoded, String raw) {
        String message = "quoting \"" + target + "\", the password " + decoded + " and its text \"" + raw + "\"";

        String redacted = Redaction.redact(message, List.of(target));

        assertThat(redacted)
                .doesNotContain(decoded)
                .doesNotContain(raw)
                .doesNotContain("CRET")
                .contains(Redaction.MASK);
    }
}
