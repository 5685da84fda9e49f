package dev.vpcscaudit.audit;

import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.AccessLevel;
import dev.vpcscaudit.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access levels of the policies audited, by full name, and what each admits as far as its IP
 * ranges tell: every address, a range wider than the profile allows, only narrow ranges, or
 * something the audit cannot evaluate (a custom CEL level, a device policy), which is never taken
 * as passing.
 */
public final class AccessLevels {

  /** No level was read: the access-level checks did not run. */
  public static final AccessLevels NOT_READ = new AccessLevels(null);

  private final Map<String, AccessLevel> byName;

  private AccessLevels(Map<String, AccessLevel> byName) {
    this.byName = byName;
  }

  /** The levels read (those of every policy read; a policy with none adds nothing). */
  public static AccessLevels of(List<AccessLevel> levels) {
    Map<String, AccessLevel> map = new LinkedHashMap<>();
    levels.forEach(l -> map.put(l.name(), l));
    return new AccessLevels(map);
  }

  public boolean read() {
    return byName != null;
  }

  /** The level named {@code name}, or null when it does not exist (or none was read). */
  public AccessLevel get(String name) {
    return byName == null ? null : byName.get(name);
  }

  /** What a level admits. */
  public enum Reach {
    /** Requests from any address (a condition of IP ranges only, with 0.0.0.0/0 or ::/0). */
    EVERY_IP,
    /** A range wider than the profile's {@code maxIpPrefix}. */
    TOO_BROAD,
    /** Only ranges the profile accepts, or requirements that are not about addresses. */
    NARROW,
    /** A custom (CEL) level or a device policy: not evaluated, never taken as passing. */
    NOT_EVALUATED
  }

  /** The reach of a level, with the ranges or the reason behind it. */
  public record Evaluation(Reach reach, Text why) {}

  /** Evaluates {@code level} against {@code profile}'s {@code maxIpPrefix}. */
  public static Evaluation evaluate(AccessLevel level, Profile profile) {
    if (level.custom()) {
      return new Evaluation(Reach.NOT_EVALUATED, Text.of("level.custom"));
    }
    if (level.conditions().stream().anyMatch(AccessLevel.Condition::devicePolicy)) {
      return new Evaluation(Reach.NOT_EVALUATED, Text.of("level.device-policy"));
    }
    List<Boolean> open = new ArrayList<>();
    List<Object> wide = new ArrayList<>();
    for (AccessLevel.Condition c : level.conditions()) {
      boolean onlyAddresses = c.otherRequirements().isEmpty();
      boolean everyAddress = c.ipSubnetworks().stream().anyMatch(r -> prefix(r) == 0);
      // A negated condition of ranges admits every address outside them: the internet.
      open.add(onlyAddresses && (c.negate() || c.ipSubnetworks().isEmpty() || everyAddress));
      for (String range : c.ipSubnetworks()) {
        int length = prefix(range);
        int max = range.contains(":") ? profile.maxIpv6Prefix() : profile.maxIpv4Prefix();
        if (c.negate()) {
          wide.add(Text.of("level.negated", range));
        } else if (length < 0) {
          return new Evaluation(Reach.NOT_EVALUATED, Text.of("level.not-a-range", range));
        } else if (length < max) {
          wide.add(range);
        }
      }
    }
    boolean every =
        !open.isEmpty()
            && (level.combineWithOr()
                ? open.contains(Boolean.TRUE)
                : open.stream().allMatch(Boolean::booleanValue));
    if (every) {
      return new Evaluation(
          Reach.EVERY_IP,
          wide.isEmpty()
              ? Text.of("level.no-requirement")
              : Text.of("level.admits", Text.list(wide)));
    }
    if (!wide.isEmpty()) {
      return new Evaluation(
          Reach.TOO_BROAD,
          Text.of(
              "level.too-broad",
              Text.list(wide),
              profile.maxIpv4Prefix(),
              profile.maxIpv6Prefix()));
    }
    return new Evaluation(Reach.NARROW, Text.verbatim(""));
  }

  /** The prefix length of {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a lone address is a host. */
  static int prefix(String range) {
    int slash = range.indexOf('/');
    boolean v6 = range.contains(":");
    if (slash < 0) {
      return v6 ? 128 : 32;
    }
    try {
      int n = Integer.parseInt(range.substring(slash + 1));
      return n < 0 || n > (v6 ? 128 : 32) ? -1 : n;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
