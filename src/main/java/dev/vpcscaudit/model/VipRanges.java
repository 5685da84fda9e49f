package dev.vpcscaudit.model;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The Google API VIP ranges (facts section 8): restricted.googleapis.com is 199.36.153.4/30 and
 * 2600:2d00:0002:1000::/56 (older pages say /64, which the /56 contains); private.googleapis.com is
 * 199.36.153.8/30 and 2600:2d00:0002:2000::/56.
 */
public final class VipRanges {

  public static final String RESTRICTED_V4 = "199.36.153.4/30";
  public static final String RESTRICTED_V6 = "2600:2d00:2:1000::/56";
  public static final String PRIVATE_V4 = "199.36.153.8/30";
  public static final String PRIVATE_V6 = "2600:2d00:2:2000::/56";

  private VipRanges() {}

  public static boolean isRestricted(String address) {
    return in(address, RESTRICTED_V4) || in(address, RESTRICTED_V6);
  }

  public static boolean isPrivate(String address) {
    return in(address, PRIVATE_V4) || in(address, PRIVATE_V6);
  }

  /** True when the literal {@code address} is inside {@code cidr} (same address family). */
  static boolean in(String address, String cidr) {
    int slash = cidr.indexOf('/');
    byte[] a = bytes(address);
    byte[] net = bytes(cidr.substring(0, slash));
    if (a.length != net.length) {
      return false;
    }
    int bits = Integer.parseInt(cidr.substring(slash + 1));
    int total = a.length * 8;
    BigInteger mask =
        BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE).shiftRight(bits).not();
    return new BigInteger(1, a).and(mask).equals(new BigInteger(1, net).and(mask));
  }

  private static byte[] bytes(String literal) {
    try {
      // Only literals reach here: getByName does no lookup for them.
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal, e);
    }
  }
}
