package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The build's class-data-sharing training run takes every path it means to: every run, offline and
 * live against the canned loopback answers, exits 0 or 1 (so each path ran to its report).
 */
class CdsTrainingTest {

  @Test
  void everyTrainingPathRunsAsExpected() throws Exception {
    assertThat(
            CdsTraining.train(
                Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString(),
                Fixtures.repoRoot().resolve("samples/supported-services.json").toString(),
                /* live= */ true))
        .isEmpty();
  }
}
