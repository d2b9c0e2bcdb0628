package dev.pgdesk.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.Optional;

/**
 * Asks the person at the terminal for a password the server demands and no other source gave. A scheduler
 * has nobody to ask, so outside a terminal the answer is always empty and the connection fails with advice.
 */
@FunctionalInterface
interface PasswordPrompt {

    /** Never asks: for {@code --no-password}, for tests, and wherever no terminal is attached. */
    PasswordPrompt NEVER = target -> Optional.empty();

    /**
     * @param target who and where the password is for, as {@code alice@db.example.com:5432/app}
     * @return what was typed, or empty when nobody could be asked or the input ended
     */
    Optional<String> ask(String target);

    /** Reads the password without echo from the terminal, when standard input and output are one. */
    static PasswordPrompt terminal() {
        return target -> {
            Optional<Console> console = Terminal.console();
            if (console.isEmpty()) {
                return Optional.empty();
            }
            // The console writes the question to the terminal itself, never to a redirected stdout.
            char[] typed = console.get().readPassword("Password for %s: ", target);
            if (typed == null) {
                return Optional.empty();
            }
            String password = new String(typed);
            Arrays.fill(typed, '\0');
            return Optional.of(password);
        };
    }
}
