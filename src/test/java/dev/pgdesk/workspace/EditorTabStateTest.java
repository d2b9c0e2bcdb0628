package dev.pgdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EditorTabStateTest {

    @Test
    void aNewTabIsEmptyUnmodifiedWithTheDefaultTimeout() {
        EditorTabState tab = EditorTabState.newTab("profile-1", "Query 1", 2);

        assertThat(tab.text()).isEmpty();
        assertThat(tab.modified()).isFalse();
        assertThat(tab.file()).isNull();
        assertThat(tab.timeoutSeconds()).isEqualTo(EditorTabState.DEFAULT_TIMEOUT_SECONDS);
        assertThat(tab.order()).isEqualTo(2);
        assertThat(EditorTabState.newTab(null, "Query 2", 0).id()).isNotEqualTo(tab.id());
    }

    @Test
    void editingMarksTheTabModifiedAndSavingClearsIt() {
        EditorTabState edited = EditorTabState.newTab(null, "Query 1", 0).withText("select 1", 8);

        assertThat(edited.modified()).isTrue();
        assertThat(edited.caret()).isEqualTo(8);

        EditorTabState saved = edited.withFile(Path.of("/tmp/report.sql"), "report.sql");

        assertThat(saved.modified()).isFalse();
        assertThat(saved.title()).isEqualTo("report.sql");
        assertThat(saved.text()).isEqualTo("select 1");
        assertThat(saved.id()).isEqualTo(edited.id());
    }

    @Test
    void shorteningTheTextKeepsTheCaretInside() {
        EditorTabState tab = EditorTabState.newTab(null, "Query 1", 0).withText("select 1", 8);

        assertThat(tab.withText("sel").caret()).isEqualTo(3);
    }

    @Test
    void anIdThatIsNotAUuidIsRejectedWithTheReason() {
        assertThatThrownBy(() -> new EditorTabState("../../etc/passwd", null, "x", null, "", false, 30, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UUID");
    }

    @Test
    void aCaretOutsideTheTextIsRejected() {
        EditorTabState tab = EditorTabState.newTab(null, "Query 1", 0);

        assertThatThrownBy(() -> tab.withCaret(5)).hasMessageContaining("outside the text (0 to 0)");
    }

    @Test
    void aNegativeTimeoutIsRejectedAndZeroMeansNone() {
        EditorTabState tab = EditorTabState.newTab(null, "Query 1", 0);

        assertThat(tab.withTimeoutSeconds(0).timeoutSeconds()).isZero();
        assertThatThrownBy(() -> tab.withTimeoutSeconds(-1)).hasMessageContaining("0 (none)");
    }

    @Test
    void aBlankTitleIsRejected() {
        assertThatThrownBy(() -> EditorTabState.newTab(null, " ", 0)).hasMessageContaining("title");
    }
}
