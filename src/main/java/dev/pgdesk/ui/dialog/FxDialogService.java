package dev.pgdesk.ui.dialog;

import dev.pgdesk.ui.theme.Theme;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts, owned by the main window so they stay on top of it. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        show(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmButton) {
        ButtonType yes = new ButtonType(confirmButton, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        prepare(alert, title);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> choices) {
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            ButtonBar.ButtonData data = i == 0 ? ButtonBar.ButtonData.YES : ButtonBar.ButtonData.OTHER;
            buttons.add(new ButtonType(choices.get(i), data));
        }
        buttons.add(ButtonType.CANCEL);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, buttons.toArray(ButtonType[]::new));
        prepare(alert, title);
        return alert.showAndWait().filter(button -> button != ButtonType.CANCEL).map(ButtonType::getText);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        File file = sqlChooser(title, null).showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        File file = sqlChooser(title, suggestedName).showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseExportFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("JSON, an array of objects (*.json)", "*.json"),
                        new FileChooser.ExtensionFilter("JSON Lines, one object per line (*.jsonl)", "*.jsonl"),
                        new FileChooser.ExtensionFilter("CSV with a header row (*.csv)", "*.csv"));
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        String extension = chooser.getSelectedExtensionFilter() == null
                ? ".json"
                : chooser.getSelectedExtensionFilter().getExtensions().get(0).substring(1);
        String name = file.getName();
        // Some platforms' dialogs return the name as typed, without the chosen filter's extension.
        return Optional.of(name.contains(".") ? file.toPath() : file.toPath().resolveSibling(name + extension));
    }

    private static FileChooser sqlChooser(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("SQL files (*.sql)", "*.sql"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
        if (suggestedName != null) {
            chooser.setInitialFileName(suggestedName);
        }
        return chooser;
    }

    @Override
    public Optional<String> askPassword(String title, String prompt) {
        Dialog<String> dialog = new Dialog<>();
        prepare(dialog, title);
        PasswordField field = new PasswordField();
        field.setId("askedPassword");
        VBox content = new VBox(8, new Label(prompt), field);
        content.getStyleClass().add("form");
        dialog.getDialogPane().setContent(content);
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == connect ? field.getText() : null);
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }

    private void show(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message, ButtonType.OK);
        prepare(alert, title);
        alert.showAndWait();
    }

    private void prepare(Dialog<?> dialog, String title) {
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setMinWidth(420);
        dialog.getDialogPane().getStyleClass().add("pgdesk-dialog");
        dialog.getDialogPane().getStylesheets().add(Theme.stylesheet());
        dialog.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
}
