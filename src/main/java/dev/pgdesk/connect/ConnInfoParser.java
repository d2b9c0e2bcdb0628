package dev.pgdesk.connect;

import dev.pgdesk.config.Redaction;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses libpq connection URIs and key=value strings by libpq's rules. Error messages are libpq's own
 * wording, so that users can search for them. Besides the syntax, the values pgdesk itself uses ({@code
 * port}, {@code connect_timeout}, {@code sslmode}) are checked here, as libpq checks them when connecting,
 * so that a bad value is reported before anything else happens.
 */
public final class ConnInfoParser {
    private static final String[] URI_PREFIXES = {"postgresql://", "postgres://"};

    private ConnInfoParser() {}

    /** True when {@code text} starts with a scheme libpq treats as a connection URI. */
    public static boolean isUri(String text) {
        for (String prefix : URI_PREFIXES) {
            if (text.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Parses a {@code postgresql://} / {@code postgres://} URI or a {@code key=value} string. */
    public static ConnInfo parse(String text) throws ConnInfoException {
        if (text == null) {
            throw new ConnInfoException("no connection string given");
        }
        try {
            Map<String, String> parameters = isUri(text) ? parseUri(text) : parseKeyValue(text);
            checkValues(parameters);
            return new ConnInfo(parameters);
        } catch (ConnInfoException e) {
            // libpq's messages quote the text they choke on, which may be (part of) a password.
            throw new ConnInfoException(Redaction.redact(e.getMessage(), text));
        }
    }

    // ---- key=value ----------------------------------------------------------------------------

    private static Map<String, String> parseKeyValue(String text) throws ConnInfoException {
        Map<String, String> parameters = new LinkedHashMap<>();
        int length = text.length();
        int i = 0;
        while (true) {
            i = skipWhitespace(text, i);
            if (i >= length) {
                return parameters;
            }
            int nameStart = i;
            while (i < length && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            i = skipWhitespace(text, i);
            if (i >= length || text.charAt(i) != '=') {
                throw new ConnInfoException("missing \"=\" after \"" + name + "\" in connection info string");
            }
            i = skipWhitespace(text, i + 1);
            StringBuilder value = new StringBuilder();
            if (i < length && text.charAt(i) == '\'') {
                i++;
                while (true) {
                    if (i >= length) {
                        throw new ConnInfoException("unterminated quoted string in connection info string");
                    }
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < length) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
            } else {
                // Unquoted values end at whitespace; a backslash still escapes the next character.
                while (i < length && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < length) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
            }
            if (!LibpqKeywords.isKnown(name)) {
                throw new ConnInfoException("invalid connection option \"" + name + "\"");
            }
            parameters.put(name, value.toString());
        }
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    // ---- URI ----------------------------------------------------------------------------------

    private static Map<String, String> parseUri(String uri) throws ConnInfoException {
        Map<String, String> parameters = new LinkedHashMap<>();
        String prefix = uri.startsWith(URI_PREFIXES[0]) ? URI_PREFIXES[0] : URI_PREFIXES[1];
        int start = prefix.length();
        int length = uri.length();
        int p = start;

        // A userspec is present when an '@' comes before the first '/'.
        while (p < length && uri.charAt(p) != '@' && uri.charAt(p) != '/') {
            p++;
        }
        if (p < length && uri.charAt(p) == '@') {
            int at = p;
            int userEnd = start;
            while (uri.charAt(userEnd) != ':' && uri.charAt(userEnd) != '@') {
                userEnd++;
            }
            String user = uri.substring(start, userEnd);
            if (!user.isEmpty()) {
                parameters.put("user", decode(user));
            }
            if (uri.charAt(userEnd) == ':') {
                String password = uri.substring(userEnd + 1, at);
                if (!password.isEmpty()) {
                    parameters.put("password", decode(password));
                }
            }
            p = at + 1;
        } else {
            p = start;
        }

        StringBuilder hosts = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        char terminator;
        while (true) {
            String host;
            if (p < length && uri.charAt(p) == '[') {
                int hostStart = ++p;
                while (p < length && uri.charAt(p) != ']') {
                    p++;
                }
                if (p >= length) {
                    throw new ConnInfoException("end of string reached when looking for matching \"]\" in IPv6"
                            + " host address in URI: \"" + uri + "\"");
                }
                if (p == hostStart) {
                    throw new ConnInfoException("IPv6 host address may not be empty in URI: \"" + uri + "\"");
                }
                host = uri.substring(hostStart, p);
                p++;
                if (p < length && ":/?,".indexOf(uri.charAt(p)) < 0) {
                    throw new ConnInfoException("unexpected character \"" + uri.charAt(p) + "\" at position " + (p + 1)
                            + " in URI (expected \":\" or \"/\"): \"" + uri + "\"");
                }
            } else {
                int hostStart = p;
                while (p < length && ":/?,".indexOf(uri.charAt(p)) < 0) {
                    p++;
                }
                host = uri.substring(hostStart, p);
            }
            hosts.append(host);
            terminator = p < length ? uri.charAt(p) : '\0';
            if (terminator == ':') {
                int portStart = ++p;
                while (p < length && "/?,".indexOf(uri.charAt(p)) < 0) {
                    p++;
                }
                ports.append(uri, portStart, p);
                terminator = p < length ? uri.charAt(p) : '\0';
            }
            if (terminator != ',') {
                break;
            }
            p++;
            hosts.append(',');
            ports.append(',');
        }
        if (hosts.length() > 0) {
            parameters.put("host", decode(hosts.toString()));
        }
        if (ports.length() > 0) {
            parameters.put("port", decode(ports.toString()));
        }

        if (terminator == '/') {
            int dbStart = ++p;
            while (p < length && uri.charAt(p) != '?') {
                p++;
            }
            String dbname = uri.substring(dbStart, p);
            // An empty dbname is left unset, so that PGDATABASE and the default still apply.
            if (!dbname.isEmpty()) {
                parameters.put("dbname", decode(dbname));
            }
            terminator = p < length ? '?' : '\0';
        }
        if (terminator == '?') {
            parseQuery(uri.substring(p + 1), parameters);
        }
        return parameters;
    }

    private static void parseQuery(String query, Map<String, String> parameters) throws ConnInfoException {
        int p = 0;
        int length = query.length();
        while (p < length) {
            int end = query.indexOf('&', p);
            if (end < 0) {
                end = length;
            }
            String pair = query.substring(p, end);
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new ConnInfoException(
                        "missing key/value separator \"=\" in URI query parameter: \"" + pair + "\"");
            }
            if (pair.indexOf('=', equals + 1) >= 0) {
                throw new ConnInfoException("extra key/value separator \"=\" in URI query parameter: \""
                        + pair.substring(0, equals) + "\"");
            }
            String keyword = decode(pair.substring(0, equals));
            String value = decode(pair.substring(equals + 1));
            // libpq's concession to JDBC URLs.
            if (keyword.equals("ssl") && value.equals("true")) {
                keyword = "sslmode";
                value = "require";
            }
            if (!LibpqKeywords.isKnown(keyword)) {
                throw new ConnInfoException("invalid URI query parameter: \"" + keyword + "\"");
            }
            parameters.put(keyword, value);
            p = end + 1;
        }
    }

    /** Decodes %XX escapes into bytes and reads the result as UTF-8, rejecting bad escapes as libpq does. */
    private static String decode(String text) throws ConnInfoException {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            int hi = i + 1 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int lo = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new ConnInfoException("invalid percent-encoded token: \"" + text + "\"");
            }
            int value = (hi << 4) | lo;
            if (value == 0) {
                throw new ConnInfoException("forbidden value %00 in percent-encoded value: \"" + text + "\"");
            }
            bytes.write(value);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConnInfoException("percent-encoded value is not valid UTF-8: \"" + text + "\"");
        }
    }

    // ---- values pgdesk uses ---------------------------------------------------------------------

    private static void checkValues(Map<String, String> parameters) throws ConnInfoException {
        String ports = parameters.get("port");
        if (ports != null) {
            for (String port : ports.split(",", -1)) {
                if (!port.isEmpty() && !isValidPort(port)) {
                    throw new ConnInfoException("invalid port number: \"" + port + "\"");
                }
            }
        }
        String timeout = parameters.get("connect_timeout");
        if (timeout != null && !timeout.isEmpty() && parseInteger(timeout) == null) {
            throw new ConnInfoException(
                    "invalid integer value \"" + timeout + "\" for connection option \"connect_timeout\"");
        }
        String sslmode = parameters.get("sslmode");
        if (sslmode != null
                && !sslmode.isEmpty()
                && SslMode.fromLibpqName(sslmode).isEmpty()) {
            throw new ConnInfoException("invalid sslmode value: \"" + sslmode + "\"");
        }
    }

    /** A port as libpq accepts it: digits only, 1 to 65535. */
    static boolean isValidPort(String port) {
        Integer value = parseInteger(port);
        return value != null && port.chars().allMatch(Character::isDigit) && value >= 1 && value <= 65535;
    }

    /** An integer with optional surrounding whitespace, as libpq's parse_int_param reads it; null if not one. */
    static Integer parseInteger(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
