package dev.vpcscaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Processes;
import dev.vpcscaudit.testing.RealGcloud;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gcloud commands that network findings show are parsed by the REAL gcloud: every flag and
 * value is accepted (gcloud then calls the loopback fake, which refuses writes; a usage error would
 * exit 2 before any call).
 */
class RealGcloudNetworkStepsTest {

  @Test
  void gcloudAcceptsEveryNetworkCommand(@TempDir Path dir) {
    Set<String> commands = new LinkedHashSet<>();
    for (AuditResult r : RulesTest.scenarios()) {
      for (Finding f : r.findings()) {
        if (f.rule().category() != Category.NETWORK) {
          continue;
        }
        if (f.remedy(Stage.ENFORCE) instanceof Remedy.NetworkFix fix) {
          commands.addAll(fix.commands());
        } else if (f.remedy(Stage.ENFORCE) instanceof Remedy.Manual m
            && m.step().toString().startsWith("gcloud ")) {
          commands.addAll(List.of(m.step().toString().split(" && ")));
        }
      }
    }
    assertThat(commands)
        .anyMatch(c -> c.startsWith("gcloud compute routes create"))
        .anyMatch(c -> c.startsWith("gcloud dns managed-zones create"))
        .anyMatch(c -> c.startsWith("gcloud dns record-sets create"))
        .anyMatch(c -> c.startsWith("gcloud dns record-sets delete"))
        .anyMatch(c -> c.startsWith("gcloud dns policies create"));
    List<String> refused = new ArrayList<>();
    try (FakeGcp fake = new FakeGcp()) {
      Map<String, String> endpoints =
          Map.of(
              "CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE", fake.url() + "/compute/v1/",
              "CLOUDSDK_API_ENDPOINT_OVERRIDES_DNS", fake.url() + "/dns/v1/");
      for (String command : commands) {
        Processes.Result run =
            RealGcloud.run(List.of("bash", "-c", command + " --quiet"), fake, dir, endpoints);
        if (run.code() == 2
            || run.err().contains("unrecognized arguments")
            || run.err().contains("argument --")) {
          refused.add(command + "\n  " + run.err().strip());
        }
      }
      assertThat(fake.requests()).as("gcloud reached the fake for every command").isNotEmpty();
    }
    assertThat(refused).as("commands the real gcloud refused as usage errors").isEmpty();
  }
}
