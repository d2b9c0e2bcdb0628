package dev.pgdesk.ui.schema;

import dev.pgdesk.schema.ObjectKind;
import dev.pgdesk.schema.SchemaObject;
import dev.pgdesk.ui.schema.NavigatorNode.Kind;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;

/** One row of the navigator: a kind badge, the name (with counts), a PK tag for key columns, the detail. */
final class NavigatorCell extends TreeCell<NavigatorNode> {
    private final Label badge = new Label();
    private final Label name = new Label();
    private final Label primaryKey = new Label("PK");
    private final Label detail = new Label();
    private final HBox graphic = new HBox(5, badge, name, primaryKey, detail);

    /** {@code openData} gets the object of a double-clicked table or view. */
    NavigatorCell(Consumer<SchemaObject> openData) {
        getStyleClass().add("navigator-cell");
        badge.getStyleClass().add("nav-badge");
        badge.setMinWidth(16);
        badge.setAlignment(Pos.CENTER);
        name.getStyleClass().add("nav-name");
        primaryKey.getStyleClass().add("nav-pk");
        primaryKey.setTooltip(new Tooltip("Part of the primary key"));
        detail.getStyleClass().add("nav-detail");
        graphic.setAlignment(Pos.CENTER_LEFT);
        // Like DataGrip: a double-click on a table opens its data rather than folding it.
        addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            NavigatorNode node = getItem();
            if (event.getButton() == MouseButton.PRIMARY
                    && event.getClickCount() == 2
                    && node != null
                    && node.object().map(o -> o.kind().hasColumns()).orElse(false)) {
                event.consume();
                openData.accept(node.object().get());
            }
        });
    }

    @Override
    protected void updateItem(NavigatorNode node, boolean empty) {
        super.updateItem(node, empty);
        name.textProperty().unbind();
        if (empty || node == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        setText(null);
        name.textProperty().bind(node.labelProperty());
        name.getStyleClass().removeAll("nav-loading", "nav-error");
        if (node.kind() == Kind.LOADING) {
            name.getStyleClass().add("nav-loading");
        } else if (node.kind() == Kind.ERROR) {
            name.getStyleClass().add("nav-error");
        }
        badge.getStyleClass().removeIf(style -> style.startsWith("nav-badge-"));
        String letter = badgeLetter(node);
        badge.setText(letter);
        boolean folder = node.kind() == Kind.FOLDER || node.kind() == Kind.GROUP;
        badge.setVisible(folder || !letter.isEmpty());
        badge.setManaged(folder || !letter.isEmpty());
        badge.getStyleClass().add("nav-badge-" + badgeStyle(node));
        primaryKey.setVisible(node.primaryKey());
        primaryKey.setManaged(node.primaryKey());
        detail.setText(node.detail());
        detail.setVisible(!node.detail().isEmpty());
        detail.setManaged(!node.detail().isEmpty());
        setGraphic(graphic);
        setTooltip(tooltip(node));
    }

    private static Tooltip tooltip(NavigatorNode node) {
        if (node.kind() == Kind.ERROR) {
            return new Tooltip(node.label());
        }
        return node.object()
                .filter(object -> !object.comment().isEmpty())
                .map(object -> new Tooltip(object.comment()))
                .orElse(null);
    }

    private static String badgeStyle(NavigatorNode node) {
        return node.object()
                .map(object -> object.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse(node.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static String badgeLetter(NavigatorNode node) {
        if (node.object().isPresent()) {
            return objectLetter(node.object().get().kind());
        }
        return switch (node.kind()) {
            case SCHEMA -> "▦";
            case FOLDER, GROUP -> ""; // drawn by the stylesheet as a folder
            case COLUMN -> "▪";
            case INDEX -> "⇅";
            case CONSTRAINT -> "✓";
            case TRIGGER -> "⚡";
            case TYPE_PART -> "·";
            case ERROR -> "!";
            default -> "";
        };
    }

    private static String objectLetter(ObjectKind kind) {
        return switch (kind) {
            case TABLE -> "T";
            case VIEW -> "V";
            case MATERIALIZED_VIEW -> "M";
            case FOREIGN_TABLE -> "F";
            case SEQUENCE -> "S";
            case FUNCTION -> "ƒ";
            case PROCEDURE -> "P";
            case ENUM_TYPE -> "E";
            case COMPOSITE_TYPE -> "C";
            case DOMAIN -> "D";
            case INDEX -> "I";
            case TRIGGER -> "⚡";
        };
    }
}
