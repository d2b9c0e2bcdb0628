package dev.pgdesk.cli;

/**
 * How many terminal columns text takes, as psql counts them for its aligned tables: East Asian Wide and
 * Fullwidth characters (CJK ideographs, Hangul, kana, fullwidth forms, most emoji) take two, combining marks and
 * other zero-width characters none, everything else one. Java's {@code String.length()} counts UTF-16 units,
 * which puts a column of Japanese text out of line.
 */
final class DisplayWidth {
    /**
     * Ranges of code points that are Wide (W) or Fullwidth (F) in Unicode's EastAsianWidth.txt, as pairs of first
     * and last, in order. Unassigned code points of the CJK planes count as wide, as terminals draw them.
     */
    private static final int[] WIDE = {
        0x1100, 0x115F, // Hangul Jamo leading consonants
        0x231A, 0x231B,
        0x2329, 0x232A,
        0x23E9, 0x23EC,
        0x23F0, 0x23F0,
        0x23F3, 0x23F3,
        0x25FD, 0x25FE,
        0x2614, 0x2615,
        0x2648, 0x2653,
        0x267F, 0x267F,
        0x2693, 0x2693,
        0x26A1, 0x26A1,
        0x26AA, 0x26AB,
        0x26BD, 0x26BE,
        0x26C4, 0x26C5,
        0x26CE, 0x26CE,
        0x26D4, 0x26D4,
        0x26EA, 0x26EA,
        0x26F2, 0x26F3,
        0x26F5, 0x26F5,
        0x26FA, 0x26FA,
        0x26FD, 0x26FD,
        0x2705, 0x2705,
        0x270A, 0x270B,
        0x2728, 0x2728,
        0x274C, 0x274C,
        0x274E, 0x274E,
        0x2753, 0x2755,
        0x2757, 0x2757,
        0x2795, 0x2797,
        0x27B0, 0x27B0,
        0x27BF, 0x27BF,
        0x2B1B, 0x2B1C,
        0x2B50, 0x2B50,
        0x2B55, 0x2B55,
        0x2E80, 0x303E, // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041, 0x33FF, // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, ...
        0x3400, 0x4DBF, // CJK extension A
        0x4E00, 0x9FFF, // CJK unified ideographs
        0xA000, 0xA4CF, // Yi
        0xA960, 0xA97F, // Hangul Jamo extended A
        0xAC00, 0xD7A3, // Hangul syllables
        0xF900, 0xFAFF, // CJK compatibility ideographs
        0xFE10, 0xFE19, // vertical forms
        0xFE30, 0xFE6F, // CJK compatibility forms, small form variants
        0xFF00, 0xFF60, // fullwidth forms
        0xFFE0, 0xFFE6, // fullwidth signs
        0x16FE0, 0x16FE4,
        0x17000, 0x18CFF, // Tangut
        0x1AFF0, 0x1B2FF, // Kana supplement and extensions, Nushu
        0x1F004, 0x1F004,
        0x1F0CF, 0x1F0CF,
        0x1F18E, 0x1F18E,
        0x1F191, 0x1F19A,
        0x1F200, 0x1F2FF, // enclosed ideographic supplement
        0x1F300, 0x1F320, // emoji from here on
        0x1F32D, 0x1F335,
        0x1F337, 0x1F37C,
        0x1F37E, 0x1F393,
        0x1F3A0, 0x1F3CA,
        0x1F3CF, 0x1F3D3,
        0x1F3E0, 0x1F3F0,
        0x1F3F4, 0x1F3F4,
        0x1F3F8, 0x1F43E,
        0x1F440, 0x1F440,
        0x1F442, 0x1F4FC,
        0x1F4FF, 0x1F53D,
        0x1F54B, 0x1F54E,
        0x1F550, 0x1F567,
        0x1F57A, 0x1F57A,
        0x1F595, 0x1F596,
        0x1F5A4, 0x1F5A4,
        0x1F5FB, 0x1F64F,
        0x1F680, 0x1F6C5,
        0x1F6CC, 0x1F6CC,
        0x1F6D0, 0x1F6D2,
        0x1F6D5, 0x1F6D7,
        0x1F6DC, 0x1F6DF,
        0x1F6EB, 0x1F6EC,
        0x1F6F4, 0x1F6FC,
        0x1F7E0, 0x1F7EB,
        0x1F7F0, 0x1F7F0,
        0x1F90C, 0x1F93A,
        0x1F93C, 0x1F945,
        0x1F947, 0x1F9FF,
        0x1FA70, 0x1FAFF,
        0x20000, 0x2FFFD, // CJK extensions B to F, compatibility supplement
        0x30000, 0x3FFFD, // CJK extensions G and later
    };

    private DisplayWidth() {}

    /** The columns {@code text} takes on a terminal. */
    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += of(codePoint);
            i += Character.charCount(codePoint);
        }
        return width;
    }

    /** The columns one code point takes: 0, 1 or 2. */
    static int of(int codePoint) {
        if (codePoint < 0x300) {
            // Latin-1 and the rest below the combining marks: the common case, one column (soft hyphen too).
            return 1;
        }
        if (isZeroWidth(codePoint)) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    private static boolean isZeroWidth(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || (type == Character.FORMAT && codePoint != 0x00AD)
                // Hangul medial vowels and final consonants join the syllable before them.
                || (codePoint >= 0x1160 && codePoint <= 0x11FF)
                || codePoint == 0x200B;
    }

    private static boolean isWide(int codePoint) {
        int low = 0;
        int high = WIDE.length / 2 - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (codePoint < WIDE[2 * middle]) {
                high = middle - 1;
            } else if (codePoint > WIDE[2 * middle + 1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
