package dev.vpcscaudit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.model.EgressPolicy;
import dev.vpcscaudit.model.IngressPolicy;
import dev.vpcscaudit.model.PerimeterType;
import dev.vpcscaudit.model.ServicePerimeter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerimeterJsonReaderTest {

  private static List<ServicePerimeter> read(String json) {
    return PerimeterJsonReader.readPerimeters(
        PerimeterJsonReader.parseTree(json, "in.json"), "in.json");
  }

  @Test
  void readsEveryModeledField() {
    String json =
        """
        {
          "name": "accessPolicies/1/servicePerimeters/p_1",
          "title": "P one",
          "description": "d",
          "etag": "\\"abc\\"",
          "perimeterType": "PERIMETER_TYPE_REGULAR",
          "useExplicitDryRunSpec": true,
          "status": {
            "resources": ["projects/1", "//compute.googleapis.com/projects/x/global/networks/n"],
            "accessLevels": ["accessPolicies/1/accessLevels/corp"],
            "restrictedServices": ["storage.googleapis.com"],
            "vpcAccessibleServices": {
              "enableRestriction": true,
              "allowedServices": ["RESTRICTED-SERVICES"],
              "allowedServicePatterns": [{"service": "storage.googleapis.com", "pattern": "storage.googleapis.com/b/x/*"}],
              "servicePatternsEnforcementScopes": ["GOOGLE_APIS_VIA_PRIVATE_PATH"]
            },
            "ingressPolicies": [{
              "title": "in",
              "ingressFrom": {"identityType": "ANY_IDENTITY", "identities": [], "sources": [{"accessLevel": "*"}, {"resource": "projects/9"}]},
              "ingressTo": {"operations": [{"serviceName": "storage.googleapis.com", "methodSelectors": [{"method": "google.storage.objects.get"}, {"permission": "storage.objects.list"}]}], "resources": ["*"], "roles": ["roles/storage.objectViewer"]}
            }],
            "egressPolicies": [{
              "title": "out",
              "egressFrom": {"identities": ["user:a@example.com"], "sources": [{"accessLevel": "accessPolicies/1/accessLevels/corp"}], "sourceRestriction": "SOURCE_RESTRICTION_ENABLED"},
              "egressTo": {"operations": [{"serviceName": "bigquery.googleapis.com"}], "resources": ["projects/8"], "externalResources": ["s3://bucket"], "roles": ["roles/bigquery.dataViewer"]}
            }]
          }
        }
        """;
    ServicePerimeter p = read(json).get(0);

    assertThat(p.name()).isEqualTo("accessPolicies/1/servicePerimeters/p_1");
    assertThat(p.policy()).isEqualTo("accessPolicies/1");
    assertThat(p.policyNumber()).isEqualTo("1");
    assertThat(p.shortName()).isEqualTo("p_1");
    assertThat(p.etag()).isEqualTo("\"abc\"");
    assertThat(p.useExplicitDryRunSpec()).isTrue();
    assertThat(p.spec()).isNull();
    assertThat(p.unmodeledFields()).isEmpty();
    assertThat(p.status().resources()).hasSize(2);
    assertThat(p.status().vpcAccessibleServices().allowedServicePatterns())
        .extracting(sp -> sp.pattern())
        .containsExactly("storage.googleapis.com/b/x/*");
    IngressPolicy in = p.status().ingressPolicies().get(0);
    assertThat(in.title()).isEqualTo("in");
    assertThat(in.from().sources())
        .extracting(s -> s.accessLevel() + "|" + s.resource())
        .containsExactly("*|", "|projects/9");
    assertThat(in.to().roles()).containsExactly("roles/storage.objectViewer");
    assertThat(in.to().operations().get(0).methodSelectors()).hasSize(2);
    EgressPolicy out = p.status().egressPolicies().get(0);
    assertThat(out.from().sourceRestriction()).isEqualTo("SOURCE_RESTRICTION_ENABLED");
    assertThat(out.to().externalResources()).containsExactly("s3://bucket");
    // A dry-run view of an explicit perimeter without spec is empty.
    assertThat(p.dryRunConfig().resources()).isEmpty();
  }

  @Test
  void acceptsListDescribeAndApiListShapes() {
    String one = "{\"name\": \"accessPolicies/1/servicePerimeters/a\"}";
    assertThat(read("[" + one + "]")).hasSize(1);
    assertThat(read(one)).hasSize(1);
    assertThat(read("{\"servicePerimeters\": [" + one + "], \"nextPageToken\": \"\"}")).hasSize(1);
    assertThat(read("[]")).isEmpty();
  }

  @Test
  void absentTypeAndStatusMeanRegularAndEmpty() {
    ServicePerimeter p = read("[{\"name\": \"accessPolicies/1/servicePerimeters/a\"}]").get(0);

    assertThat(p.type()).isEqualTo(PerimeterType.REGULAR);
    assertThat(p.status()).isNull();
    assertThat(p.enforcedConfig().resources()).isEmpty();
    assertThat(p.title()).isEmpty();
  }

  @Test
  void recordsFieldsTheModelDoesNotHold() {
    String json =
        "[{\"name\": \"accessPolicies/1/servicePerimeters/a\", \"newTopLevel\": 1,"
            + " \"status\": {\"futureField\": {\"x\": 1}, \"vpcAccessibleServices\": {\"allowedServicePatterns\":"
            + " [{\"service\": \"s.googleapis.com\", \"modifiers\": [{\"removeHeader\": {}}]}]}}}]";
    ServicePerimeter p = read(json).get(0);

    assertThat(p.unmodeledFields())
        .containsExactlyInAnyOrder(
            "newTopLevel",
            "status.futureField",
            "status.vpcAccessibleServices.allowedServicePatterns[0].modifiers[0].removeHeader");
  }

  @Test
  void errorsNameTheSourceAndThePath() {
    assertError(
        "[{\"name\": \"accessPolicies/1/servicePerimeters/a\", \"status\": {\"resources\": [1]}}]",
        "in.json: [0].status.resources[0]: expected a string, got a number");
    assertError("[{\"title\": \"no name\"}]", "in.json: [0]: missing required field 'name'");
    assertError(
        "[{\"name\": \"perimeters/a\"}]",
        "in.json: [0].name: 'perimeters/a' is not a perimeter name");
    assertError(
        "[{\"name\": \"accessPolicies/1/servicePerimeters/a\", \"perimeterType\": \"X\"}]",
        "in.json: [0].perimeterType: unknown value 'X' (expected PERIMETER_TYPE_REGULAR or PERIMETER_TYPE_BRIDGE)");
    assertError(
        "[{\"name\": \"accessPolicies/1/servicePerimeters/a\", \"useExplicitDryRunSpec\": \"yes\"}]",
        "in.json: [0].useExplicitDryRunSpec: expected true or false, got a string");
    assertError(
        "[{\"name\": \"accessPolicies/1/servicePerimeters/a\", \"status\": []}]",
        "in.json: [0].status: expected an object, got a list");
    assertError("[1]", "in.json: [0]: expected an object, got a number");
    assertError("\"text\"", "in.json: expected a JSON list of perimeters");
    assertError(
        "[{\"name\": \"accessPolicies/1/servicePerimeters/a\"}, {\"name\": \"accessPolicies/1/servicePerimeters/a\"}]",
        "in.json: perimeter accessPolicies/1/servicePerimeters/a appears more than once");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> PerimeterJsonReader.parseTree("[\n  {\"name\": ", "in.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("in.json: not valid JSON at line 2")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> PerimeterJsonReader.parseTree("  \n", "in.json"))
        .hasMessage("in.json: the file is empty (expected JSON)");
    assertThatThrownBy(() -> PerimeterJsonReader.parseTree("{\"a\": 1, \"a\": 2}", "in.json"))
        .hasMessageContaining("Duplicate field 'a'");
  }

  private static void assertError(String json, String messageStart) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(messageStart);
  }
}
