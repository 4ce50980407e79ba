package dev.tenancy.keycloak.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A horizontal bar chart of throughput per scenario, drawn with Java2D (headless), saved as PNG. */
final class BenchmarkChart {

    private BenchmarkChart() {
    }

    static void write(List<LoadRun.Result> results, String title, Path png) throws IOException {
        int rowHeight = 44;
        int width = 960;
        int left = 300;
        int right = 150;
        int top = 60;
        int height = top + rowHeight * results.size() + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, 20, 32);

        double max = results.stream().mapToDouble(LoadRun.Result::requestsPerSecond).max().orElse(1);
        double floor = results.get(0).requestsPerSecond();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int i = 0; i < results.size(); i++) {
            LoadRun.Result result = results.get(i);
            int y = top + i * rowHeight;
            int bar = (int) Math.round((width - left - right) * result.requestsPerSecond() / max);
            g.setColor(result.name().startsWith("API key") ? new Color(0x0066CC) : new Color(0x8A8D90));
            g.fillRect(left, y + 8, Math.max(bar, 1), rowHeight - 16);
            g.setColor(Color.DARK_GRAY);
            g.drawString(result.name(), 20, y + rowHeight / 2 + 5);
            g.drawString(String.format(Locale.ROOT, "%,.0f/s  (%.2f×)", result.requestsPerSecond(),
                    result.requestsPerSecond() / floor), left + bar + 8, y + rowHeight / 2 + 5);
        }
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(left, top, left, top + rowHeight * results.size());
        g.setColor(Color.GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("requests per second, 16 concurrent connections; ratio to the floor (.well-known) in brackets",
                20, height - 14);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
