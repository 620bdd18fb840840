package dev.tonearm.server.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A bare HTTP/1.1 GET client over one kept-alive loopback connection, for one load thread at a time. The benchmark
 * shares two cores between the server and its client, so the client should cost as little as a load generator on
 * another machine would: blocking socket I/O on the calling thread, no selector or executor hand-offs. Reads
 * {@code Content-Length} and chunked bodies; reconnects when the server closes the connection.
 */
final class KeepAliveClient implements AutoCloseable {
  /** A status code and its body. */
  record Response(int status, byte[] body) {}

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveClient(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** GET {@code pathAndQuery} (already encoded) with an {@code Authorization: Bearer} header. */
  Response get(String pathAndQuery, String bearerToken) throws IOException {
    byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nAuthorization: Bearer " + bearerToken + "\r\nAccept: application/json\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    if (socket == null) {
      connect();
    }
    try {
      return exchange(request);
    } catch (IOException stale) { // the server may have closed an idle connection: one fresh try
      close();
      connect();
      return exchange(request);
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(60_000);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  private Response exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    String statusLine = line();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    long length = -1;
    boolean chunked = false;
    boolean closes = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
      String value = colon < 0 ? "" : header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> closes = value.contains("close");
        default -> { }
      }
    }
    byte[] body = chunked ? chunkedBody() : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
    if (closes || (!chunked && length < 0)) {
      close();
    }
    return new Response(status, body);
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        while (!line().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(n));
      line(); // the CRLF after each chunk
    }
  }

  /** One header line without its CRLF. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed mid-response");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
