package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputTargetTest {

  @Test
  void colourOnlyOnATerminalWithoutNoColorAndNotIntoAFile() {
    assertThat(OutputTarget.useColor(true, null, null)).isTrue();
    assertThat(OutputTarget.useColor(true, "", null)).isTrue();
    assertThat(OutputTarget.useColor(false, null, null)).isFalse();
    assertThat(OutputTarget.useColor(true, "1", null)).isFalse();
    assertThat(OutputTarget.useColor(true, null, Path.of("r.txt"))).isFalse();
  }
}
