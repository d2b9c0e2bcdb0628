package dev.pgdesk.ui.theme;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Scene;

/** pgdesk's light theme: one stylesheet every window and dialog uses. */
public final class Theme {
    private static final String STYLESHEET = "/dev/pgdesk/ui/pgdesk.css";

    private Theme() {}

    /** The stylesheet's URL, as scenes and dialog panes take it. */
    public static String stylesheet() {
        URL url = Objects.requireNonNull(Theme.class.getResource(STYLESHEET), "pgdesk.css is missing");
        return url.toExternalForm();
    }

    /** Applies the theme to {@code scene}. */
    public static void apply(Scene scene) {
        scene.getStylesheets().add(stylesheet());
    }
}
