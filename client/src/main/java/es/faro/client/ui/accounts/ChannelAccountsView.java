package es.faro.client.ui.accounts;

import atlantafx.base.theme.Styles;
import es.faro.client.sync.ChannelAccountsApi.Account;
import es.faro.client.sync.ChannelAccountsApi.Secret;
import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Channel accounts and webhook secrets: the brands' accounts in a table with a form under it (add,
 * or change the selected one's id and handle), and per channel its secrets (masked, with until when
 * an older one stays valid) and a rotation that shows the new secret once.
 */
public final class ChannelAccountsView {
    private final VBox root;

    public ChannelAccountsView(ChannelAccountsViewModel vm, List<Brand> brands, I18n i18n) {
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(i18n.locale())
                .withZone(ZoneId.systemDefault());
        StringConverter<Channel> channelNames = new StringConverter<>() {
            @Override
            public String toString(Channel c) {
                return c == null ? "" : i18n.get(ChannelIcons.nameKey(c));
            }

            @Override
            public Channel fromString(String s) {
                return null;
            }
        };

        TableView<Account> table = new TableView<>(vm.accounts());
        table.setId("accounts-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(i18n.get("accounts.admin.brand"), a -> brandName(brands, a.brandId())));
        table.getColumns().add(column(i18n.get("accounts.admin.channel"), a -> channelNames.toString(a.channel())));
        table.getColumns().add(column(i18n.get("accounts.admin.accountId"), Account::accountId));
        table.getColumns().add(column(i18n.get("accounts.admin.handle"), a -> a.handle() == null ? "" : a.handle()));
        table.getColumns().add(column(i18n.get("accounts.admin.updated"),
                a -> a.updatedAt() == null ? "" : times.format(a.updatedAt())));
        table.getSelectionModel().selectedItemProperty().subscribe(vm::select);
        table.setPrefHeight(320);

        ComboBox<String> brand = new ComboBox<>();
        brand.setId("account-brand");
        brand.getItems().setAll(brands.stream().map(Brand::id).toList());
        brand.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : brandName(brands, id);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        brand.valueProperty().bindBidirectional(vm.brandIdProperty());
        ComboBox<Channel> channel = new ComboBox<>();
        channel.setId("account-channel");
        channel.getItems().setAll(Channel.values());
        channel.setConverter(channelNames);
        channel.valueProperty().bindBidirectional(vm.channelProperty());
        // Brand and channel name the account: an existing one keeps them (the server would refuse a move).
        brand.disableProperty().bind(vm.selectedProperty().isNotNull());
        channel.disableProperty().bind(vm.selectedProperty().isNotNull());
        TextField accountId = new TextField();
        accountId.setId("account-id");
        accountId.setPromptText(i18n.get("accounts.admin.accountId.prompt"));
        accountId.textProperty().bindBidirectional(vm.accountIdProperty());
        TextField handle = new TextField();
        handle.setId("account-handle");
        handle.setPromptText("@orange_es");
        handle.textProperty().bindBidirectional(vm.handleProperty());
        Button add = new Button(i18n.get("accounts.admin.add"));
        add.setId("account-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(Bindings.not(vm.canAdd()));
        add.setOnAction(e -> vm.add());
        Button save = new Button(i18n.get("accounts.admin.save"));
        save.setId("account-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(Bindings.not(vm.canSave()));
        save.setOnAction(e -> vm.save());
        Button fresh = new Button(i18n.get("accounts.admin.new"));
        fresh.setId("account-new");
        fresh.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            vm.newAccount();
        });
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(i18n.get("accounts.admin.brand")), brand, new Label(i18n.get("accounts.admin.channel")),
                channel);
        form.addRow(1, new Label(i18n.get("accounts.admin.accountId")), accountId,
                new Label(i18n.get("accounts.admin.handle")), handle);
        HBox formButtons = new HBox(8, fresh, add, save);

        ComboBox<Channel> secretsChannel = new ComboBox<>();
        secretsChannel.setId("secrets-channel");
        secretsChannel.getItems().setAll(Channel.values());
        secretsChannel.setConverter(channelNames);
        secretsChannel.valueProperty().bindBidirectional(vm.secretsChannelProperty());
        ListView<Secret> secrets = new ListView<>(vm.secrets());
        secrets.setId("secrets-list");
        secrets.setPrefHeight(110);
        secrets.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Secret s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.secret() + " · " + i18n.get("accounts.admin.secret.created",
                        times.format(s.createdAt())) + " · " + secretState(s, i18n, times));
            }
        });
        ComboBox<Duration> grace = new ComboBox<>();
        grace.setId("secret-grace");
        grace.getItems().setAll(ChannelAccountsViewModel.GRACES);
        grace.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : d.toDays() > 0 ? i18n.get("accounts.admin.grace.days", d.toDays())
                        : d.toHours() > 0 ? i18n.get("accounts.admin.grace.hours", d.toHours())
                        : i18n.get("accounts.admin.grace.minutes", d.toMinutes());
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        grace.valueProperty().bindBidirectional(vm.graceProperty());
        Button rotate = new Button(i18n.get("accounts.admin.rotate"));
        rotate.setId("secret-rotate");
        rotate.getStyleClass().add(Styles.DANGER);
        rotate.disableProperty().bind(vm.busyProperty());
        rotate.setOnAction(e -> vm.rotate());
        TextField newSecret = new TextField();
        newSecret.setId("secret-new");
        newSecret.setEditable(false); // selectable, to copy into the network's webhook settings
        newSecret.textProperty().bind(vm.newSecretProperty());
        Label newSecretHelp = new Label(i18n.get("accounts.admin.secret.once"));
        newSecretHelp.getStyleClass().add(Styles.TEXT_SMALL);
        newSecretHelp.setWrapText(true);
        VBox revealed = new VBox(4, newSecretHelp, newSecret);
        revealed.visibleProperty().bind(vm.newSecretProperty().isNotEmpty());
        revealed.managedProperty().bind(revealed.visibleProperty());
        HBox rotateRow = new HBox(8, new Label(i18n.get("accounts.admin.grace")), grace, rotate);

        Label message = new Label();
        message.setId("accounts-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty().map(i18n::get).orElse(""));

        Label accountsTitle = new Label(i18n.get("accounts.admin.accounts"));
        accountsTitle.getStyleClass().add(Styles.TITLE_4);
        Label secretsTitle = new Label(i18n.get("accounts.admin.secrets"));
        secretsTitle.getStyleClass().add(Styles.TITLE_4);
        Label secretsHelp = new Label(i18n.get("accounts.admin.secrets.help"));
        secretsHelp.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        secretsHelp.setWrapText(true);
        root = new VBox(8, accountsTitle, table, form, formButtons, secretsTitle, secretsHelp,
                new HBox(8, new Label(i18n.get("accounts.admin.channel")), secretsChannel), secrets, rotateRow,
                revealed, message);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        root.setId("accounts-admin");
    }

    private static String secretState(Secret s, I18n i18n, DateTimeFormatter times) {
        if (!s.valid()) {
            return i18n.get("accounts.admin.secret.retired");
        }
        Instant until = s.retiresAt();
        return until == null ? i18n.get("accounts.admin.secret.current")
                : i18n.get("accounts.admin.secret.until", times.format(until));
    }

    private static String brandName(List<Brand> brands, String id) {
        return brands.stream().filter(b -> b.id().equals(id)).map(Brand::name).findFirst().orElse(id);
    }

    private static TableColumn<Account, String> column(String title, java.util.function.Function<Account, String> value) {
        TableColumn<Account, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    public Parent root() {
        return root;
    }
}
