package dev.pgdesk.ui.complete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.complete.Candidate;
import dev.pgdesk.complete.CandidateKind;
import dev.pgdesk.complete.CompletionResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionModelTest {
    private final CompletionModel model = new CompletionModel();

    private static CompletionResult result(int count) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            candidates.add(new Candidate("name_" + i, "name_" + i, CandidateKind.TABLE, "table", 100 - i));
        }
        return new CompletionResult(3, 5, candidates);
    }

    @Test
    void showingAResultSelectsTheBestCandidate() {
        assertThat(model.show(result(3), "", false)).isTrue();

        assertThat(model.isVisible()).isTrue();
        assertThat(model.candidates()).hasSize(3);
        assertThat(model.selected()).map(Candidate::text).contains("name_0");
        assertThat(model.result().replaceFrom()).isEqualTo(3);
    }

    @Test
    void upAndDownWrapAroundWhilePagesStopAtTheEnds() {
        model.show(result(25), "", false);

        model.move(-1);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(24);
        model.move(1);
        assertThat(model.selectedIndexProperty().get()).isZero();
        model.move(CompletionModel.PAGE);
        model.move(CompletionModel.PAGE);
        model.move(CompletionModel.PAGE);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(24);
        model.move(-CompletionModel.PAGE);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(14);
        model.move(-100);
        assertThat(model.selectedIndexProperty().get()).isZero();
    }

    @Test
    void anUpdateKeepsTheSelectedCandidateOnlyWhenAskedAndStillOffered() {
        model.show(result(5), "", false);
        model.select(3);

        model.show(result(5), "", true);
        assertThat(model.selected()).map(Candidate::text).contains("name_3");

        model.show(result(2), "", true);
        assertThat(model.selected()).map(Candidate::text).contains("name_0");

        model.select(1);
        model.show(result(5), "", false);
        assertThat(model.selected()).map(Candidate::text).contains("name_0");
    }

    @Test
    void aHintAloneKeepsThePopupUpWhileNothingAtAllHidesIt() {
        assertThat(model.show(result(0), "loading schema…", false)).isTrue();
        assertThat(model.selected()).isEmpty();
        assertThat(model.hintProperty().get()).isEqualTo("loading schema…");

        assertThat(model.show(result(0), "", false)).isFalse();
        assertThat(model.isVisible()).isFalse();
    }

    @Test
    void hidingForgetsTheCandidates() {
        model.show(result(4), "loading schema…", false);

        model.hide();

        assertThat(model.isVisible()).isFalse();
        assertThat(model.candidates()).isEmpty();
        assertThat(model.selected()).isEmpty();
        assertThat(model.hintProperty().get()).isEmpty();
    }

    @Test
    void selectingOutsideTheListAndMovingInAnEmptyListChangeNothing() {
        model.show(result(2), "", false);
        model.select(7);
        assertThat(model.selectedIndexProperty().get()).isZero();

        model.show(result(0), "hint", false);
        model.move(1);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(-1);
    }
}
