package dev.pgdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private TestServices test;
    private MainWindowModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        test = new TestServices();
        model = test.showWindow(stage);
    }

    @AfterEach
    void closePools() {
        model.shutdown();
    }

    @Test
    void theWindowIsTitledPgdeskAndUsesTheTheme() {
        assertThat(stage.getTitle()).isEqualTo("pgdesk");
        assertThat(stage.getScene().getStylesheets()).singleElement().asString().endsWith("pgdesk.css");
    }

    @Test
    void theWindowGetsTheAppIconInEverySizeOnceDecoded() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getIcons().size() == 6);

        assertThat(stage.getIcons())
                .extracting(icon -> (int) icon.getWidth())
                .containsExactly(16, 32, 48, 64, 128, 256);
    }

    @Test
    void menusOfferFileConnectionAndHelpActions(FxRobot robot) {
        MenuBar menuBar = robot.lookup("#menuBar").queryAs(MenuBar.class);

        assertThat(menuBar.getMenus())
                .extracting(menu -> menu.getText())
                .containsExactly("File", "Connection", "SQL", "Help");
        assertThat(menuBar.getMenus().get(0).getItems())
                .extracting(MenuItem::getText)
                .contains("New Connection…", "Import Connection URI…", "Open Sample Database", "Quit");
        assertThat(menuBar.getMenus().get(1).getItems())
                .extracting(MenuItem::getText)
                .contains("Connect", "Disconnect", "Edit…", "Test Connection…", "Delete…");
        assertThat(menuBar.getMenus().get(3).getItems())
                .extracting(MenuItem::getText)
                .containsExactly("About pgdesk");
    }

    @Test
    void toolbarHasTheConnectionActions(FxRobot robot) {
        ToolBar toolBar = robot.lookup("#toolBar").queryAs(ToolBar.class);

        assertThat(toolBar.getItems())
                .filteredOn(Button.class::isInstance)
                .extracting(node -> ((Button) node).getText())
                .containsExactly(
                        "New", "Connect", "Disconnect", "Test", "SQL Editor", "History", "Monitor", "Sample database");
    }

    @Test
    void toolbarTooltipsAppearOnceThePointerReachesTheButton(FxRobot robot) {
        Button connect = robot.lookup("#toolConnect").queryButton();
        Button history = robot.lookup("#toolHistory").queryButton();
        assertThat(history.getTooltip()).isNull();

        robot.moveTo(history);

        assertThat(history.getTooltip()).isNotNull();
        assertThat(history.getTooltip().getText()).isEqualTo("Every statement run (Ctrl+Shift+H)");
        assertThat(connect.getTooltip())
                .as("only the button pointed at gets its tooltip")
                .isNull();
    }

    @Test
    void beforeAnyConnectionOpensTheNavigatorSaysWhatItWillShow(FxRobot robot) {
        assertThat(robot.lookup("#navigatorPlaceholder #schemaHint")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Connect to browse its objects.");
        assertThat(robot.lookup("#navigator").tryQuery()).isEmpty();
    }

    @Test
    void theConnectionListsContextMenuIsMadeOnFirstRequest(FxRobot robot) {
        ListView<?> list = robot.lookup("#profileList").queryListView();
        assertThat(list.getContextMenu()).isNull();

        // Monocle raises no context-menu event on a right click, so the test raises the one a right click would.
        robot.interact(() -> javafx.event.Event.fireEvent(list, contextMenuRequest(list)));

        assertThat(list.getContextMenu()).isNotNull();
        assertThat(list.getContextMenu().getItems())
                .extracting(MenuItem::getText)
                .contains("Connect", "Disconnect", "Edit…", "Test Connection…", "Delete…");
        assertThat(list.getContextMenu().isShowing()).isTrue();
        robot.interact(() -> list.getContextMenu().hide());
    }

    private static javafx.scene.input.ContextMenuEvent contextMenuRequest(ListView<?> list) {
        javafx.geometry.Point2D screen = list.localToScreen(20, 20);
        return new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                20,
                20,
                screen.getX(),
                screen.getY(),
                false,
                null);
    }

    @Test
    void connectActionsAreDisabledWhileNothingIsSelected(FxRobot robot) {
        assertThat(robot.lookup("#toolConnect").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#toolDisconnect").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#toolNew").queryButton().isDisabled()).isFalse();
    }

    @Test
    void sidebarListsConnectionsAndOffersToAddOne(FxRobot robot) {
        assertThat(robot.lookup("#sidebar").tryQuery()).isPresent();
        assertThat(robot.lookup("#profileList").queryAs(ListView.class).isVisible())
                .isTrue();
        assertThat(robot.lookup("#addProfile").queryButton().getText()).isEqualTo("+");
    }

    @Test
    void welcomeTabOffersTheThreeWaysToStart(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);

        assertThat(tabs.getTabs()).extracting(tab -> tab.getText()).containsExactly("Welcome");
        assertThat(robot.lookup("#openSampleButton").queryButton().getText()).isEqualTo("Open sample database");
        assertThat(robot.lookup("#newConnectionButton").queryButton().getText()).isEqualTo("New connection");
        assertThat(robot.lookup("#importUriButton").queryButton().getText()).isEqualTo("Import connection URI");
    }

    @Test
    void statusBarShowsAMessageAndThePoolLabel(FxRobot robot) {
        assertThat(robot.lookup("#statusBar").tryQuery()).isPresent();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText())
                .isNotBlank();
        assertThat(robot.lookup("#poolStatus").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void newConnectionOpensTheConnectionDialogAndCancelClosesIt(FxRobot robot) throws Exception {
        FormRobot.waitFor(() -> model.passwordsReadyProperty().get());

        robot.clickOn("#newConnectionButton");
        FormRobot.waitFor(() -> robot.lookup("#importText").tryQuery().isPresent());

        assertThat(robot.listTargetWindows()).hasSize(2);
        assertThat(robot.lookup("#host").queryAs(TextField.class).getText()).isEqualTo("localhost");

        robot.clickOn("#cancel");
        FormRobot.waitFor(() -> robot.lookup("#importText").tryQuery().isEmpty());
        assertThat(robot.listTargetWindows()).hasSize(1);
    }

    @Test
    void importConnectionUriOpensTheDialogWithTheImportFieldFocused(FxRobot robot) throws Exception {
        FormRobot.waitFor(() -> model.passwordsReadyProperty().get());

        robot.clickOn("#importUriButton");
        FormRobot.waitFor(() -> robot.lookup("#importText").tryQuery().isPresent());
        FormRobot.waitFor(
                () -> robot.lookup("#importText").queryAs(TextField.class).isFocused());

        assertThat(robot.lookup("#importText").queryAs(TextField.class).isFocused())
                .isTrue();
        robot.clickOn("#cancel");
    }

    @Test
    void aboutShowsWhatPgdeskIs(FxRobot robot) {
        robot.interact(model::showAbout);

        assertThat(test.dialogs.infos).singleElement().satisfies(shown -> {
            assertThat(shown.title()).isEqualTo("About pgdesk");
            assertThat(shown.message()).contains("PostgreSQL");
        });
    }
}
