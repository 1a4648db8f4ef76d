package es.faro.client.ui.canned;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.canned.CannedTemplate;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.CannedResponse;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The canned responses editor: the list on the left, the form (with placeholder help) on the right. */
public final class CannedAdminView {
    private final SplitPane root;

    public CannedAdminView(CannedAdminViewModel vm, List<Brand> brands, I18n i18n) {
        ListView<CannedResponse> list = new ListView<>(vm.items());
        list.setId("canned-admin-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CannedResponse item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : (item.folder() == null ? "" : item.folder() + " / ")
                        + item.title() + " [" + item.language() + "]"
                        + (item.ownerId() == null ? "" : " · " + i18n.get("canned.admin.personal")));
            }
        });
        list.getSelectionModel().selectedItemProperty().subscribe(r -> {
            if (r != null) {
                vm.edit(r);
            }
        });
        Button add = new Button(i18n.get("canned.admin.new"));
        add.setId("canned-admin-new");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            vm.newResponse();
        });
        VBox left = new VBox(6, add, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        TextField title = new TextField();
        title.setId("canned-admin-title");
        title.textProperty().bindBidirectional(vm.titleProperty());
        TextField shortcut = new TextField();
        shortcut.setId("canned-admin-shortcut");
        shortcut.textProperty().bindBidirectional(vm.shortcutProperty());
        TextField folder = new TextField();
        folder.setId("canned-admin-folder");
        folder.textProperty().bindBidirectional(vm.folderProperty());
        List<String> brandIds = new ArrayList<>();
        brandIds.add(null);
        brands.forEach(b -> brandIds.add(b.id()));
        ComboBox<String> brand = new ComboBox<>();
        brand.setId("canned-admin-brand");
        brand.getItems().setAll(brandIds);
        brand.setConverter(es.faro.client.ui.common.DisplayConverter.of(id -> id == null
                ? i18n.get("canned.admin.allBrands")
                : brands.stream().filter(b -> b.id().equals(id)).map(Brand::name).findFirst().orElse(id)));
        brand.valueProperty().bindBidirectional(vm.brandIdProperty());
        ComboBox<String> language = new ComboBox<>();
        language.setId("canned-admin-language");
        language.getItems().setAll("es", "en", "ca", "eu", "gl");
        language.valueProperty().bindBidirectional(vm.languageProperty());
        CheckBox shared = new CheckBox(i18n.get("canned.admin.shared"));
        shared.setId("canned-admin-shared");
        shared.selectedProperty().bindBidirectional(vm.sharedProperty());
        shared.setDisable(!vm.canShare());
        TextArea body = new TextArea();
        body.setId("canned-admin-body");
        body.setWrapText(true);
        body.setPrefRowCount(8);
        body.textProperty().bindBidirectional(vm.bodyProperty());
        Label help = new Label(i18n.get("canned.admin.help", "{{" + String.join("}}, {{", CannedTemplate.KNOWN) + "}}",
                "{{ask:Número de pedido}}"));
        help.setWrapText(true);
        help.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, label(i18n, "canned.admin.title", title), title);
        form.addRow(1, label(i18n, "canned.admin.shortcut", shortcut), shortcut);
        form.addRow(2, label(i18n, "canned.admin.folder", folder), folder);
        form.addRow(3, label(i18n, "canned.admin.brand", brand), brand);
        form.addRow(4, label(i18n, "canned.admin.language", language), language);
        form.addRow(5, new Label(), shared);
        form.addRow(6, label(i18n, "canned.admin.body", body), body);
        form.addRow(7, new Label(), help);
        GridPane.setHgrow(body, Priority.ALWAYS);

        Button save = new Button(i18n.get("canned.admin.save"));
        save.setId("canned-admin-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(Bindings.not(vm.canSaveProperty()));
        save.setOnAction(e -> vm.save());
        Button delete = new Button(i18n.get("canned.admin.delete"));
        delete.setId("canned-admin-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.editingProperty().isNull().or(vm.busyProperty()));
        delete.setOnAction(e -> vm.delete());
        Label message = new Label();
        message.setId("canned-admin-message");
        message.textProperty().bind(vm.messageProperty().map(i18n::get).orElse(""));
        HBox buttons = new HBox(8, save, delete, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(10, form, buttons);
        right.setPadding(new Insets(8));

        root = new SplitPane(left, right);
        root.setDividerPositions(0.35);
        root.getStyleClass().add("canned-admin");
    }

    private static Label label(I18n i18n, String key, javafx.scene.Node field) {
        Label l = new Label(i18n.get(key));
        l.setLabelFor(field);
        return l;
    }

    public Parent root() {
        return root;
    }
}
