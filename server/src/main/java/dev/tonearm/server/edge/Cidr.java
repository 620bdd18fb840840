package dev.tonearm.server.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An {@code AWS:SourceIp} condition: an IPv4 or IPv6 address block ({@code 192.0.2.0/24}); a bare address is /32 or /128. */
record Cidr(byte[] network, int prefixLength) {
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  static Optional<Cidr> parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (!LITERAL.matcher(address).matches()) {
      return Optional.empty(); // only literals: never a DNS lookup
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (bits < 0 || bits > bytes.length * 8) {
        return Optional.empty();
      }
      return Optional.of(new Cidr(bytes, bits));
    } catch (UnknownHostException | NumberFormatException malformed) {
      return Optional.empty();
    }
  }

  boolean contains(InetAddress client) {
    byte[] address = client.getAddress();
    if (address.length != network.length) {
      return false; // an IPv4 block never admits an IPv6 client, nor the other way round
    }
    for (int bit = 0; bit < prefixLength; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
