package dev.pgdesk.ui.schema;

import dev.pgdesk.schema.SchemaObject;
import java.util.Optional;

/**
 * What the details pane shows about the selected object. Size, grants and templates arrive from the
 * server after the selection; until then {@code loading} is true and they are empty.
 *
 * @param object the selected object
 * @param sizeText "≈ 5,000 rows · 1304 kB", or empty when not read (yet) or not applicable
 * @param grantsText what the current user may do with it ({@code TablePrivileges.summary()}), or empty
 * @param templates which statements can be generated, when known
 * @param loading whether the server is still being asked
 * @param problem why size or grants could not be read, or empty
 */
public record ObjectDetails(
        SchemaObject object,
        String sizeText,
        String grantsText,
        Optional<TemplateOptions> templates,
        boolean loading,
        String problem) {

    /** Details of {@code object} before the server has answered. */
    static ObjectDetails loading(SchemaObject object) {
        return new ObjectDetails(object, "", "", Optional.empty(), true, "");
    }

    /** The kind in words, and the owner: "table · owned by postgres". */
    public String kindText() {
        return object.kind().label() + " · owned by " + object.owner();
    }
}
