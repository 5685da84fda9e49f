package dev.vpcscaudit.network;

/**
 * An IPv4 prefix ({@code 199.36.153.4/30}), enough to decide whether a route or an advertisement
 * covers the restricted VIP and which of two routes is more specific. IPv6 prefixes parse to null:
 * the on-premises path the GDC guide describes is IPv4.
 *
 * @param base the first address, as an unsigned 32-bit value
 * @param length the prefix length, 0 to 32
 */
public record Cidr(long base, int length) {

  /** The restricted VIP's IPv4 range (facts section 8). */
  public static final Cidr RESTRICTED_VIP = parse("199.36.153.4/30");

  /** Parses {@code a.b.c.d/n} (or a bare address, as /32); null for anything else. */
  public static Cidr parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    int length;
    try {
      length = slash < 0 ? 32 : Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      return null;
    }
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4 || length < 0 || length > 32) {
      return null;
    }
    long value = 0;
    for (String p : parts) {
      if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
        return null;
      }
      value = (value << 8) | Integer.parseInt(p);
    }
    return new Cidr(value & mask(length), length);
  }

  /** True when every address of {@code other} is in this prefix. */
  public boolean covers(Cidr other) {
    return length <= other.length && (other.base & mask(length)) == base;
  }

  /** True when {@code address} (a 32-bit value) is in this prefix. */
  public boolean contains(long address) {
    return (address & mask(length)) == base;
  }

  /** The number of addresses, for walking a small range such as the VIP's four. */
  public long size() {
    return 1L << (32 - length);
  }

  private static long mask(int length) {
    return length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
  }

  @Override
  public String toString() {
    return ((base >> 24) & 255)
        + "."
        + ((base >> 16) & 255)
        + "."
        + ((base >> 8) & 255)
        + "."
        + (base & 255)
        + "/"
        + length;
  }
}
