package dev.vpcscaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider stand-in works with the real terraform: a perimeter the model knows validates; an
 * argument it does not know, or a list where a string goes, does not.
 */
class ProviderStandInTest {

  @TempDir Path dir;

  Processes.Result validate(String main) throws Exception {
    Files.writeString(dir.resolve("main.tf"), main);
    return ProviderStandIn.validate(dir);
  }

  static final String GOOD =
      Fixtures.repoRoot().resolve("src/test/resources/tfpatch/resource/main.tf").toFile().getPath();

  @Test
  void theCorpusPerimeterValidatesAndAWrongOneDoesNot() throws Exception {
    String good = Files.readString(Path.of(GOOD));

    Processes.Result ok = validate(good);
    assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).contains("The configuration is valid");

    Processes.Result unknown =
        validate(good.replace("restricted_services = [", "restricted_servics = ["));
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.out() + unknown.err()).contains("restricted_servics");

    Processes.Result listForString =
        validate(good.replace("title  = \"gdc\"", "title  = [\"gdc\"]"));
    assertThat(listForString.code()).isNotZero();
    assertThat(listForString.out() + listForString.err()).contains("title");
  }
}
