package dev.pgdesk.ui.theme;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.image.Image;

/** pgdesk's look: one light stylesheet every window and dialog uses, and the app icon. */
public final class Theme {
    private static final String STYLESHEET = "/dev/pgdesk/ui/pgdesk.css";

    private Theme() {}

    /** The stylesheet's URL, as scenes and dialog panes take it. */
    public static String stylesheet() {
        URL url = Objects.requireNonNull(Theme.class.getResource(STYLESHEET), "pgdesk.css is missing");
        return url.toExternalForm();
    }

    /** The app icon in the sizes window managers pick from. */
    public static List<Image> appIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            URL url = Theme.class.getResource("/dev/pgdesk/ui/icons/pgdesk-" + size + ".png");
            if (url != null) {
                icons.add(new Image(url.toExternalForm()));
            }
        }
        return icons;
    }

    /** Applies the theme to {@code scene}. */
    public static void apply(Scene scene) {
        scene.getStylesheets().add(stylesheet());
    }
}
