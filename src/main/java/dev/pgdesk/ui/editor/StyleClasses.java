package dev.pgdesk.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * Adds or removes one extra style class on a range of a code area while keeping the classes already there,
 * so marks such as the error position and matching brackets sit on top of syntax highlighting.
 */
final class StyleClasses {
    private StyleClasses() {}

    static void add(CodeArea area, int start, int end, String styleClass) {
        restyle(area, start, end, styles -> with(styles, styleClass));
    }

    static void remove(CodeArea area, int start, int end, String styleClass) {
        restyle(area, start, end, styles -> without(styles, styleClass));
    }

    private static void restyle(CodeArea area, int start, int end, UnaryOperator<Collection<String>> change) {
        int from = Math.max(0, Math.min(start, area.getLength()));
        int to = Math.max(from, Math.min(end, area.getLength()));
        if (from == to) {
            return;
        }
        StyleSpans<Collection<String>> current = area.getStyleSpans(from, to);
        area.setStyleSpans(from, current.mapStyles(change));
    }

    private static Collection<String> with(Collection<String> styles, String styleClass) {
        if (styles.contains(styleClass)) {
            return styles;
        }
        List<String> result = new ArrayList<>(styles.size() + 1);
        result.addAll(styles);
        result.add(styleClass);
        return result;
    }

    private static Collection<String> without(Collection<String> styles, String styleClass) {
        if (!styles.contains(styleClass)) {
            return styles;
        }
        List<String> result = new ArrayList<>(styles);
        result.remove(styleClass);
        return result;
    }
}
