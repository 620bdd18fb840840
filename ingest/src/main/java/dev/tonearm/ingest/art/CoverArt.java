package dev.tonearm.ingest.art;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Cover art: recognises the picture by its bytes (tags often lie about the type), refuses decompression bombs
 * before decoding (the header's dimensions are checked first), and scales it down to square-bounded JPEG
 * thumbnails with javax.imageio. Pictures it cannot decode are skipped, never fatal to an ingest.
 */
public final class CoverArt {
  /** Thumbnail sizes in pixels: the box each one fits in. */
  public static final List<Integer> SIZES = List.of(600, 200);
  static final int MAX_BYTES = 20 << 20;
  static final long MAX_PIXELS = 40_000_000L;
  private static final float JPEG_QUALITY = 0.85f;

  private CoverArt() {}

  /** A decodable picture: its file extension and its thumbnails as JPEG bytes, by size. */
  public record Thumbnails(String extension, Map<Integer, byte[]> jpegs) {}

  public static Optional<Thumbnails> thumbnails(byte[] picture) {
    Optional<String> extension = extension(picture);
    if (extension.isEmpty() || picture.length > MAX_BYTES) {
      return Optional.empty();
    }
    try {
      BufferedImage image = decode(picture);
      if (image == null) {
        return Optional.empty();
      }
      Map<Integer, byte[]> jpegs = new LinkedHashMap<>();
      for (int size : SIZES) {
        jpegs.put(size, jpeg(fit(image, size)));
      }
      return Optional.of(new Thumbnails(extension.get(), jpegs));
    } catch (IOException | RuntimeException | OutOfMemoryError broken) {
      return Optional.empty();
    }
  }

  /** The picture's type from its first bytes: jpg, png, gif, webp or bmp. */
  public static Optional<String> extension(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of("jpg");
    } else if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return Optional.of("png");
    } else if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return Optional.of("gif");
    } else if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W'
        && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return Optional.of("webp");
    } else if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
      return Optional.of("bmp");
    }
    return Optional.empty();
  }

  public static String contentType(String extension) {
    return switch (extension) {
      case "jpg" -> "image/jpeg";
      case "png" -> "image/png";
      case "gif" -> "image/gif";
      case "webp" -> "image/webp";
      case "bmp" -> "image/bmp";
      default -> "application/octet-stream";
    };
  }

  /** Decodes after checking the declared dimensions, so a tiny file claiming 100k × 100k is refused. */
  private static BufferedImage decode(byte[] picture) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(picture))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels <= 0 || pixels > MAX_PIXELS) {
          return null;
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    }
  }

  /** Scales down (never up) to fit a {@code box}-pixel square, halving in steps so quality holds. */
  static BufferedImage fit(BufferedImage source, int box) {
    BufferedImage current = rgb(source);
    double scale = Math.min(1.0, (double) box / Math.max(current.getWidth(), current.getHeight()));
    int targetW = Math.max(1, (int) Math.round(current.getWidth() * scale));
    int targetH = Math.max(1, (int) Math.round(current.getHeight() * scale));
    while (current.getWidth() != targetW || current.getHeight() != targetH) {
      int w = Math.max(targetW, current.getWidth() / 2);
      int h = Math.max(targetH, current.getHeight() / 2);
      current = draw(current, w, h);
    }
    return current;
  }

  private static BufferedImage rgb(BufferedImage source) {
    if (source.getType() == BufferedImage.TYPE_INT_RGB) {
      return source;
    }
    return draw(source, source.getWidth(), source.getHeight());
  }

  private static BufferedImage draw(BufferedImage source, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE); // transparent pixels become white, not black
      g.fillRect(0, 0, w, h);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
