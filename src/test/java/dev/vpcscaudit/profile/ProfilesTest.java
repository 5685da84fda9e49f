package dev.vpcscaudit.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfilesTest {

  private static final String VALID =
      """
      formatVersion: 1
      name: mine
      requiredServices:
        - logging.googleapis.com
        - storage.googleapis.com
      """;

  @Test
  void theBuildShipsEveryProfileOfPoliciesByteForByte() throws IOException {
    // The build compiles policies/*.yaml into constants (src/build/GenerateSources.java).
    try (Stream<Path> files = Files.list(Fixtures.repoRoot().resolve("policies"))) {
      java.util.List<Path> yaml =
          files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertThat(Profiles.shippedNames())
          .containsExactlyElementsOf(
              yaml.stream().map(f -> f.getFileName().toString().replace(".yaml", "")).toList());
      for (Path f : yaml) {
        String name = f.getFileName().toString().replace(".yaml", "");
        assertThat(Profiles.shippedText(name)).isEqualTo(Files.readString(f));
        // The audit reads the JSON the build made of it: the same profile as the YAML's.
        assertThat(Profiles.resolve(name))
            .usingRecursiveComparison()
            .isEqualTo(Profiles.parse(Files.readString(f), "profile " + name, "shipped"));
      }
    }
  }

  @Test
  void shippedGdcProfileHasTheFourteenServices() {
    Profile p = Profiles.resolve("gdc-bare-metal");

    assertThat(p.requiredServices())
        .containsExactly(
            "artifactregistry.googleapis.com",
            "cloudresourcemanager.googleapis.com",
            "compute.googleapis.com",
            "connectgateway.googleapis.com",
            "containerregistry.googleapis.com",
            "gkeconnect.googleapis.com",
            "gkehub.googleapis.com",
            "gkeonprem.googleapis.com",
            "iam.googleapis.com",
            "logging.googleapis.com",
            "monitoring.googleapis.com",
            "opsconfigmonitoring.googleapis.com",
            "servicecontrol.googleapis.com",
            "storage.googleapis.com");
    assertThat(p.vpcAccessibleServicesRequired()).isTrue();
    assertThat(p.sourceDocument()).contains("Harden");
    assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("--skip-api-check"));
    assertThat(p.origin()).isEqualTo("shipped");
  }

  @Test
  void shippedNamesMatchThePoliciesDirectory() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.repoRoot().resolve("policies"))) {
      assertThat(files.map(f -> f.getFileName().toString().replaceFirst("\\.yaml$", "")))
          .containsExactlyInAnyOrderElementsOf(Profiles.shippedNames());
    }
  }

  @Test
  void readsAUserFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(file, VALID + "vpcAccessibleServices:\n  required: false\n");

    Profile p = Profiles.resolve(file.toString());

    assertThat(p.name()).isEqualTo("mine");
    assertThat(p.requiredServices()).hasSize(2);
    assertThat(p.vpcAccessibleServicesRequired()).isFalse();
    assertThat(p.origin()).isEqualTo(file.toString());
  }

  @Test
  void accessLevelThresholdsAndAcceptedIdentitiesAreReadAndChecked() {
    var p =
        Profiles.parse(
            VALID
                + "maxIpPrefix: {ipv4: 20, ipv6: 56}\n"
                + "allowIngressIdentities: [ANY_SERVICE_ACCOUNT,"
                + " 'serviceAccount:ci@p.iam.gserviceaccount.com']\n",
            "p.yaml",
            "test");
    assertThat(p.maxIpv4Prefix()).isEqualTo(20);
    assertThat(p.maxIpv6Prefix()).isEqualTo(56);
    assertThat(p.allowIngressIdentities())
        .containsExactly("ANY_SERVICE_ACCOUNT", "serviceAccount:ci@p.iam.gserviceaccount.com");
    assertThat(Profiles.parse(VALID, "p.yaml", "test").maxIpv4Prefix()).isEqualTo(16);
    assertThatThrownBy(() -> Profiles.parse(VALID + "maxIpPrefix: {ipv4: 33}\n", "p.yaml", "t"))
        .hasMessage("p.yaml: key 'maxIpPrefix.ipv4': expected a prefix length from 0 to 32");
    assertThatThrownBy(
            () -> Profiles.parse(VALID + "allowIngressIdentities: [everyone]\n", "p.yaml", "t"))
        .hasMessageContaining("'everyone' is neither an identity type");
  }

  @Test
  void vpcRequirementDefaultsToTrue() {
    assertThat(Profiles.parse(VALID, "p.yaml", "test").vpcAccessibleServicesRequired()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "formatVersion: 1\\nname: x\\nrequiredServices: [logging.googleapis.com]\\nextra: 1"
            + "| p.yaml: unknown key 'extra'",
        "formatVersion: 1\\nname: x\\nrequiredServices: [logging.googleapis.com]\\nsource: {url: x}"
            + "| p.yaml: unknown key 'source.url'",
        "formatVersion: 1\\nname: x\\nrequiredServices: []| p.yaml: key 'requiredServices': the list is empty",
        "formatVersion: 1\\nname: x\\nrequiredServices: [Logging]"
            + "| p.yaml: key 'requiredServices[0]': 'Logging' is not a service name",
        "formatVersion: 1\\nname: x\\nrequiredServices: [a.googleapis.com, a.googleapis.com]"
            + "| p.yaml: key 'requiredServices[1]': 'a.googleapis.com' is listed twice",
        "formatVersion: 2\\nname: x\\nrequiredServices: [a.googleapis.com]"
            + "| p.yaml: key 'formatVersion': unsupported version 2",
        "name: x\\nrequiredServices: [a.googleapis.com]| p.yaml: missing key 'formatVersion'",
        "formatVersion: 1\\nrequiredServices: [a.googleapis.com]| p.yaml: missing key 'name'",
        "formatVersion: 1\\nname: x| p.yaml: missing key 'requiredServices'",
        "formatVersion: 1\\nname: x\\nrequiredServices: [a.googleapis.com]\\nnotes: []"
            + "| p.yaml: key 'notes': the list is empty",
        "formatVersion: 1\\nname: x\\nrequiredServices: [a.googleapis.com]\\nvpcAccessibleServices: {required: yes please}"
            + "| p.yaml: key 'vpcAccessibleServices.required': expected true or false",
        "formatVersion: 1\\nname: x\\nrequiredServices: [a.googleapis.com]\\nrestrictedVip: {hostnames: [Bad_Host]}"
            + "| p.yaml: key 'restrictedVip.hostnames[0]': 'Bad_Host' is not a host name",
        "- a\\n- b| p.yaml: expected a mapping",
        "formatVersion: 1\\n  bad: [| p.yaml: not valid YAML",
        "'  '| p.yaml: the file is empty",
      })
  void rejectsMalformedProfiles(String yaml, String message) {
    assertThatThrownBy(() -> Profiles.parse(yaml.replace("\\n", "\n"), "p.yaml", "test"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("\n");
  }

  @Test
  void unknownShippedNameListsTheShippedOnes() {
    assertThatThrownBy(() -> Profiles.resolve("gdc"))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "--profile gdc: no shipped profile of that name (shipped: gdc-bare-metal); to use your"
                + " own, pass the path of its YAML file");
  }
}
