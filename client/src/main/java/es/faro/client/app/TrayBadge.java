package es.faro.client.app;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system tray icon with a red badge carrying the count of the agent's conversations in SLA
 * WARNING, where the platform has a tray (most Linux desktops, Windows, macOS menu bar); headless or
 * tray-less machines simply have none, and the window title carries the count instead. All AWT work
 * runs on the AWT event thread.
 */
final class TrayBadge implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrayBadge.class);

    private final BufferedImage base;
    private TrayIcon icon;
    private int shown = -1;

    private TrayBadge(BufferedImage base) {
        this.base = base;
    }

    /** A tray icon when the platform has a tray, else an object that does nothing. */
    static TrayBadge install(String tooltip, Runnable onClick) {
        BufferedImage image = null;
        try (InputStream in = TrayBadge.class.getResourceAsStream("/es/faro/client/icons/faro-32.png")) {
            if (in != null) {
                image = ImageIO.read(in);
            }
        } catch (IOException e) {
            log.debug("tray icon image not loaded", e);
        }
        TrayBadge badge = new TrayBadge(image);
        if (image == null || GraphicsEnvironment.isHeadless() || Boolean.getBoolean("faro.tray.off")) {
            return badge;
        }
        java.awt.EventQueue.invokeLater(() -> {
            try {
                if (!SystemTray.isSupported()) {
                    log.info("no system tray on this desktop: the warning count shows in the window title");
                    return;
                }
                TrayIcon t = new TrayIcon(badge.base, tooltip);
                t.setImageAutoSize(true);
                t.addActionListener(e -> onClick.run());
                SystemTray.getSystemTray().add(t);
                badge.icon = t;
            } catch (Exception | LinkageError e) {
                log.info("system tray not available: {}", e.toString());
            }
        });
        return badge;
    }

    /** Shows {@code count} on the badge and in the tooltip (0 hides the badge). */
    void update(int count, String tooltip) {
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        java.awt.EventQueue.invokeLater(() -> {
            TrayIcon t = icon;
            if (t == null || count == shown) {
                return;
            }
            shown = count;
            t.setImage(count > 0 ? withBadge(count) : base);
            t.setToolTip(tooltip);
        });
    }

    private BufferedImage withBadge(int count) {
        int size = base.getWidth();
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.drawImage(base, 0, 0, null);
            int d = size * 5 / 8;
            g.setColor(new Color(0xCF, 0x22, 0x2E));
            g.fillOval(size - d, 0, d, d);
            g.setColor(Color.WHITE);
            String text = count > 99 ? "99+" : Integer.toString(count);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, d * (text.length() > 1 ? 5 : 7) / 10)));
            var m = g.getFontMetrics();
            g.drawString(text, size - d + (d - m.stringWidth(text)) / 2, (d - m.getHeight()) / 2 + m.getAscent());
        } finally {
            g.dispose();
        }
        return img;
    }

    @Override
    public void close() {
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        java.awt.EventQueue.invokeLater(() -> {
            if (icon != null) {
                SystemTray.getSystemTray().remove(icon);
                icon = null;
            }
        });
    }
}
