package es.faro.client.ui.community;

import es.faro.client.sync.CommunityApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.community.Leaderboard;
import es.faro.protocol.community.LeaderboardEntry;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The superuser leaderboard in the lead's dashboard: members ranked by the points they earned in a
 * period (accepted solutions and kudos), with their level, for one brand or all of them; and the
 * programme's figures for the same brand and period (approved solutions, views of solved threads).
 */
public final class LeaderboardViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderboardViewModel.class);
    public static final List<String> PERIODS = List.of("day", "week", "month", "year");
    static final int SIZE = 20;

    private final CommunityApi api;
    private final TaskRunner tasks;
    private final List<String> brands;
    private final ObjectProperty<String> brand = new SimpleObjectProperty<>(this, "brand");
    private final ObjectProperty<String> period = new SimpleObjectProperty<>(this, "period", "month");
    private final ObservableList<LeaderboardEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<LeaderboardEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyObjectWrapper<UiText> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<CommunityApi.Figures> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private long generation;

    /** {@code brands}: the brand ids offered as filters (besides every brand). */
    public LeaderboardViewModel(CommunityApi api, List<String> brands, TaskRunner tasks) {
        this.api = api;
        this.tasks = tasks;
        this.brands = List.copyOf(brands);
        brand.addListener((o, was, now) -> refresh());
        period.addListener((o, was, now) -> refresh());
    }

    /** Brand ids to choose from; null (every brand) first. */
    public List<String> brandChoices() {
        List<String> out = new ArrayList<>();
        out.add(null);
        out.addAll(brands);
        return out;
    }

    /** The brand shown; null = every brand. */
    public ObjectProperty<String> brandProperty() {
        return brand;
    }

    /** day, week, month or year so far. */
    public ObjectProperty<String> periodProperty() {
        return period;
    }

    public ObservableList<LeaderboardEntry> entries() {
        return entriesView;
    }

    public ReadOnlyObjectProperty<UiText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Approved solutions and views of the threads they solved, for the brand and period shown; null until read. */
    public ReadOnlyObjectProperty<CommunityApi.Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    private record Loaded(Leaderboard board, CommunityApi.Figures figures) {
    }

    public void refresh() {
        long gen = ++generation;
        String b = brand.get();
        String p = period.get() == null ? "month" : period.get();
        tasks.run(() -> {
            Leaderboard board = api.leaderboard(b, p, SIZE);
            // The same window as the leaderboard's period, as the server resolved it.
            return new Loaded(board, api.figures(b, board.from(), board.to()));
        }, loaded -> {
            if (gen == generation) {
                entries.setAll(loaded.board().items());
                figures.set(loaded.figures());
                message.set(loaded.board().items().isEmpty() ? UiText.of("community.leaderboard.empty") : null);
            }
        }, error -> {
            LOG.warn("reading the leaderboard failed: {}", error.toString());
            if (gen == generation) {
                message.set(UiText.of("community.leaderboard.failed"));
            }
        });
    }
}
