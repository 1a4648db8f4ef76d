package es.faro.client.ui.keyboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Ctrl+K: one fuzzy search over everything the agent can do: actions, queue switches and canned
 * responses (the sources are suppliers, read when the palette opens, so others can add more).
 */
public final class CommandPaletteViewModel {
    static final int LIMIT = 50;

    private final List<Supplier<List<PaletteItem>>> sources = new ArrayList<>();
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<PaletteItem> results = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private List<Folded> items = List.of();

    private record Folded(PaletteItem item, String label, String detail) {
    }

    public CommandPaletteViewModel() {
        query.addListener((o, was, now) -> filter());
    }

    /** Adds a source of items; read each time the palette opens. */
    public void addSource(Supplier<List<PaletteItem>> source) {
        sources.add(source);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<PaletteItem> results() {
        return results;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public void show() {
        List<Folded> all = new ArrayList<>();
        for (Supplier<List<PaletteItem>> s : sources) {
            for (PaletteItem item : s.get()) {
                all.add(new Folded(item, FuzzyMatcher.fold(item.label()), FuzzyMatcher.fold(item.detail())));
            }
        }
        items = all;
        query.set("");
        filter();
        open.set(true);
    }

    public void close() {
        open.set(false);
    }

    public void move(int delta) {
        if (results.isEmpty()) {
            return;
        }
        int next = Math.max(0, Math.min(results.size() - 1, selected.get() + delta));
        selected.set(next);
    }

    public void select(int index) {
        if (index >= 0 && index < results.size()) {
            selected.set(index);
        }
    }

    /** Runs the selected item and closes; returns false when nothing is selected. */
    public boolean runSelected() {
        int i = selected.get();
        if (i < 0 || i >= results.size()) {
            return false;
        }
        PaletteItem item = results.get(i);
        close();
        item.run().run();
        return true;
    }

    private void filter() {
        String q = FuzzyMatcher.fold(query.get() == null ? "" : query.get().strip());
        record Scored(PaletteItem item, int score, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        int order = 0;
        for (Folded f : items) {
            int s = q.isEmpty() ? 1 : Math.max(FuzzyMatcher.score(q, f.label()) * 2, FuzzyMatcher.score(q, f.detail()));
            if (s > 0) {
                scored.add(new Scored(f.item(), s, order));
            }
            order++;
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::order));
        List<PaletteItem> top = new ArrayList<>();
        for (int i = 0; i < Math.min(LIMIT, scored.size()); i++) {
            top.add(scored.get(i).item());
        }
        results.setAll(top);
        selected.set(top.isEmpty() ? -1 : 0);
    }
}
