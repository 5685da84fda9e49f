package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputOptionTest {

  @Test
  void colourOnlyOnATerminalWithoutNoColorAndNotIntoAFile() {
    assertThat(OutputOption.useColor(true, null, null)).isTrue();
    assertThat(OutputOption.useColor(true, "", null)).isTrue();
    assertThat(OutputOption.useColor(false, null, null)).isFalse();
    assertThat(OutputOption.useColor(true, "1", null)).isFalse();
    assertThat(OutputOption.useColor(true, null, Path.of("r.txt"))).isFalse();
  }
}
