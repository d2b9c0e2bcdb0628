package dev.pgdesk.sql;

import java.util.Random;

/** Generates SQL-like text for property tests: fragments that stress the lexer, mixed with random characters. */
final class RandomSql {
    private static final String[] FRAGMENTS = {
        "SELECT",
        " ",
        " ",
        "\n",
        "\t",
        "\r\n",
        "'",
        "''",
        "\"",
        "\"\"",
        "$",
        "$$",
        "$1",
        "$2",
        "$a$",
        "$fn$",
        "$_x1$",
        "a$1",
        ":",
        "::",
        ":name",
        ":=",
        ";",
        ";",
        "--",
        "/*",
        "*/",
        "\\",
        "\\d ",
        "\n\\x\n",
        "E'",
        "e'\\''",
        "U&'",
        "U&\"",
        "B'",
        "X'",
        "N'",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC ",
        "BEGIN",
        "ATOMIC",
        "CASE",
        "END",
        "WHEN",
        "THEN",
        "?",
        "?|",
        "?&",
        "->>",
        "#>>",
        "@>",
        "<@",
        "||",
        "=-",
        "+-",
        "@-",
        "*",
        "/",
        "-",
        "+",
        ".",
        "..",
        ".5",
        "1e",
        "1e-3",
        "0x1F",
        "0b1_0",
        "1_",
        "42",
        "(",
        ")",
        "[",
        "]",
        ",",
        "x",
        "users",
        "id",
        "=",
        "<>",
        "!=",
        "~~*",
        "é",
        "😀",
        "\uD83D",
        "\uDE00",
        "\u0000",
        "{",
        "}",
        "`",
        "%",
        "^",
        "&",
        "|",
        "#",
        "@",
        "!",
        "~",
        "<",
        ">",
        "FROM t WHERE id = ",
        "'it''s'",
        "E'a\\'b'",
        "$$ ; $$",
        "$t$ $$ ; $t$",
        "/* /* */ */",
        "-- c\n",
        "\"q;\"",
        "COMMIT",
        "END;"
    };

    private final Random random;

    RandomSql(long seed) {
        this.random = new Random(seed);
    }

    /** A random input: mostly fragments, sometimes pure random characters. */
    String next() {
        int pieces = random.nextInt(24);
        StringBuilder text = new StringBuilder();
        boolean pureNoise = random.nextInt(10) == 0;
        for (int i = 0; i < pieces; i++) {
            if (pureNoise || random.nextInt(5) == 0) {
                text.append(randomChar());
            } else {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
        }
        return text.toString();
    }

    private char randomChar() {
        return switch (random.nextInt(4)) {
            case 0 -> (char) random.nextInt(0x80);
            case 1 -> (char) (0x20 + random.nextInt(0x5F));
            case 2 -> (char) (0xD800 + random.nextInt(0x800)); // lone or paired surrogate halves
            default -> (char) random.nextInt(0x10000);
        };
    }
}
