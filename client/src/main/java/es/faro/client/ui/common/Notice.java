package es.faro.client.ui.common;

/**
 * One thing worth telling the agent outside the flow of the screen: "Conversación asignada",
 * "Sin conexión", "Sesión caducada". Texts are keys, translated when shown.
 *
 * @param level   how it looks (and whether it may play a sound: WARNING and DANGER do)
 * @param title   a short headline
 * @param message one sentence, or null
 */
public record Notice(Level level, UiText title, UiText message) {
    public enum Level { INFO, SUCCESS, WARNING, DANGER }

    public static Notice of(Level level, String titleKey, UiText message) {
        return new Notice(level, UiText.of(titleKey), message);
    }
}
