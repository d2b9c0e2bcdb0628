package dev.pgdesk.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes passwords out of text meant for people: error messages, warnings and log lines. Two passes, because a
 * message may quote a whole connection string or only a piece of one:
 *
 * <ul>
 *   <li>anything shaped like a secret is masked wherever it appears: the password of a URI's user information
 *       ({@code scheme://user:PASSWORD@host}, whatever the scheme, so that a mistyped {@code postgres-ql://} is
 *       covered too) and the value of a {@code password=} setting (also {@code sslpassword=} and {@code PGPASSWORD=}), quoted or not, in a
 *       key=value string or a URI query;
 *   <li>when the text the user typed is known (a command's target), the passwords found in it are masked wherever
 *       they appear, raw or percent-decoded, so that a message quoting just the bad part of a password (an invalid
 *       {@code %} escape, say) does not give it away.
 * </ul>
 *
 * <p>A masked password reads {@value #MASK}; the rest of the text is left as it was, so the user still sees which
 * target or setting the message is about.
 */
public final class Redaction {
    /** What a password is replaced with. */
    public static final String MASK = "********";

    /**
     * {@code scheme://user:password@}: the scheme as RFC 3986 allows it, the user up to the first ':', the password
     * up to the last '@' before the end of the token (passwords typed unencoded may hold '@', '/' or ':').
     */
    private static final Pattern URI_USER_INFO =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://[^\\s:/@\"'?#\\[]*:)([^\\s\"']*)@");

    /**
     * {@code password=value} and {@code sslpassword = 'value'}, any letter case: a quoted value runs to the closing
     * quote that is not escaped by a backslash (or to the end when there is none, as in a mistyped string); an
     * unquoted one to white space, '&amp;' (the next URI parameter), '#' or a double quote (the end of a quoted
     * message).
     */
    private static final Pattern PASSWORD_SETTING =
            Pattern.compile("(?i)((?:ssl|pg)?password\\s*=\\s*)('(?:\\\\.|[^'\\\\])*(?:'|$)|(?:\\\\.|[^\\s&#\"'])*)");

    /** An unquoted {@code password=value} of a key=value string, where only white space ends the value. */
    private static final Pattern KEY_VALUE_PASSWORD = Pattern.compile("(?i)(?:ssl|pg)?password\\s*=\\s*([^\\s']\\S*)");

    /** {@code scheme://host:NOTAPORT} with no '@' in the authority: what may be a password in the port's place. */
    private static final Pattern URI_WITHOUT_USER_INFO = Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.\\-]*://[^\\s@/?#:\\[]*:([^\\s@/?#,]*[^\\s@/?#,0-9][^\\s@/?#,]*)(?=[/?#\\s\"']|$)");

    private Redaction() {}

    /** {@code text} with everything shaped like a password masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = URI_USER_INFO.matcher(text).replaceAll(match -> {
            String password = match.group(2);
            // "user:@host" has an empty password: nothing to hide, and nothing is made up.
            return Matcher.quoteReplacement(match.group(1) + (password.isEmpty() ? "" : MASK) + "@");
        });
        return PASSWORD_SETTING.matcher(masked).replaceAll(match -> {
            String value = match.group(2);
            return Matcher.quoteReplacement(match.group(1) + (value.isEmpty() ? "" : MASK));
        });
    }

    /**
     * {@code text} with everything shaped like a password masked, and also every password found in {@code typed}
     * (what the user gave: a target, an argument), wherever and in whatever spelling it appears.
     */
    public static String redact(String text, Collection<String> typed) {
        String masked = redact(text);
        if (masked == null || masked.isEmpty()) {
            return masked;
        }
        List<String> secrets = new ArrayList<>();
        for (String input : typed) {
            secrets.addAll(secretsIn(input));
        }
        // Longest first, so a password that contains another is masked whole.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** As {@link #redact(String, Collection)} with one typed text. */
    public static String redact(String text, String typed) {
        return redact(text, typed == null ? List.of() : List.of(typed));
    }

    /**
     * The passwords in {@code input} as a user may have typed them, and in the spellings a parser may quote them
     * (percent-decoded, unquoted, unescaped). Lenient: a malformed input still gives up its passwords. Very short
     * ones (one or two characters) are left out, since masking them everywhere would mangle the message and they
     * hide nothing.
     */
    static Set<String> secretsIn(String input) {
        Set<String> found = new LinkedHashSet<>();
        if (input == null || input.isEmpty()) {
            return found;
        }
        Matcher uri = URI_USER_INFO.matcher(input);
        while (uri.find()) {
            addSpellings(found, uri.group(2));
        }
        Matcher setting = PASSWORD_SETTING.matcher(input);
        while (setting.find()) {
            String value = setting.group(2);
            addSpellings(found, value);
            if (value.startsWith("'")) {
                String inner = value.endsWith("'") && value.length() > 1
                        ? value.substring(1, value.length() - 1)
                        : value.substring(1);
                addSpellings(found, inner);
                addSpellings(found, inner.replaceAll("\\\\(.)", "$1"));
            } else {
                addSpellings(found, value.replaceAll("\\\\(.)", "$1"));
            }
        }
        // In a key=value string an unquoted value runs to white space, '&' and '#' included.
        Matcher plain = KEY_VALUE_PASSWORD.matcher(input);
        while (plain.find()) {
            addSpellings(found, plain.group(1));
            addSpellings(found, plain.group(1).replaceAll("\\\\(.)", "$1"));
        }
        // "postgresql://alice:SECRET/db" (the '@host' forgotten): a parser reads SECRET as the port and may
        // quote it as an invalid one.
        // A short one of letters and digits is more likely a mistyped port ("54a"), and is left readable.
        Matcher portless = URI_WITHOUT_USER_INFO.matcher(input);
        while (portless.find()) {
            String candidate = portless.group(1);
            if (candidate.length() >= 6 || !candidate.chars().allMatch(Character::isLetterOrDigit)) {
                addSpellings(found, candidate);
            }
        }
        found.removeIf(secret -> secret.length() < 3);
        return found;
    }

    private static void addSpellings(Set<String> found, String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        found.add(raw);
        if (raw.indexOf('%') >= 0) {
            found.add(percentDecoded(raw));
        }
    }

    /** %XX escapes decoded as UTF-8 bytes; a malformed escape is kept as written, so this never fails. */
    private static String percentDecoded(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            int hi = raw[i] == '%' && i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw[i + 2], 16) : -1;
            if (hi >= 0 && lo >= 0) {
                bytes.write((hi << 4) | lo);
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
