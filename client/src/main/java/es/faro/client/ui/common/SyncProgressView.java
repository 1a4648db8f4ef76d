package es.faro.client.ui.common;

import es.faro.client.sync.ConnectionState;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * A thin bar under the menu while the first download or a long catch-up runs: a progress bar
 * (indeterminate while the total is unknown) and "Sincronizando 1.200 de 5.000 conversaciones…".
 * Hidden, and taking no room, the rest of the time.
 */
public final class SyncProgressView {
    private final HBox root;
    private final ProgressBar bar = new ProgressBar();
    private final Label text = new Label();
    private I18n i18n;
    private ConnectionState last;
    private javafx.util.Subscription subscription = javafx.util.Subscription.EMPTY;

    public SyncProgressView(I18n i18n) {
        this.i18n = i18n;
        bar.setPrefWidth(240);
        bar.setId("sync-progress");
        text.setId("sync-progress-text");
        text.setLabelFor(bar);
        root = new HBox(12, bar, text);
        root.getStyleClass().add("sync-progress");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(4, 12, 4, 12));
        root.setAccessibleRole(AccessibleRole.PROGRESS_INDICATOR);
        root.managedProperty().bind(root.visibleProperty());
        root.setVisible(false);
    }

    public Node root() {
        return root;
    }

    /** Follows a connection state (null = nothing to follow, hidden). */
    public void follow(ObservableValue<ConnectionState> state) {
        subscription.unsubscribe();
        subscription = state == null ? javafx.util.Subscription.EMPTY : state.subscribe(this::show);
        if (state == null) {
            show(null);
        }
    }

    public void setI18n(I18n i18n) {
        this.i18n = i18n;
        show(last);
    }

    void show(ConnectionState s) {
        last = s;
        boolean syncing = s != null && s.status() == ConnectionState.Status.SYNCING;
        root.setVisible(syncing);
        if (!syncing) {
            return;
        }
        if (s.total() > 0) {
            bar.setProgress(Math.min(1.0, s.done() / (double) s.total()));
            text.setText(i18n.get("sync.progress.of", s.done(), s.total()));
        } else {
            bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
            String key = s.done() == 0 ? "sync.progress.start"
                    : "catch-up".equals(s.detail()) ? "sync.progress.changes" : "sync.progress.count";
            text.setText(i18n.get(key, s.done()));
        }
        bar.setAccessibleText(text.getText());
    }
}
