package dev.pgdesk.ui.grid;

import dev.pgdesk.grid.ListRowSource;
import dev.pgdesk.query.Column;
import dev.pgdesk.ui.task.FxTaskRunner;
import dev.pgdesk.ui.theme.Theme;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/** Shows a grid over generated rows of many types, to look at it (not a test). */
public final class GridPreview {
    public static void main(String[] args) {
        // Through a nested class: the JavaFX launcher refuses a main class that extends Application on the class path.
        Application.launch(App.class, args);
    }

    /** The preview window. */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) throws Exception {
            List<Column> columns = List.of(
                    new Column("id", "int4"),
                    new Column("customer", "text"),
                    new Column("amount", "numeric"),
                    new Column("paid", "bool"),
                    new Column("created_at", "timestamptz"),
                    new Column("note", "text"),
                    new Column("payload", "jsonb"),
                    new Column("token", "uuid"),
                    new Column("wait", "interval"),
                    new Column("tags", "_text"),
                    new Column("thumbnail", "bytea"));
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                PGobject json = new PGobject();
                json.setType("jsonb");
                json.setValue("{\"order\": " + i + ", \"items\": [1, 2, 3], \"gift\": " + (i % 3 == 0) + "}");
                byte[] image = new byte[1_000 + i % 20_000];
                image[0] = (byte) 0x89;
                image[1] = 0x50;
                image[2] = 0x4e;
                image[3] = 0x47;
                rows.add(new Object[] {
                    i,
                    i % 7 == 0 ? "Zoë O'Brien, \"VIP\"" : "Customer " + i,
                    new BigDecimal("1234.5").add(BigDecimal.valueOf(i, 2)),
                    i % 2 == 0,
                    OffsetDateTime.of(2024, 1, 1 + i % 28, i % 24, 30, 0, 0, ZoneOffset.ofHours(2)),
                    i % 3 == 0 ? null : i % 3 == 1 ? "" : "multi\nline note " + i,
                    json,
                    UUID.nameUUIDFromBytes(("r" + i).getBytes()),
                    new PGInterval(0, 0, i % 3, 4, 5, 6.5),
                    new String[] {"a", "b c"},
                    image
                });
            }
            ResultGrid grid = new ResultGrid(new ListRowSource(columns, rows), new FxTaskRunner());
            Scene scene = new Scene((Parent) grid.content(), 1380, 860);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.setTitle("Result grid preview");
            stage.setX(0);
            stage.setY(0);
            stage.show();
            grid.start();
            if (args().contains("--scroll-right")) {
                javafx.animation.PauseTransition later =
                        new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
                later.setOnFinished(event -> grid.table().scrollToColumnIndex(10));
                later.play();
            }
            if (args().contains("--value-panel")) {
                javafx.application.Platform.runLater(() -> {
                    ((javafx.scene.control.ToggleButton) scene.lookup("#valuePanelToggle")).setSelected(true);
                    grid.table()
                            .getSelectionModel()
                            .clearAndSelect(1, grid.table().getColumns().get(6));
                    grid.table()
                            .getFocusModel()
                            .focus(1, grid.table().getColumns().get(6));
                });
            }
        }

        private List<String> args() {
            return getParameters().getRaw();
        }
    }
}
