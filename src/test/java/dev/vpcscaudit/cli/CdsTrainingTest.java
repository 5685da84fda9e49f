package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The build's class-data-sharing training run takes every path it means to: offline runs exit 0 or
 * 1, the live run against the closed loopback port exits 3 (so the live classes loaded).
 */
class CdsTrainingTest {

  @Test
  void everyTrainingPathRunsAsExpected() throws Exception {
    assertThat(
            CdsTraining.train(
                Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString(),
                Fixtures.repoRoot().resolve("samples/supported-services.json").toString()))
        .isEmpty();
  }
}
