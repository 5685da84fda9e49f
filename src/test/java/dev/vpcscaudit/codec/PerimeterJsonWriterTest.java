package dev.vpcscaudit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerimeterJsonWriterTest {

  @Test
  void theSampleRoundTripsToTheSameJson() throws Exception {
    String text = Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    List<ServicePerimeter> perimeters = Fixtures.perimeters(text);

    String written = PerimeterJsonWriter.write(perimeters);

    ObjectMapper json = new ObjectMapper();
    // PERIMETER_TYPE_REGULAR is the enum's default, which the REST API omits; so does the writer.
    String expected = text.replace("\"perimeterType\": \"PERIMETER_TYPE_REGULAR\",", "");
    assertThat(json.readTree(written)).isEqualTo(json.readTree(expected));
    assertThat(Fixtures.perimeters(written)).isEqualTo(perimeters);
  }

  @Test
  void everyModeledFieldRoundTrips() {
    String full =
        """
        [{"name": "accessPolicies/1/servicePerimeters/full", "title": "t", "description": "d", "etag": "\\"e\\"",
          "perimeterType": "PERIMETER_TYPE_BRIDGE", "useExplicitDryRunSpec": true,
          "spec": {"resources": ["projects/1"]},
          "status": {
            "resources": ["projects/1"], "accessLevels": ["accessPolicies/1/accessLevels/a"],
            "restrictedServices": ["storage.googleapis.com"],
            "vpcAccessibleServices": {"enableRestriction": true, "allowedServices": ["RESTRICTED-SERVICES"],
              "allowedServicePatterns": [{"service": "storage.googleapis.com", "pattern": "p"}],
              "servicePatternsEnforcementScopes": ["GOOGLE_APIS_VIA_PRIVATE_PATH"]},
            "ingressPolicies": [{"title": "in", "ingressFrom": {"identityType": "ANY_IDENTITY", "identities": ["user:a@b.c"],
              "sources": [{"accessLevel": "*"}, {"resource": "projects/2"}]},
              "ingressTo": {"operations": [{"serviceName": "s.googleapis.com", "methodSelectors": [{"method": "m"}, {"permission": "p"}]}],
              "resources": ["*"], "roles": ["roles/viewer"]}}],
            "egressPolicies": [{"title": "out", "egressFrom": {"identityType": "ANY_USER_ACCOUNT", "identities": ["user:x@y.z"],
              "sources": [{"accessLevel": "a"}], "sourceRestriction": "SOURCE_RESTRICTION_ENABLED"},
              "egressTo": {"operations": [{"serviceName": "t.googleapis.com"}], "resources": ["projects/3"],
              "externalResources": ["s3://b"], "roles": ["roles/editor"]}}]}}]
        """;
    List<ServicePerimeter> perimeters = Fixtures.perimeters(full);

    assertThat(Fixtures.perimeters(PerimeterJsonWriter.write(perimeters))).isEqualTo(perimeters);
  }
}
