package es.faro.client.ui.community;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.community.LeaderboardEntry;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The superuser leaderboard section of the dashboard: brand and period, and the ranked members. */
public final class LeaderboardView {
    private final VBox root;

    public LeaderboardView(LeaderboardViewModel vm, I18n i18n) {
        Label title = new Label(i18n.get("community.leaderboard.title"));
        title.getStyleClass().addAll(Styles.TITLE_4, "dash-section-title");

        ComboBox<String> brand = new ComboBox<>();
        brand.setId("leaderboard-brand");
        brand.getItems().setAll(vm.brandChoices());
        brand.setConverter(es.faro.client.ui.common.DisplayConverter.of(b -> b == null ? i18n.get("community.leaderboard.allBrands") : b));
        brand.setButtonCell(new Cell(i18n.get("community.leaderboard.allBrands")));
        brand.setCellFactory(l -> new Cell(i18n.get("community.leaderboard.allBrands")));
        brand.valueProperty().bindBidirectional(vm.brandProperty());
        ComboBox<String> period = new ComboBox<>();
        period.setId("leaderboard-period");
        period.getItems().setAll(LeaderboardViewModel.PERIODS);
        period.setConverter(es.faro.client.ui.common.DisplayConverter.of(p -> i18n.get("community.leaderboard.period." + p)));
        period.valueProperty().bindBidirectional(vm.periodProperty());
        Button refresh = new Button(i18n.get("community.leaderboard.refresh"));
        refresh.setId("leaderboard-refresh");
        refresh.getStyleClass().add(Styles.SMALL);
        refresh.setOnAction(e -> vm.refresh());
        Label message = new Label();
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty().map(t -> i18n.get(t.key(), t.args().toArray())).orElse(""));
        HBox controls = new HBox(8, title, brand, period, refresh, message);
        controls.setAlignment(Pos.CENTER_LEFT);

        TableView<LeaderboardEntry> table = new TableView<>(vm.entries());
        table.setId("leaderboard-table");
        table.setFixedCellSize(28);
        table.setPrefHeight(28 * 8 + 32);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(java.util.List.of(
                column(i18n.get("community.leaderboard.rank"), e -> Integer.toString(e.rank())),
                column(i18n.get("community.leaderboard.member"), LeaderboardEntry::authorName),
                column(i18n.get("community.leaderboard.brand"), LeaderboardEntry::brandId),
                column(i18n.get("community.leaderboard.solutions"), e -> Long.toString(e.solutions())),
                column(i18n.get("community.leaderboard.kudos"), e -> Long.toString(e.kudos())),
                column(i18n.get("community.leaderboard.points"), e -> Long.toString(e.points())),
                column(i18n.get("community.leaderboard.level"), LeaderboardEntry::level)));
        table.setPlaceholder(new Label(i18n.get("community.leaderboard.empty")));

        Label figures = new Label();
        figures.setId("leaderboard-figures");
        figures.getStyleClass().add(Styles.TEXT_SMALL);
        figures.textProperty().bind(vm.figuresProperty().map(f -> i18n.get("community.leaderboard.figures",
                f.approvedSolutions(), f.solvedThreadViews())).orElse(""));

        root = new VBox(6, controls, figures, table);
        root.setId("leaderboard");
        root.getStyleClass().add("leaderboard");
        vm.refresh();
    }

    public Node root() {
        return root;
    }

    private static TableColumn<LeaderboardEntry, String> column(String title,
                                                                Function<LeaderboardEntry, String> value) {
        TableColumn<LeaderboardEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static final class Cell extends ListCell<String> {
        private final String all;

        Cell(String all) {
            this.all = all;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? all : item);
        }
    }
}
