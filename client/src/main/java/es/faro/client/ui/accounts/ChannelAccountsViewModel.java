package es.faro.client.ui.accounts;

import es.faro.client.sync.ApiException;
import es.faro.client.sync.ChannelAccountsApi;
import es.faro.client.sync.ChannelAccountsApi.Account;
import es.faro.client.sync.ChannelAccountsApi.Secret;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Role;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admins manage each brand's account on every channel (add one, or move a brand to another account
 * id and handle) and rotate a channel's webhook secret without downtime: the new secret is shown
 * once, and the current ones stay valid for the chosen grace period while the network is switched
 * over. The server checks everything again (admin only, conflicts, formats).
 */
public final class ChannelAccountsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelAccountsViewModel.class);
    /** Grace periods offered for a rotation: long enough to update the network's webhook settings. */
    public static final List<Duration> GRACES = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(24), Duration.ofDays(7));
    private static final Comparator<Account> ORDER = Comparator.comparing(Account::brandId)
            .thenComparing(Account::channel).thenComparing(Account::accountId);

    private final ChannelAccountsApi api;
    private final TaskRunner tasks;
    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final ObservableList<Secret> secrets = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Account> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObjectProperty<String> brandId = new SimpleObjectProperty<>(this, "brandId");
    private final ObjectProperty<Channel> channel = new SimpleObjectProperty<>(this, "channel", Channel.TWITTER);
    private final StringProperty accountId = new SimpleStringProperty(this, "accountId", "");
    private final StringProperty handle = new SimpleStringProperty(this, "handle", "");
    private final ObjectProperty<Channel> secretsChannel = new SimpleObjectProperty<>(this, "secretsChannel",
            Channel.TWITTER);
    private final ObjectProperty<Duration> grace = new SimpleObjectProperty<>(this, "grace", Duration.ofHours(1));
    private final ReadOnlyStringWrapper newSecret = new ReadOnlyStringWrapper(this, "newSecret", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<UiText> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final BooleanBinding canAdd;
    private final BooleanBinding canSave;

    public ChannelAccountsViewModel(ChannelAccountsApi api, TaskRunner tasks) {
        this.api = api;
        this.tasks = tasks;
        canAdd = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() == null && brandId.get() != null
                && channel.get() != null && !accountId.get().isBlank(), busy, selected, brandId, channel, accountId);
        canSave = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                && !accountId.get().isBlank(), busy, selected, accountId);
        secretsChannel.addListener((o, before, c) -> {
            newSecret.set(""); // a secret shown once belongs to the channel it was made for
            if (c != null) {
                loadSecrets(c);
            }
        });
    }

    /** Only admins manage accounts and secrets (the server answers 403 to anyone else). */
    public static boolean allowedFor(Agent me) {
        return me != null && me.hasRole(Role.ADMIN);
    }

    // --- state ---------------------------------------------------------------------------------

    /** Every brand's accounts, by brand, channel and id. */
    public ObservableList<Account> accounts() {
        return FXCollections.unmodifiableObservableList(accounts);
    }

    /** The secrets of {@link #secretsChannelProperty()}, newest first, masked. */
    public ObservableList<Secret> secrets() {
        return FXCollections.unmodifiableObservableList(secrets);
    }

    /** The account being edited; null while the form describes a new one. */
    public ReadOnlyObjectProperty<Account> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObjectProperty<String> brandIdProperty() {
        return brandId;
    }

    public ObjectProperty<Channel> channelProperty() {
        return channel;
    }

    public StringProperty accountIdProperty() {
        return accountId;
    }

    public StringProperty handleProperty() {
        return handle;
    }

    public ObjectProperty<Channel> secretsChannelProperty() {
        return secretsChannel;
    }

    public ObjectProperty<Duration> graceProperty() {
        return grace;
    }

    /** The secret the last rotation made, in clear: shown this once to paste into the network's settings. */
    public ReadOnlyStringProperty newSecretProperty() {
        return newSecret.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UiText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableBooleanValue canAdd() {
        return canAdd;
    }

    public ObservableBooleanValue canSave() {
        return canSave;
    }

    // --- commands ------------------------------------------------------------------------------

    /** Fetches the accounts and the current channel's secrets. */
    public void load() {
        tasks.run(api::accounts, list -> accounts.setAll(list.stream().sorted(ORDER).toList()), this::failed);
        loadSecrets(secretsChannel.get());
    }

    /** Edits {@code account} in the form (brand and channel stay: moving is changing the id or handle). */
    public void select(Account account) {
        if (account == null) {
            newAccount();
            return;
        }
        selected.set(account);
        brandId.set(account.brandId());
        channel.set(account.channel());
        accountId.set(account.accountId());
        handle.set(account.handle() == null ? "" : account.handle());
        message.set(null);
    }

    /** Clears the form for a new account. */
    public void newAccount() {
        selected.set(null);
        accountId.set("");
        handle.set("");
        message.set(null);
    }

    public void add() {
        if (!canAdd.get()) {
            return;
        }
        String brand = brandId.get();
        Channel on = channel.get();
        String id = accountId.get().strip();
        String h = blankToNull(handle.get());
        run(() -> api.create(brand, on, id, h), saved -> {
            replace(null, saved);
            select(saved);
            message.set(UiText.of("accounts.admin.added"));
        });
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        Account current = selected.get();
        String id = accountId.get().strip();
        String h = blankToNull(handle.get());
        run(() -> api.update(current.channel(), current.accountId(), id, h), saved -> {
            replace(current, saved);
            select(saved);
            message.set(UiText.of("accounts.admin.saved"));
        });
    }

    /** A new secret for the channel; the current ones stay valid for {@link #graceProperty()}. */
    public void rotate() {
        Channel on = secretsChannel.get();
        Duration g = grace.get();
        if (on == null || g == null || busy.get()) {
            return;
        }
        run(() -> api.rotate(on, g), rotated -> {
            if (on == secretsChannel.get()) {
                newSecret.set(rotated.secret());
            }
            message.set(UiText.of("accounts.admin.rotated", on.wireName(), rotated.previousValidUntil()));
            loadSecrets(on);
        });
    }

    // --- helpers -------------------------------------------------------------------------------

    private void loadSecrets(Channel on) {
        tasks.run(() -> api.secrets(on), list -> {
            if (on == secretsChannel.get()) {
                secrets.setAll(list);
            }
        }, this::failed);
    }

    private void replace(Account old, Account saved) {
        if (old != null) {
            accounts.remove(old);
        }
        accounts.add(saved);
        FXCollections.sort(accounts, ORDER);
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        busy.set(true);
        message.set(null);
        tasks.run(work, result -> {
            busy.set(false);
            done.accept(result);
        }, e -> {
            busy.set(false);
            failed(e);
        });
    }

    private void failed(Throwable e) {
        if (e instanceof ApiException refused && refused.error() != null && refused.error().error() != null) {
            message.set(UiText.of("accounts.admin.refused", refused.error().error().message()));
        } else {
            LOG.warn("channel accounts: the server could not be reached", e);
            message.set(UiText.of("accounts.admin.failed"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
