package es.faro.client.ui.search;

import atlantafx.base.theme.Styles;
import es.faro.client.sync.SearchApi;
import es.faro.client.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Lays out the server search under a local search: the "Search the server too" offer, a spinner, the
 * hits (customer, brand and channel, the snippet with the matched words marked) and "More results".
 * Clicking a hit, or Enter on it, opens its conversation.
 */
public final class ServerSearchView {
    private final VBox root;

    public ServerSearchView(ServerSearchViewModel vm, I18n i18n) {
        Button offer = new Button(i18n.get("search.server.offer"));
        offer.setId("server-search-offer");
        offer.getStyleClass().addAll(Styles.FLAT, Styles.ACCENT);
        offer.setOnAction(e -> vm.searchServer());
        show(offer, vm.offeredProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("server-search-spinner");
        spinner.setPrefSize(18, 18);
        show(spinner, vm.searchingProperty());

        Label error = new Label();
        error.setId("server-search-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> vm.errorKeyProperty().get() == null ? ""
                        : i18n.get(vm.errorKeyProperty().get())
                        + (vm.errorDetailProperty().get() == null ? "" : " (" + vm.errorDetailProperty().get() + ")"),
                vm.errorKeyProperty(), vm.errorDetailProperty()));
        show(error, vm.errorKeyProperty().isNotNull());

        ListView<SearchApi.Hit> list = new ListView<>(vm.results());
        list.setId("server-search-results");
        list.setPrefHeight(240);
        list.setPlaceholder(new Label(i18n.get("search.server.none")));
        list.setCellFactory(v -> new HitCell(i18n));
        list.setOnMouseClicked(e -> vm.open(list.getSelectionModel().getSelectedItem()));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(list.getSelectionModel().getSelectedItem());
            }
        });
        show(list, vm.searchedProperty());

        Button more = new Button(i18n.get("search.server.more"));
        more.setId("server-search-more");
        more.getStyleClass().add(Styles.FLAT);
        more.setOnAction(e -> vm.loadMore());
        show(more, vm.hasMoreProperty());

        root = new VBox(6, new HBox(6, offer, spinner), error, list, more);
        root.setId("server-search");
    }

    public Node node() {
        return root;
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    /** The snippet as text runs, the matched words in their own style. */
    static List<Text> runs(SearchApi.Hit hit) {
        List<Text> runs = new ArrayList<>();
        String s = hit.snippet() == null ? "" : hit.snippet();
        int at = 0;
        for (SearchApi.Range r : hit.highlights()) {
            if (r.start() < at || r.end() > s.length() || r.start() >= r.end()) {
                continue; // never trust offsets blindly
            }
            runs.add(new Text(s.substring(at, r.start())));
            Text mark = new Text(s.substring(r.start(), r.end()));
            mark.getStyleClass().add("search-hit-mark");
            runs.add(mark);
            at = r.end();
        }
        runs.add(new Text(s.substring(at)));
        return runs;
    }

    private static final class HitCell extends ListCell<SearchApi.Hit> {
        private final I18n i18n;

        HitCell(I18n i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(SearchApi.Hit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label who = new Label(hit.customerName() == null ? hit.customerHandle() : hit.customerName());
            who.getStyleClass().add(Styles.TEXT_BOLD);
            Label where = new Label(hit.brandId() + " · " + hit.channel().wireName()
                    + ("customer".equals(hit.match()) ? " · " + i18n.get("search.server.customer") : ""));
            where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            TextFlow snippet = new TextFlow(runs(hit).toArray(Text[]::new));
            snippet.getStyleClass().add("search-hit-snippet");
            setGraphic(new VBox(2, new HBox(8, who, where), snippet));
            setText(null);
        }
    }
}
