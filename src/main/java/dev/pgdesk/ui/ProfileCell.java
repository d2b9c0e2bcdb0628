package dev.pgdesk.ui;

import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A sidebar row: a connected marker, the profile's name and {@code user@host:port/db} below it. */
final class ProfileCell extends ListCell<ProfileItem> {
    private final Predicate<String> connected;

    ProfileCell(Predicate<String> connected) {
        this.connected = connected;
    }

    @Override
    protected void updateItem(ProfileItem item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        boolean isConnected = connected.test(item.id());
        Label marker = new Label("●");
        marker.getStyleClass().add(isConnected ? "marker-connected" : "marker-idle");
        marker.setMinWidth(14);
        Label name = new Label(item.name());
        name.getStyleClass().add("profile-name");
        Label target = new Label(item.profile().displayTarget());
        target.getStyleClass().add("profile-target");
        name.setMinWidth(0);
        target.setMinWidth(0);
        VBox text = new VBox(1, name, target);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, marker, text);
        row.setAlignment(Pos.CENTER_LEFT);
        if (item.sample()) {
            Label tag = new Label("sample");
            tag.getStyleClass().add("tag");
            tag.setMinWidth(Region.USE_PREF_SIZE);
            row.getChildren().add(tag);
        }
        setGraphic(row);
    }
}
