package dev.pgdesk.ui.connect;

import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ConnInfoParser;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.Credentials;
import dev.pgdesk.connect.FieldError;
import dev.pgdesk.connect.ImportedProfile;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ProfileField;
import dev.pgdesk.connect.ProfileImport;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.connect.ProfileValidator;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.connect.check.CheckStep;
import dev.pgdesk.connect.check.ConnectionReport;
import dev.pgdesk.connect.check.ConnectionTester;
import dev.pgdesk.connect.check.Failure;
import dev.pgdesk.connect.check.StepStatus;
import dev.pgdesk.connect.secret.PasswordService;
import dev.pgdesk.connect.secret.SecretStoreException;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import dev.pgdesk.task.TaskRunner;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the connection dialog: the fields as text, their validation messages, the import from a
 * connection string, a running connection test and saving. Holds no controls.
 */
public final class ConnectionDialogModel {

    /** What the dialog needs from the rest of the app. */
    public record Context(
            ProfileStore store,
            List<ConnectionProfile> savedProfiles,
            PasswordService passwords,
            TaskRunner tasks,
            ConnectionTester tester,
            PgEnvironment environment) {

        public Context {
            savedProfiles = List.copyOf(savedProfiles);
        }
    }

    private final Context context;
    private final String profileId;
    private final boolean editing;

    // Properties: the form
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty keyPassword = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final ObjectProperty<PasswordStorage> passwordStorage = new SimpleObjectProperty<>();
    private final ObjectProperty<SslMode> sslMode = new SimpleObjectProperty<>();
    private final StringProperty rootCert = new SimpleStringProperty("");
    private final StringProperty clientCert = new SimpleStringProperty("");
    private final StringProperty clientKey = new SimpleStringProperty("");
    private final StringProperty connectTimeout = new SimpleStringProperty("");
    private final StringProperty applicationName = new SimpleStringProperty("");
    private final StringProperty serverOptions = new SimpleStringProperty("");
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper sslModeHelp = new ReadOnlyStringWrapper("");
    private final Map<ProfileField, ReadOnlyStringWrapper> errors = new EnumMap<>(ProfileField.class);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();

    // Properties: import
    private final StringProperty importText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper importMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importFailed = new ReadOnlyBooleanWrapper();

    // Properties: connection test
    private final ObservableList<CheckStep> testSteps = FXCollections.observableArrayList();
    private final ObservableList<CheckStep> testStepsView = FXCollections.unmodifiableObservableList(testSteps);
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Failure> testFailure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private CancellationToken runningTest;
    private long testGeneration;

    // Properties: saving
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConnectionProfile> savedProfile = new ReadOnlyObjectWrapper<>();

    /** A model for a new profile with libpq's defaults. */
    public static ConnectionDialogModel forNewProfile(Context context) {
        ConnectionProfile defaults = ConnectionProfile.builder()
                .passwordStorage(
                        context.passwords().keyringAvailable()
                                ? PasswordStorage.KEYRING
                                : PasswordStorage.ASK_EVERY_TIME)
                .build();
        return new ConnectionDialogModel(context, defaults, false);
    }

    /** A model that edits {@code profile}; its stored password stays unless a new one is typed. */
    public static ConnectionDialogModel forExistingProfile(Context context, ConnectionProfile profile) {
        return new ConnectionDialogModel(context, profile, true);
    }

    private ConnectionDialogModel(Context context, ConnectionProfile initial, boolean editing) {
        this.context = context;
        this.profileId = initial.id();
        this.editing = editing;
        for (ProfileField field : ProfileField.values()) {
            errors.put(field, new ReadOnlyStringWrapper(""));
        }
        fill(initial);
        sslModeHelp.bind(Bindings.createStringBinding(
                () -> sslMode.get() == null ? "" : sslMode.get().protection(), sslMode));
        Observable[] inputs = {
            name, host, port, database, user, sslMode, rootCert, clientCert, clientKey, connectTimeout, applicationName
        };
        for (Observable input : inputs) {
            input.addListener(changed -> validate());
        }
        validate();
    }

