package dev.pgdesk.ui.connect;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.connect.ProfileField;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.connect.check.CheckStep;
import dev.pgdesk.connect.check.Failure;
import dev.pgdesk.ui.theme.Theme;
import dev.pgdesk.ui.theme.Tooltips;
import java.io.File;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The connection dialog: import from a connection string, the profile's fields with their validation
 * messages right below them, a step-by-step connection test, and Save. All state lives in {@link
 * ConnectionDialogModel}; this class only builds controls and binds them.
 */
public final class ConnectionDialog {
    private final ConnectionDialogModel model;
    private final BorderPane root = new BorderPane();
    private final GridPane form = new GridPane();
    private int formRow;
    private Runnable onClose = () -> {};

    public ConnectionDialog(ConnectionDialogModel model) {
        this.model = model;
        root.getStyleClass().add("connection-dialog");
        root.setTop(importBox());
        root.setCenter(formAndTest());
        // The test results get a full-height column beside the form, so every step is seen without scrolling.
        root.setRight(testBox());
        root.setBottom(buttonBar());
        root.setPrefSize(1080, 760);
    }

    /** The dialog's content, for embedding (tests put it into their own stage). */
    public Parent content() {
        return root;
    }

    /**
     * Shows the dialog modal over {@code owner} and waits; the saved profile, or empty when the user
     * cancelled.
     */
    public Optional<ConnectionProfile> showAndWait(Window owner) {
        Stage stage = Theme.dialogStage(owner, model.isEditing() ? "Edit connection" : "New connection", root);
        onClose = stage::close;
        model.savedProfileProperty().addListener((obs, old, saved) -> stage.close());
        stage.setOnHidden(event -> model.cancelTest());
        stage.showAndWait();
        return Optional.ofNullable(model.savedProfileProperty().get());
    }

    /** Puts the keyboard focus into the import field (for "Import connection URI…"). */
    public void focusImport() {
        root.lookup("#importText").requestFocus();
    }

    // The import row

    private Node importBox() {
        TextField text = new TextField();
        text.setId("importText");
        text.setPromptText("postgresql://user@host:5432/database?sslmode=verify-full  or  host=… dbname=…");
        text.textProperty().bindBidirectional(model.importTextProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button button = new Button("Import");
        button.setId("importButton");
        button.setOnAction(event -> model.importConnectionString());
        text.setOnAction(event -> model.importConnectionString());

        Label message = new Label();
        message.setId("importMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.importMessageProperty());
        showOnlyWithText(message);
        model.importFailedProperty().addListener((obs, old, failed) -> toggleClass(message, "field-error", failed));
        toggleClass(message, "field-error", model.importFailedProperty().get());
        message.getStyleClass().add("hint");

        Label title = new Label("Import from URI");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title, new HBox(8, text, button), message);
        box.getStyleClass().add("import-box");
        return box;
    }

    // The form

    private Node formAndTest() {
        form.getStyleClass().add("form");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);

        section("Connection");
        addField("Name", textField("name", model.nameProperty(), "My database"), ProfileField.NAME);
        addField("Host", textField("host", model.hostProperty(), "localhost"), ProfileField.HOST);
        TextField portField = textField("port", model.portProperty(), "5432");
        portField.setPrefColumnCount(6);
        portField.setMaxWidth(120);
        addField("Port", portField, ProfileField.PORT);
        addField("Database", textField("database", model.databaseProperty(), "postgres"), ProfileField.DATABASE);

        section("Authentication");
        addField("User", textField("user", model.userProperty(), "postgres"), ProfileField.USER);
        PasswordField passwordField = new PasswordField();
        passwordField.setId("password");
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        if (model.isEditing()) {
            passwordField.setPromptText("unchanged");
        }
        addField("Password", passwordField, null);
        addField("Remember password", passwordStorageBox(), null);

        section("Security");
        addField("SSL mode", sslModeBox(), ProfileField.SSL_MODE);
        addField("Root certificate", pathField("rootCert", model.rootCertProperty()), ProfileField.SSL_ROOT_CERT);
        addField("Client certificate", pathField("clientCert", model.clientCertProperty()), ProfileField.SSL_CERT);
        addField("Client key", pathField("clientKey", model.clientKeyProperty()), ProfileField.SSL_KEY);
        PasswordField keyPassword = new PasswordField();
        keyPassword.setId("keyPassword");
        keyPassword.setPromptText(
                model.isEditing() ? "unchanged, or none if the key is not encrypted" : "only for an encrypted key");
        keyPassword.textProperty().bindBidirectional(model.keyPasswordProperty());
        addField("Key password", keyPassword, null);

        section("Options");
        TextField timeout = textField("connectTimeout", model.connectTimeoutProperty(), "10");
        timeout.setMaxWidth(120);
        addField("Connect timeout (s)", timeout, ProfileField.CONNECT_TIMEOUT);
        addField(
                "Application name",
                textField("applicationName", model.applicationNameProperty(), "pgdesk"),
                ProfileField.APPLICATION_NAME);
        TextField serverOptions = textField(
                "serverOptions", model.serverOptionsProperty(), "-c statement_timeout=5min -c search_path=app");
        Tooltips.installLazily(
                serverOptions,
                "libpq's options: settings the server applies to every session of this connection, as"
                        + " -c name=value. pgdesk's statement timeout never lengthens a statement_timeout set here.");
        addField("Server options", serverOptions, null);
        CheckBox readOnly = new CheckBox("Read-only (no changes to the database)");
        readOnly.setId("readOnly");
        readOnly.selectedProperty().bindBidirectional(model.readOnlyProperty());
        addField("", readOnly, null);

        VBox content = new VBox(16, form);
        content.getStyleClass().add("dialog-body");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private void section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        form.add(label, 0, formRow++, 2, 1);
    }

