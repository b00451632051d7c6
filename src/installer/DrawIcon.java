import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws Arbiter's application icon, a balance in the workbench's accent colour, and writes it as the PNG (Linux),
 * ICO (Windows) and ICNS (macOS) that jpackage wants. Not part of the build: the three files are committed; run
 * {@code java src/installer/DrawIcon.java src/installer} after changing the drawing. ICO and ICNS both hold PNGs,
 * so no image library beyond ImageIO is needed.
 */
public final class DrawIcon {

    private static final Color ACCENT = new Color(0x3b5bdb); // -arb-accent in css/arbiter.css
    private static final Color PAPER = new Color(0xf8f9fa);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        byte[] png256 = png(draw(256));
        Files.write(dir.resolve("arbiter.png"), png256);
        Files.write(dir.resolve("arbiter.ico"), ico(new int[] {16, 32, 48, 256}));
        Files.write(dir.resolve("arbiter.icns"), icns());
    }

    /** The balance: a rounded tile, a post on a foot, a beam, and two pans hanging from it. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setColor(ACCENT);
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        g.setColor(PAPER);
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(128, 52, 128, 196)); // post
        g.draw(new Line2D.Double(88, 200, 168, 200)); // foot
        g.draw(new Line2D.Double(52, 76, 204, 76)); // beam
        g.fillOval(116, 40, 24, 24); // pivot
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int x : new int[] {72, 184}) {
            Path2D strings = new Path2D.Double();
            strings.moveTo(x - 28, 136);
            strings.lineTo(x, 80);
            strings.lineTo(x + 28, 136);
            g.draw(strings);
            g.fill(new Arc2D.Double(x - 34, 112, 68, 48, 180, 180, Arc2D.CHORD)); // pan
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An ICO whose entries are PNGs (Windows Vista and later read them). All numbers little-endian. */
    static byte[] ico(int[] sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(draw(sizes[i]));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeShort(Short.reverseBytes((short) 1)); // type: icon
        out.writeShort(Short.reverseBytes((short) sizes.length));
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            out.writeByte(sizes[i] >= 256 ? 0 : sizes[i]); // 0 means 256
            out.writeByte(sizes[i] >= 256 ? 0 : sizes[i]);
            out.writeByte(0); // no palette
            out.writeByte(0);
            out.writeShort(Short.reverseBytes((short) 1)); // colour planes
            out.writeShort(Short.reverseBytes((short) 32)); // bits per pixel
            out.writeInt(Integer.reverseBytes(images[i].length));
            out.writeInt(Integer.reverseBytes(offset));
            offset += images[i].length;
        }
        for (byte[] image : images) {
            out.write(image);
        }
        return bytes.toByteArray();
    }

    /** An ICNS with PNG entries: ic07 (128 px), ic08 (256 px), ic09 (512 px). All numbers big-endian. */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(entries);
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(draw(sizes[i]));
            out.writeBytes(types[i]);
            out.writeInt(8 + image.length);
            out.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + entries.size());
        header.write(entries.toByteArray());
        return file.toByteArray();
    }
}