    // Commands

    /** Fills the fields from {@link #importTextProperty()}; a malformed string changes nothing. */
    public void importConnectionString() {
        String text = importText.get() == null ? "" : importText.get().trim();
        if (text.isEmpty()) {
            importFailed.set(true);
            importMessage.set("Paste a postgresql:// URI or a key=value connection string first.");
            return;
        }
        ImportedProfile imported;
        try {
            imported = ProfileImport.fromConnInfo(ConnInfoParser.parse(text), context.environment());
        } catch (ConnInfoException e) {
            importFailed.set(true);
            importMessage.set(e.getMessage());
            return;
        }
        String keptName = name.get();
        PasswordStorage keptStorage = passwordStorage.get();
        fill(imported.profile());
        // A name the user typed wins over the one derived from the string.
        if (keptName != null && !keptName.isBlank()) {
            name.set(keptName);
        }
        passwordStorage.set(keptStorage);
        imported.password().ifPresent(password::set);
        importFailed.set(false);
        importMessage.set(
                imported.ignored().isEmpty()
                        ? "Imported."
                        : "Imported. Not taken over: " + String.join("; ", imported.ignored()));
    }

    /** Tests the profile as it is in the form, step by step; results arrive on the FX thread. */
    public void testConnection() {
        if (testing.get()) {
            return;
        }
        ConnectionProfile profile = currentProfile();
        String typedPassword = password.get();
        String typedKeyPassword = keyPassword.get();
        testSteps.clear();
        testFailure.set(null);
        testResult.set("");
        testing.set(true);
        // Results of a test that was cancelled or replaced must not overwrite what the user sees now.
        long generation = ++testGeneration;
        Consumer<CheckStep> progress = step -> Platform.runLater(() -> {
            if (generation == testGeneration) {
                showStep(step);
            }
        });
        runningTest = context.tasks()
                .run(
                        cancel -> context.tester()
                                .test(
                                        profile,
                                        new Credentials(
                                                passwordForConnecting(profile, typedPassword),
                                                keyPasswordForConnecting(profile, typedKeyPassword)),
                                        progress,
                                        cancel),
                        report -> {
                            if (generation == testGeneration) {
                                showReport(report);
                            }
                        },
                        error -> {
                            if (generation == testGeneration) {
                                showTestError(error);
                            }
                        });
    }

    /** Stops a running test at once; the steps still running are marked as skipped. */
    public void cancelTest() {
        if (!testing.get()) {
            return;
        }
        testGeneration++;
        runningTest.cancel();
        testing.set(false);
        testSteps.replaceAll(step -> step.status() == StepStatus.RUNNING
                ? new CheckStep(step.kind(), StepStatus.SKIPPED, "cancelled", "", step.elapsed())
                : step);
        testResult.set("Cancelled.");
    }

    /**
     * Saves every profile with this one added or replaced, and the secrets where the user chose, off the FX
     * thread (the keyring may take a while to answer). Success sets {@link #savedProfileProperty()}; on
     * failure the form keeps its content and {@link #saveErrorProperty()} says why.
     */
    public void save() {
        validate();
        if (!valid.get()) {
            saveError.set("Fix the fields marked in red first.");
            return;
        }
        if (saving.get()) {
            return;
        }
        ConnectionProfile profile = currentProfile();
        List<ConnectionProfile> all = new ArrayList<>();
        for (ConnectionProfile saved : context.savedProfiles()) {
            all.add(saved.id().equals(profile.id()) ? profile : saved);
        }
        if (all.stream().noneMatch(saved -> saved.id().equals(profile.id()))) {
            all.add(profile);
        }
        String typed = password.get();
        String typedKey = keyPassword.get();
        saving.set(true);
        saveError.set("");
        context.tasks()
                .run(
                        cancel -> {
                            persist(profile, all, typed, typedKey);
                            return profile;
                        },
                        saved -> {
                            saving.set(false);
                            savedProfile.set(saved);
                        },
                        error -> {
                            saving.set(false);
                            saveError.set(
                                    error instanceof SecretStoreException
                                            ? "Could not store the password: " + describe(error)
                                            : "Could not save: " + describeFileProblem(error));
                        });
    }