    private void addField(String label, Node field, ProfileField errorField) {
        Label name = new Label(label);
        name.getStyleClass().add("field-label");
        name.setLabelFor(field);
        VBox cell = new VBox(3, field);
        if (errorField != null) {
            Label error = new Label();
            error.setId(fieldId(errorField) + "Error");
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.textProperty().bind(model.errorProperty(errorField));
            showOnlyWithText(error);
            cell.getChildren().add(error);
            model.errorProperty(errorField)
                    .addListener((obs, old, message) -> toggleClass(field, "invalid", !message.isEmpty()));
            toggleClass(field, "invalid", !model.errorProperty(errorField).get().isEmpty());
        }
        GridPane.setValignment(name, VPos.TOP);
        form.add(name, 0, formRow);
        form.add(cell, 1, formRow++);
    }

    private static TextField textField(String id, StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private Node passwordStorageBox() {
        ComboBox<PasswordStorage> box = new ComboBox<>();
        box.setId("passwordStorage");
        box.getItems().setAll(PasswordStorage.values());
        box.valueProperty().bindBidirectional(model.passwordStorageProperty());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(PasswordStorage storage) {
                return storage == null ? "" : storageText(storage);
            }

            @Override
            public PasswordStorage fromString(String text) {
                return null;
            }
        });
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PasswordStorage storage, boolean empty) {
                super.updateItem(storage, empty);
                setText(empty || storage == null ? null : storageText(storage));
                setDisable(storage == PasswordStorage.KEYRING && !model.keyringAvailable());
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        Label help = new Label();
        help.setId("passwordStorageHelp");
        help.getStyleClass().add("hint");
        help.setWrapText(true);
        if (!model.keyringAvailable()) {
            help.setText("System keyring not available (" + model.keyringDescription() + ").");
        }
        showOnlyWithText(help);
        return new VBox(3, box, help);
    }

    private static String storageText(PasswordStorage storage) {
        return switch (storage) {
            case KEYRING -> "In the system keyring";
            case ASK_EVERY_TIME -> "Ask every time";
            case PGPASS_FILE -> "In ~/.pgpass (plain-text file, owner-only)";
        };
    }

    private Node sslModeBox() {
        ComboBox<SslMode> box = new ComboBox<>();
        box.setId("sslMode");
        box.getItems().setAll(SslMode.values());
        box.valueProperty().bindBidirectional(model.sslModeProperty());
        Label help = new Label();
        help.setId("sslModeHelp");
        help.getStyleClass().add("hint");
        help.setWrapText(true);
        help.textProperty().bind(model.sslModeHelpProperty());
        return new VBox(4, box, help);
    }

    private Node pathField(String id, StringProperty property) {
        TextField field = textField(id, property, "none");
        HBox.setHgrow(field, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setId(id + "Browse");
        browse.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a file");
            File current = property.get().isBlank() ? null : new File(property.get()).getParentFile();
            if (current != null && current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File chosen = chooser.showOpenDialog(root.getScene().getWindow());
            if (chosen != null) {
                property.set(chosen.getAbsolutePath());
            }
        });
        Button clear = new Button("✕");
        clear.setId(id + "Clear");
        clear.setTooltip(new Tooltip("Clear"));
        clear.getStyleClass().add("icon-button");
        clear.disableProperty()
                .bind(Bindings.createBooleanBinding(() -> property.get().isBlank(), property));
        clear.setOnAction(event -> property.set(""));
        HBox box = new HBox(6, field, browse, clear);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    // The connection test

    /** The results of a connection test: each step, and the failure in plain words. */
    private Node testBox() {
        ListView<CheckStep> steps = new ListView<>(model.testSteps());
        steps.setId("testSteps");
        steps.getStyleClass().add("test-steps");
        steps.setCellFactory(list -> new CheckStepCell());
        steps.setFocusTraversable(false);
        steps.setMinHeight(140);
        VBox.setVgrow(steps, Priority.ALWAYS);
        Label placeholder = new Label("Test Connection checks each step in turn: host name, TCP connection, TLS and"
                + " certificate, login, and the server itself. Nothing is saved by a test.");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("hint");
        steps.setPlaceholder(placeholder);

        VBox failure = failureBox();
        Label title = new Label("Connection test");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(8, title, steps, failure);
        box.getStyleClass().add("test-box");
        box.setPrefWidth(420);
        box.setMinWidth(360);
        return box;
    }

    /** Test Connection with its progress, kept at the bottom so it is always in reach. */
    private Node testControls() {
        Button test = new Button("Test Connection");
        test.setId("testConnection");
        test.disableProperty().bind(model.testingProperty());
        test.setOnAction(event -> model.testConnection());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("testProgress");
        progress.setPrefSize(20, 20);
        progress.setMaxSize(20, 20);
        progress.visibleProperty().bind(model.testingProperty());
        progress.managedProperty().bind(model.testingProperty());
        Button cancel = new Button("Cancel test");
        cancel.setId("cancelTest");
        cancel.visibleProperty().bind(model.testingProperty());
        cancel.managedProperty().bind(model.testingProperty());
        cancel.setOnAction(event -> model.cancelTest());
        Label result = new Label();
        result.setId("testResult");
        result.getStyleClass().add("test-success");
        result.textProperty().bind(model.testResultProperty());
        result.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(10, test, progress, cancel, result);
        controls.setAlignment(Pos.CENTER_LEFT);
        return controls;
    }

    private VBox failureBox() {
        Label title = new Label();
        title.setId("testFailureTitle");
        title.getStyleClass().add("failure-title");
        Label explanation = new Label();
        explanation.setId("testFailureExplanation");
        explanation.setWrapText(true);
        Label remedy = new Label();
        remedy.setId("testFailureRemedy");
        remedy.setWrapText(true);
        remedy.getStyleClass().add("failure-remedy");
        VBox box = new VBox(4, title, explanation, remedy);
        box.setId("testFailure");
        box.getStyleClass().add("failure-box");
        model.testFailureProperty().addListener((obs, old, failure) -> showFailure(box, title, explanation, remedy));
        showFailure(box, title, explanation, remedy);
        return box;
    }

    private void showFailure(VBox box, Label title, Label explanation, Label remedy) {
        Failure failure = model.testFailureProperty().get();
        box.setVisible(failure != null);
        box.setManaged(failure != null);
        title.setText(failure == null ? "" : failure.title());
        explanation.setText(failure == null ? "" : failure.explanation());
        remedy.setText(failure == null ? "" : failure.remedy());
    }

    // The buttons

    private Node buttonBar() {
        Label error = new Label();
        error.setId("saveError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(model.saveErrorProperty());
        showOnlyWithText(error);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> {
            model.cancelTest();
            onClose.run();
        });
        Button save = new Button("Save");
        save.setId("save");
        save.setDefaultButton(true);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.saveDisabled());
        save.setOnAction(event -> model.save());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, testControls(), spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, error, buttons);
        bar.getStyleClass().add("button-bar");
        return bar;
    }

    // Helpers

    static String fieldId(ProfileField field) {
        return switch (field) {
            case NAME -> "name";
            case HOST -> "host";
            case PORT -> "port";
            case DATABASE -> "database";
            case USER -> "user";
            case SSL_MODE -> "sslMode";
            case SSL_ROOT_CERT -> "rootCert";
            case SSL_CERT -> "clientCert";
            case SSL_KEY -> "clientKey";
            case CONNECT_TIMEOUT -> "connectTimeout";
            case APPLICATION_NAME -> "applicationName";
        };
    }

    private static void showOnlyWithText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.textProperty().isNotEmpty());
    }

    private static void toggleClass(Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
