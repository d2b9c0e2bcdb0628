package dev.pgdesk.ui.saved;

import dev.pgdesk.saved.SavedParameter;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One parameter of a query being saved: its label as the SQL writes it ({@code $1}, {@code :day}), its
 * default value (empty means a value must be given when it runs) and an optional type for people.
 */
public final class ParameterDraft {
    private final String label;
    private final StringProperty defaultValue = new SimpleStringProperty("");
    private final StringProperty type = new SimpleStringProperty("");

    public ParameterDraft(String label, String defaultValue, String type) {
        this.label = label;
        this.defaultValue.set(defaultValue == null ? "" : defaultValue);
        this.type.set(type == null ? "" : type);
    }

    public String label() {
        return label;
    }

    public StringProperty defaultValueProperty() {
        return defaultValue;
    }

    public StringProperty typeProperty() {
        return type;
    }

    /** The parameter as stored: an empty default becomes "required". */
    public SavedParameter toSaved() {
        String value = defaultValue.get();
        return new SavedParameter(label, value == null || value.isEmpty() ? null : value, type.get());
    }
}