    private void persist(ConnectionProfile profile, List<ConnectionProfile> all, String typed, String typedKey)
            throws IOException, SecretStoreException {
        // A file pgdesk will not write (from a newer version, unreadable) must refuse before the keyring changes.
        context.store().requireWritable();
        if (typed != null && !typed.isEmpty()) {
            context.passwords().save(profile, typed);
        } else if (profile.passwordStorage() == PasswordStorage.ASK_EVERY_TIME) {
            context.passwords().save(profile, "");
        }
        // An empty field keeps a stored key password; a storage without the keyring forgets it.
        if ((typedKey != null && !typedKey.isEmpty()) || profile.passwordStorage() != PasswordStorage.KEYRING) {
            context.passwords().saveKeyPassword(profile, typedKey);
        }
        context.store().save(all);
    }

    /** The profile as the form describes it (fields that do not parse count as 0). */
    public ConnectionProfile currentProfile() {
        return ConnectionProfile.builder()
                .id(profileId)
                .name(trimmed(name))
                .host(trimmed(host))
                .port(parseOrZero(port.get()))
                .database(trimmed(database))
                .user(trimmed(user))
                .sslMode(sslMode.get())
                .sslRootCert(pathOrNull(rootCert.get()))
                .sslCert(pathOrNull(clientCert.get()))
                .sslKey(pathOrNull(clientKey.get()))
                .connectTimeoutSeconds(parseOrZero(connectTimeout.get()))
                .applicationName(trimmed(applicationName))
                .options(trimmed(serverOptions))
                .readOnly(readOnly.get())
                .passwordStorage(passwordStorage.get())
                .build();
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean keyringAvailable() {
        return context.passwords().keyringAvailable();
    }

    public String keyringDescription() {
        return context.passwords().keyringDescription();
    }

    // Properties

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** The password of an encrypted client key; like the password, it is never written to the profiles file. */
    public StringProperty keyPasswordProperty() {
        return keyPassword;
    }

    public ObjectProperty<PasswordStorage> passwordStorageProperty() {
        return passwordStorage;
    }

    public ObjectProperty<SslMode> sslModeProperty() {
        return sslMode;
    }

    public ReadOnlyStringProperty sslModeHelpProperty() {
        return sslModeHelp.getReadOnlyProperty();
    }

    public StringProperty rootCertProperty() {
        return rootCert;
    }

    public StringProperty clientCertProperty() {
        return clientCert;
    }

    public StringProperty clientKeyProperty() {
        return clientKey;
    }

    public StringProperty connectTimeoutProperty() {
        return connectTimeout;
    }

    /** libpq's {@code options}: {@code -c name=value} settings the server applies to every session. */
    public StringProperty serverOptionsProperty() {
        return serverOptions;
    }

    public StringProperty applicationNameProperty() {
        return applicationName;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** The message for {@code field}, empty when it is fine. */
    public ReadOnlyStringProperty errorProperty(ProfileField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public StringProperty importTextProperty() {
        return importText;
    }

    public ReadOnlyStringProperty importMessageProperty() {
        return importMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importFailedProperty() {
        return importFailed.getReadOnlyProperty();
    }

    public ObservableList<CheckStep> testSteps() {
        return testStepsView;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Failure> testFailureProperty() {
        return testFailure.getReadOnlyProperty();
    }

    /** "Connection succeeded." after a good test, "Cancelled." and the like, else empty. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** Set once the profile has been saved; the view closes then. */
    public ReadOnlyObjectProperty<ConnectionProfile> savedProfileProperty() {
        return savedProfile.getReadOnlyProperty();
    }

    /** True while Save would fail: some field has an error. */
    public BooleanBinding saveDisabled() {
        return valid.not().or(saving);
    }

    // Internals

    private void fill(ConnectionProfile profile) {
        name.set(profile.name());
        host.set(profile.host());
        port.set(Integer.toString(profile.port()));
        database.set(profile.database());
        user.set(profile.user());
        passwordStorage.set(profile.passwordStorage());
        sslMode.set(profile.sslMode());
        rootCert.set(pathText(profile.sslRootCert()));
        clientCert.set(pathText(profile.sslCert()));
        clientKey.set(pathText(profile.sslKey()));
        connectTimeout.set(Integer.toString(profile.connectTimeoutSeconds()));
        applicationName.set(profile.applicationName());
        serverOptions.set(profile.options());
        readOnly.set(profile.readOnly());
    }

    private void validate() {
        Map<ProfileField, String> found = new EnumMap<>(ProfileField.class);
        List<ConnectionProfile> others = context.savedProfiles().stream()
                .filter(other -> !other.id().equals(profileId))
                .toList();
        for (FieldError error : ProfileValidator.validate(currentProfile(), others)) {
            found.putIfAbsent(error.field(), error.message());
        }
        // The validator sees numbers; text that is not a number at all needs its own words.
        if (!isInteger(port.get())) {
            found.put(ProfileField.PORT, "Enter the port as a number, for example 5432.");
        }
        if (!isInteger(connectTimeout.get())) {
            found.put(ProfileField.CONNECT_TIMEOUT, "Enter the timeout in whole seconds, for example 10.");
        }
        errors.forEach((field, message) -> message.set(found.getOrDefault(field, "")));
        valid.set(found.isEmpty());
        saveError.set("");
    }

    private void showStep(CheckStep step) {
        for (int i = 0; i < testSteps.size(); i++) {
            if (testSteps.get(i).kind() == step.kind()) {
                testSteps.set(i, step);
                return;
            }
        }
        testSteps.add(step);
    }

    private void showReport(ConnectionReport report) {
        testing.set(false);
        testSteps.setAll(report.steps());
        testFailure.set(report.failure().orElse(null));
        testResult.set(report.succeeded() ? "Connection succeeded." : "");
    }

    private void showTestError(Throwable error) {
        testing.set(false);
        if (error instanceof CancelledException) {
            testResult.set("Cancelled.");
            return;
        }
        testFailure.set(
                new Failure("The test could not run", describe(error), "Check the fields above and try again.", ""));
    }

    private String keyPasswordForConnecting(ConnectionProfile profile, String typed) {
        if (typed != null && !typed.isEmpty()) {
            return typed;
        }
        return context.passwords().findKeyPassword(profile).orElse(null);
    }

    private String passwordForConnecting(ConnectionProfile profile, String typed) {
        if (typed != null && !typed.isEmpty()) {
            return typed;
        }
        Optional<String> stored = context.passwords().find(profile);
        return stored.orElse(null);
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? "an unexpected problem occurred." : message;
    }

    /** File system exceptions carry only a path as their message; say what is wrong with it. */
    private static String describeFileProblem(Throwable error) {
        if (error instanceof FileSystemException fileError && fileError.getFile() != null) {
            String reason = fileError.getReason();
            return fileError.getFile()
                    + (reason == null
                            ? " cannot be written. Check that its folder exists and that you may write there."
                            : ": " + reason + ".");
        }
        return describe(error);
    }

    /** A text field's text without surrounding blanks; a control may set null. */
    private static String trimmed(StringProperty property) {
        return property.get() == null ? "" : property.get().trim();
    }

    private static boolean isInteger(String text) {
        if (text == null) {
            return false;
        }
        try {
            Integer.parseInt(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int parseOrZero(String text) {
        return isInteger(text) ? Integer.parseInt(text.trim()) : 0;
    }

    private static Path pathOrNull(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.trim());
    }

    private static String pathText(Path path) {
        return path == null ? "" : path.toString();
    }
}
