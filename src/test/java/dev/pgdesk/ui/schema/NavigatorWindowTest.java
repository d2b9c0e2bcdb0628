package dev.pgdesk.ui.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.testing.SampleSchema;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.FormRobot;
import dev.pgdesk.ui.MainWindowModel;
import dev.pgdesk.ui.ProfileItem;
import dev.pgdesk.ui.TestServices;
import dev.pgdesk.ui.query.QueryTabModel;
import dev.pgdesk.ui.schema.NavigatorNode.LoadState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The navigator in the main window, on the sample database of the real test server. */
@Tag("server")
@ExtendWith(ApplicationExtension.class)
class NavigatorWindowTest {
    private TestServices test;
    private MainWindowModel model;

    @Start
    void start(Stage stage) {
        SampleSchema.server();
        test = new TestServices();
        model = test.showWindow(stage);
    }

    @AfterEach
    void closePools() {
        model.shutdown();
    }

    @Test
    void browsingShowsColumnsWithTheKeyMarkerForeignKeysAndTheFilterNarrowsTheTree(FxRobot robot) throws Exception {
        saveAndLoad(robot, profile("alice"));
        assertThat(robot.lookup("#schemaHint").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#schemaHint").queryAs(Label.class).getText())
                .isEqualTo("Connect to browse its objects.");

        connect(robot, 0, "alice");
        TreeItem<NavigatorNode> columns = expand(robot, "s:public", "f:Tables", "o:TABLE:orders", "g:Columns");
        TreeItem<NavigatorNode> id = childItem(columns, "c:id");
        robot.interact(() -> tree(robot).scrollTo(tree(robot).getRow(id)));
        WaitForAsyncUtils.waitForFxEvents();
        NavigatorCell idCell = robot.lookup(".navigator-cell").queryAllAs(NavigatorCell.class).stream()
                .filter(cell -> cell.getItem() == id.getValue())
                .findFirst()
                .orElseThrow();
        List<String> shown = robot.from(idCell).lookup(".label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible)
                .map(Label::getText)
                .toList();
        assertThat(shown).containsSubsequence("id", "PK", "integer PK identity NOT NULL");

        TreeItem<NavigatorNode> constraints = expand(robot, "s:public", "f:Tables", "o:TABLE:orders", "g:Constraints");
        assertThat(constraints.getChildren())
                .extracting(item -> item.getValue().detail())
                .anySatisfy(detail -> assertThat(detail).startsWith("FK (customer_id) → public.customers (id)"));

        TreeItem<NavigatorNode> orderItems = item(robot, "s:public", "f:Tables", "o:TABLE:order_items");
        robot.interact(() -> tree(robot).getSelectionModel().select(orderItems));
        robot.clickOn("#schemaFilter").write("order_it");
        TreeItem<NavigatorNode> tables = item(robot, "s:public", "f:Tables");
        FormRobot.waitFor(() -> fx(() -> tables.getChildren().size() == 1));
        assertThat(tables.getChildren().get(0).getValue().label()).isEqualTo("order_items");
        assertThat(tree(robot).getSelectionModel().getSelectedItem())
                .as("the selection stays on its object while others are filtered away")
                .isSameAs(orderItems);
        assertThat(robot.lookup("#detailsName").queryAs(Label.class).getText()).isEqualTo("public.order_items");
        assertThat(item(robot, "s:public").getChildren())
                .extracting(each -> each.getValue().key())
                .containsExactly("f:Tables");
    }

    @Test
    void eachConnectionKeepsItsOwnTreeAndTheGrantsOfTheUser(FxRobot robot) throws Exception {
        saveAndLoad(robot, profile("alice"), profile(TestServer.SUPERUSER));
        connect(robot, 0, "alice");
        expand(robot, "s:public", "f:Tables");
        String alice = grantsOfOrders(robot);

        connect(robot, 1, TestServer.SUPERUSER);
        assertThat(fx(() -> item(robot, "s:public").isExpanded()))
                .as("the only schema opens by itself")
                .isTrue();
        assertThat(fx(() -> item(robot, "s:public", "f:Tables").isExpanded()))
                .as("postgres's own tree")
                .isFalse();
        expand(robot, "s:public", "f:Tables");
        String postgres = grantsOfOrders(robot);

        assertThat(alice).isEqualTo("alice may do nothing with public.orders");
        assertThat(postgres)
                .startsWith("postgres may SELECT, INSERT, UPDATE, DELETE")
                .isNotEqualTo(alice);
        assertThat(robot.lookup("#detailsSize").queryAs(Label.class).getText()).startsWith("≈ 5,000 rows · ");

        robot.interact(() -> model.selectedProperty().set(model.profiles().get(0)));
        assertThat(fx(() -> item(robot, "s:public", "f:Tables").isExpanded()))
                .as("alice's tree as she left it")
                .isTrue();
        robot.interact(model::disconnectSelected);
        FormRobot.waitFor(
                () -> fx(() -> robot.lookup("#schemaHint").queryAs(Label.class).isVisible()));
    }

    @Test
    void openDataRunsTheFirstRowsInANewEditor(FxRobot robot) throws Exception {
        saveAndLoad(robot, profile(TestServer.SUPERUSER));
        connect(robot, 0, TestServer.SUPERUSER);
        expand(robot, "s:public", "f:Tables");

        contextMenu(robot, "o:TABLE:orders", "Open Data");

        FormRobot.waitFor(() -> fx(() -> model.editors().tabs().size() == 2
                && !model.editors().tabs().get(1).results().isEmpty()));
        QueryTabModel editor = model.editors().tabs().get(1);
        assertThat(editor.textProperty().get()).endsWith("FROM public.orders\nLIMIT 100");
        FormRobot.waitFor(() -> robot.lookup("#resultTable-1").queryAllAs(TableView.class).stream()
                .anyMatch(table -> table.getScene() != null && table.getItems().size() == 100));
        assertThat(editor.statusProperty().get()).isEqualTo("100 rows");

        // A double-click on a table opens its data too.
        TreeItem<NavigatorNode> customers = item(robot, "s:public", "f:Tables", "o:TABLE:customers");
        robot.doubleClickOn(cellOf(robot, customers));
        FormRobot.waitFor(() -> fx(() -> model.editors().tabs().size() == 3));
        assertThat(model.editors().tabs().get(2).textProperty().get()).endsWith("FROM public.customers\nLIMIT 100");
    }

    @Test
    void showDdlOpensAReadOnlyTabWithTheTablesDdl(FxRobot robot) throws Exception {
        saveAndLoad(robot, profile("alice"));
        connect(robot, 0, "alice");
        expand(robot, "s:public", "f:Tables");

        contextMenu(robot, "o:TABLE:orders", "Show DDL");

        FormRobot.waitFor(() -> robot.lookup("#ddlArea").tryQuery().isPresent());
        Tab tab =
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
        assertThat(tab.getText()).isEqualTo("DDL — public.orders");
        CodeArea area = robot.lookup("#ddlArea").queryAs(CodeArea.class);
        assertThat(area.getText()).contains("CREATE TABLE public.orders (");
        assertThat(area.isEditable()).isFalse();

        robot.clickOn("#ddlOpenInEditor");
        FormRobot.waitFor(() -> fx(() -> model.editors().tabs().size() == 2));
        assertThat(model.editors().tabs().get(1).textProperty().get()).isEqualTo(area.getText());
    }

    @Test
    void generateInsertOpensAnEditorWithParametersInThePanel(FxRobot robot) throws Exception {
        saveAndLoad(robot, profile("alice"));
        connect(robot, 0, "alice");
        expand(robot, "s:public", "f:Tables");

        contextMenu(robot, "o:TABLE:orders", "Generate");
        // The robot's way to the submenu crosses other entries, which close it; the entry is fired instead.
        javafx.scene.control.Menu generate =
                (javafx.scene.control.Menu) tree(robot).getContextMenu().getItems().stream()
                        .filter(item -> "navGenerate".equals(item.getId()))
                        .findFirst()
                        .orElseThrow();
        javafx.scene.control.MenuItem insert = generate.getItems().stream()
                .filter(item -> "navGenerateInsert".equals(item.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(insert.getProperties()).doesNotContainKey("unavailable");
        robot.interact(() -> {
            insert.fire();
            tree(robot).getContextMenu().hide();
        });

        FormRobot.waitFor(() -> fx(() -> model.editors().tabs().size() == 2
                && model.editors().tabs().get(1).parametersShownProperty().get()));
        QueryTabModel editor = model.editors().tabs().get(1);
        assertThat(editor.textProperty().get())
                .startsWith("INSERT INTO public.orders")
                .contains("$1");
        assertThat(editor.parameters()).isNotEmpty();
    }

    // Helpers

    private static ConnectionProfile profile(String user) {
        return SampleSchema.server()
                .profile(user)
                .name("Sample as " + user)
                .database(SampleSchema.DATABASE)
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
    }

    private void saveAndLoad(FxRobot robot, ConnectionProfile... profiles) throws Exception {
        test.store().save(List.of(profiles));
        robot.interact(model::start);
        FormRobot.waitFor(() -> fx(() -> model.profiles().size() == profiles.length
                && model.passwordsReadyProperty().get()));
    }

    private void connect(FxRobot robot, int index, String user) throws Exception {
        ProfileItem item = fx(() -> model.profiles().get(index));
        robot.interact(() -> model.selectedProperty().set(item));
        test.dialogs.passwordAnswer = Optional.of(SampleSchema.server().password(user));
        robot.interact(model::connectSelected);
        // The tree is built once the first connection opens.
        FormRobot.waitFor(() -> fx(() -> model.isConnected(item.id())
                && robot.lookup("#schemaTree").tryQuery().isPresent()
                && tree(robot).isVisible()
                && tree(robot).getRoot() != null
                && tree(robot).getRoot().getValue().state() == LoadState.LOADED));
    }

    private String grantsOfOrders(FxRobot robot) throws Exception {
        TreeItem<NavigatorNode> orders = item(robot, "s:public", "f:Tables", "o:TABLE:orders");
        robot.interact(() -> tree(robot).getSelectionModel().select(orders));
        Label grants = robot.lookup("#detailsGrants").queryAs(Label.class);
        FormRobot.waitFor(() -> fx(() -> !grants.getText().isEmpty()));
        return grants.getText();
    }

    private static void contextMenu(FxRobot robot, String tableKey, String entry) throws Exception {
        TreeItem<NavigatorNode> table = item(robot, "s:public", "f:Tables", tableKey);
        robot.rightClickOn(cellOf(robot, table));
        // Monocle sends no context-menu request for a right click, so the test shows the menu the way one would.
        Node cell = cellOf(robot, table);
        robot.interact(() -> tree(robot).getContextMenu().show(cell, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn(entry);
    }

    private static Node cellOf(FxRobot robot, TreeItem<NavigatorNode> item) throws Exception {
        robot.interact(() -> tree(robot).scrollTo(tree(robot).getRow(item)));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".navigator-cell").queryAllAs(NavigatorCell.class).stream()
                .filter(cell -> cell.getItem() == item.getValue() && cell.isVisible())
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static TreeView<NavigatorNode> tree(FxRobot robot) {
        return robot.lookup("#schemaTree").queryAs(TreeView.class);
    }

    private static TreeItem<NavigatorNode> item(FxRobot robot, String... keys) throws Exception {
        return fx(() -> {
            TreeItem<NavigatorNode> current = tree(robot).getRoot();
            for (String key : keys) {
                current = childItem(current, key);
            }
            return current;
        });
    }

    private static TreeItem<NavigatorNode> childItem(TreeItem<NavigatorNode> parent, String key) {
        return parent.getChildren().stream()
                .filter(child -> child.getValue().key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + " is not under " + parent.getValue()));
    }

    /** Expands each tree item of the path as a click on its arrow would, waiting for its children. */
    private static TreeItem<NavigatorNode> expand(FxRobot robot, String... keys) throws Exception {
        TreeItem<NavigatorNode> current = null;
        for (int i = 1; i <= keys.length; i++) {
            TreeItem<NavigatorNode> item = item(robot, java.util.Arrays.copyOf(keys, i));
            robot.interact(() -> item.setExpanded(true));
            FormRobot.waitFor(() -> fx(() -> item.getValue().state() == LoadState.LOADED));
            current = item;
        }
        return current;
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }
}
