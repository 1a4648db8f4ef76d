package es.faro.client.ui.keyboard;

/**
 * One row of the command palette: what it is, its label (already translated), a detail (the
 * shortcut, the queue's count, the canned response's shortcut) and what choosing it does.
 */
public record PaletteItem(Kind kind, String label, String detail, Runnable run) {
    public enum Kind { ACTION, QUEUE, CANNED }
}
