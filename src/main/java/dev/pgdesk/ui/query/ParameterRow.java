package dev.pgdesk.ui.query;

import dev.pgdesk.query.ParameterValue;
import dev.pgdesk.query.ParameterValueException;
import dev.pgdesk.query.ParameterValues;
import dev.pgdesk.sql.Parameter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One distinct parameter of the statements about to run: its value as typed, a NULL toggle, and its type
 * (the server's, unless the user overrides it). A value counts as given once the user typed it or it was
 * remembered from an earlier run, so an empty text value can still be meant.
 */
public final class ParameterRow {
    private final Parameter parameter;
    private final StringProperty serverType = new SimpleStringProperty();
    private final StringProperty type = new SimpleStringProperty();
    private final StringProperty value = new SimpleStringProperty("");
    private final BooleanProperty isNull = new SimpleBooleanProperty();
    private final BooleanProperty given = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");

    public ParameterRow(Parameter parameter, String serverType) {
        this.parameter = parameter;
        this.serverType.set(serverType);
        this.type.set(serverType);
        value.addListener((obs, old, now) -> {
            given.set(true);
            problem.set("");
        });
        isNull.addListener((obs, old, now) -> problem.set(""));
        type.addListener((obs, old, now) -> problem.set(""));
    }

    public Parameter parameter() {
        return parameter;
    }

    public String label() {
        return parameter.label();
    }

    /**
     * The value to bind, converted to the chosen type.
     *
     * @throws ParameterValueException the value is missing or does not fit the type; the row's problem
     *     says so too
     */
    public ParameterValue toValue() throws ParameterValueException {
        String chosenType = type.get() == null || type.get().isBlank() ? serverType.get() : type.get();
        if (isNull.get()) {
            return ParameterValue.nullOf(ParameterValues.canonical(chosenType));
        }
        if (!given.get()) {
            String message = "Enter a value for " + label() + " or mark it NULL.";
            problem.set(message);
            throw new ParameterValueException(message);
        }
        try {
            return ParameterValues.convert(value.get(), chosenType, label());
        } catch (ParameterValueException e) {
            problem.set(e.getMessage());
            throw e;
        }
    }

    /** Fills the row from a remembered value without counting as the user's edit of the problem text. */
    public void recall(String rememberedValue, boolean rememberedNull, String typeOverride) {
        value.set(rememberedValue == null ? "" : rememberedValue);
        isNull.set(rememberedNull);
        if (typeOverride != null && !typeOverride.isBlank()) {
            type.set(typeOverride);
        }
        given.set(true);
    }

    /** The type the user chose when it differs from the server's, else null. */
    public String typeOverride() {
        String chosen = type.get();
        return chosen == null || chosen.isBlank() || chosen.equals(serverType.get()) ? null : chosen;
    }

    public StringProperty serverTypeProperty() {
        return serverType;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public BooleanProperty nullProperty() {
        return isNull;
    }

    public BooleanProperty givenProperty() {
        return given;
    }

    public StringProperty problemProperty() {
        return problem;
    }
}
