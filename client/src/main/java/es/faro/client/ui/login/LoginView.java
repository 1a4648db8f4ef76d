package es.faro.client.ui.login;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The sign-in card: server, user, password; Enter signs in; errors in words. */
public final class LoginView {
    private final StackPane root;

    public LoginView(LoginViewModel vm, I18n i18n) {
        Label title = new Label(i18n.get("app.name"));
        title.getStyleClass().addAll(Styles.TITLE_1, "login-title");
        Label subtitle = new Label(i18n.get("login.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        TextField server = new TextField();
        server.setId("login-server");
        server.setPromptText(i18n.get("login.server.prompt"));
        server.textProperty().bindBidirectional(vm.serverUrlProperty());
        TextField user = new TextField();
        user.setId("login-username");
        user.setPromptText(i18n.get("login.username.prompt"));
        user.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.setPromptText(i18n.get("login.password.prompt"));
        password.textProperty().bindBidirectional(vm.passwordProperty());

        Message error = new Message(i18n.get("login.error.title"), "", new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        error.setId("login-error");
        error.getStyleClass().add(Styles.DANGER);
        vm.errorProperty().subscribe(t -> {
            error.setDescription(t == null ? "" : i18n.get(t));
            error.setVisible(t != null);
            error.setManaged(t != null);
        });

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        Button signIn = new Button();
        signIn.setId("login-submit");
        signIn.textProperty().bind(vm.busyProperty().map(b -> i18n.get(b ? "login.signingIn" : "login.signIn")));
        signIn.setGraphic(new FontIcon(Material2OutlinedAL.LOGIN));
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(Bindings.not(vm.canSignInProperty()));
        signIn.setOnAction(e -> vm.signIn());
        HBox actions = new HBox(8, progress, signIn);
        actions.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(signIn, javafx.scene.layout.Priority.ALWAYS);

        server.disableProperty().bind(vm.busyProperty());
        user.disableProperty().bind(vm.busyProperty());
        password.disableProperty().bind(vm.busyProperty());

        VBox card = new VBox(10, title, subtitle,
                field(i18n.get("login.server"), server),
                field(i18n.get("login.username"), user),
                field(i18n.get("login.password"), password),
                error, actions);
        card.getStyleClass().add("login-card");
        card.setMaxSize(380, Region.USE_PREF_SIZE);
        root = new StackPane(card);
        root.getStyleClass().add("login");
        // Start typing where something is missing (usually the password: server and user are remembered).
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                javafx.application.Platform.runLater(() -> {
                    for (TextField f : new TextField[] {server, user, password}) {
                        if (f.getText() == null || f.getText().isEmpty()) {
                            f.requestFocus();
                            return;
                        }
                    }
                    signIn.requestFocus();
                });
            }
        });
    }

    private static VBox field(String label, javafx.scene.Node input) {
        Label caption = new Label(label);
        caption.getStyleClass().add(Styles.TEXT_SMALL);
        caption.setLabelFor(input);
        return new VBox(4, caption, input);
    }

    public Parent root() {
        return root;
    }
}
