package dev.pgdesk.ui.theme;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** pgdesk's look: one light stylesheet every window and dialog uses, and the app icon. */
public final class Theme {
    private static final String STYLESHEET = "/dev/pgdesk/ui/pgdesk.css";
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    /** The decoded icons, once the first window has them; read and written on the FX thread only. */
    private static List<Image> decodedIcons;

    private Theme() {}

    /** The stylesheet's URL, as scenes and dialog panes take it. */
    public static String stylesheet() {
        URL url = Objects.requireNonNull(Theme.class.getResource(STYLESHEET), "pgdesk.css is missing");
        return url.toExternalForm();
    }

    /**
     * Gives {@code stage} the app icon in the sizes window managers pick from. The PNGs are decoded on JavaFX's
     * image-loading thread, not the FX thread, and the icons are set once all are decoded; later windows reuse them.
     */
    public static void installAppIcons(Stage stage) {
        if (decodedIcons != null) {
            stage.getIcons().setAll(decodedIcons);
            return;
        }
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            String name = "/dev/pgdesk/ui/icons/pgdesk-" + size + ".png";
            URL url = Objects.requireNonNull(Theme.class.getResource(name), name + " is missing from the build");
            icons.add(new Image(url.toExternalForm(), true));
        }
        Runnable setWhenDecoded = () -> {
            if (icons.stream().allMatch(icon -> icon.getProgress() >= 1)) {
                decodedIcons = icons.stream().filter(icon -> !icon.isError()).collect(Collectors.toList());
                stage.getIcons().setAll(decodedIcons);
            }
        };
        icons.forEach(icon -> icon.progressProperty().addListener((obs, old, progress) -> setWhenDecoded.run()));
        setWhenDecoded.run();
    }

    /**
     * A dialog window holding {@code root}, with pgdesk's stylesheet and icon, modal over {@code owner} when
     * there is one. The caller shows it.
     */
    public static Stage dialogStage(Window owner, String title, Parent root) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(title);
        installAppIcons(stage);
        Scene scene = new Scene(root);
        apply(scene);
        stage.setScene(scene);
        return stage;
    }

    /** Applies the theme to {@code scene}. */
    public static void apply(Scene scene) {
        scene.getStylesheets().add(stylesheet());
    }
}
