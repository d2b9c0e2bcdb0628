package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SessionOpenerTest {

    @Test
    void theDriversMissingPasswordRefusalIsAPasswordDemand() {
        SQLException refusal = new SQLException(
                "The server requested SCRAM-based authentication, but no password was provided.", "08004");

        assertThat(SessionOpener.demandsPassword(refusal)).isTrue();
    }

    @Test
    void aRefusalWrappedByThePoolIsFoundInTheCauses() {
        SQLException refusal = new SQLException(
                "The server requested password-based authentication, but no password was provided.", "08004");

        assertThat(SessionOpener.demandsPassword(new SQLException("pool could not start", null, refusal)))
                .isTrue();
    }

    @Test
    void aServerWithoutSslSharesTheStateButIsNoPasswordDemand() {
        assertThat(SessionOpener.demandsPassword(new SQLException("The server does not support SSL.", "08004")))
                .isFalse();
    }

    @Test
    void theRefusalInAnotherLanguageIsStillAPasswordDemand() {
        SQLException refusal = new SQLException(
                "Der Server verlangt SCRAM-Authentifizierung, aber es wurde kein Passwort angegeben.", "08004");

        assertThat(SessionOpener.demandsPassword(refusal)).isTrue();
    }

    @Test
    void aServerWithoutGssEncryptionIsNoPasswordDemand() {
        assertThat(SessionOpener.demandsPassword(
                        new SQLException("The server does not support GSS Encryption.", "08004")))
                .isFalse();
    }

    @Test
    void aRejectedPasswordIsNoDemandForOne() {
        SQLException rejected = new SQLException("password authentication failed for user \"alice\"", "28P01");

        assertThat(SessionOpener.demandsPassword(rejected)).isFalse();
    }
}
