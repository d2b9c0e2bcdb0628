package dev.pgdesk.ui.monitor;

import dev.pgdesk.monitor.ActivityThresholds.Highlight;
import dev.pgdesk.monitor.SessionActivity;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One backend in the activity table. A refresh updates the row in place (keyed by pid), so the table keeps
 * its selection and scroll position.
 */
public final class ActivityRow {
    private final int pid;
    private final ReadOnlyObjectWrapper<SessionActivity> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>(Highlight.NONE);

    ActivityRow(SessionActivity session, Highlight highlight) {
        this.pid = session.pid();
        update(session, highlight);
    }

    void update(SessionActivity now, Highlight mark) {
        session.set(now);
        highlight.set(mark);
    }

    public int pid() {
        return pid;
    }

    /** The latest reading of this backend. */
    public SessionActivity session() {
        return session.get();
    }

    public ReadOnlyObjectProperty<SessionActivity> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Highlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    /** What a list of rows watches so that sorting follows updates. */
    Observable[] observables() {
        return new Observable[] {session, highlight};
    }
}
