package dev.vpcscaudit.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Generated test inputs for property tests, run as JUnit 5 parameterized tests: a seeded {@link
 * Random}, so that every run tries the same cases and a failure replays. The seed is fixed; pass
 * {@code -Dvpcsc.seed=N} to try other cases, and the case's name carries its seed and index.
 *
 * <p>Written here because the property-testing library the suite used before (jqwik) asks automated
 * tools not to use it and prints so in every test run; what the suite needs is a few generators of
 * strings, numbers and lists, which {@link Random} gives.
 */
public final class Gen {

  /** The seed of every generated case. */
  public static long seed() {
    return Long.getLong("vpcsc.seed", 20261202L);
  }

  private final Random random;

  private Gen(long seed) {
    this.random = new Random(seed);
  }

  /**
   * {@code tries} cases, each made by {@code make} from its own generator (seeded from the seed,
   * {@code salt} and the case's index), as parameterized-test arguments named by index and seed.
   */
  public static <T> Stream<Arguments> cases(int tries, String salt, Function<Gen, T> make) {
    long seed = seed();
    return IntStream.range(0, tries)
        .mapToObj(
            i -> {
              T value = make.apply(new Gen(seed * 31 + salt.hashCode() * 1_000_003L + i));
              return Arguments.of(Named.of("case " + i + " (seed " + seed + ")", value));
            });
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  public int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  /** One of {@code choices}. */
  @SafeVarargs
  public final <T> T oneOf(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** Up to {@code maxSize} elements of {@code pool}, repeats allowed. */
  public <T> List<T> list(List<T> pool, int maxSize) {
    return IntStream.range(0, between(0, maxSize))
        .mapToObj(i -> pool.get(random.nextInt(pool.size())))
        .toList();
  }

  /** Up to {@code maxLength} characters drawn from {@code chars}. */
  public String string(String chars, int maxLength) {
    StringBuilder out = new StringBuilder();
    for (int i = between(0, maxLength); i > 0; i--) {
      out.append(chars.charAt(random.nextInt(chars.length())));
    }
    return out.toString();
  }

  /** Up to {@code maxLength} characters of {@code chars} or the range {@code from}-{@code to}. */
  public String string(String chars, char from, char to, int maxLength) {
    StringBuilder out = new StringBuilder();
    for (int i = between(0, maxLength); i > 0; i--) {
      out.append(
          random.nextBoolean()
              ? chars.charAt(random.nextInt(chars.length()))
              : (char) between(from, to));
    }
    return out.toString();
  }

  /**
   * Up to {@code maxLength} of any character: mostly ASCII, some control characters and some from
   * the rest of the Basic Multilingual Plane (no lone surrogates, which no text file holds).
   */
  public String anyString(int maxLength) {
    StringBuilder out = new StringBuilder();
    for (int i = between(0, maxLength); i > 0; i--) {
      int kind = random.nextInt(10);
      char c;
      if (kind < 6) {
        c = (char) between(0x20, 0x7e);
      } else if (kind < 8) {
        c = (char) between(0x00, 0x1f);
      } else {
        int v = between(0xa0, 0xfffd - 0x800);
        c = (char) (v >= 0xd800 ? v + 0x800 : v);
      }
      out.append(c);
    }
    return out.toString();
  }
}
