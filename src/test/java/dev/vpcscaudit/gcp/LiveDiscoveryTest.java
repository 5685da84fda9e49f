package dev.vpcscaudit.gcp;

import static dev.vpcscaudit.testing.Fixtures.compliantConfig;
import static dev.vpcscaudit.testing.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.gcp.http.CallLog;
import dev.vpcscaudit.gcp.http.Endpoints;
import dev.vpcscaudit.gcp.http.ProxySettings;
import dev.vpcscaudit.gcp.http.RetryPolicy;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.source.PerimeterSource;
import dev.vpcscaudit.testing.FakeGcp;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real typed clients and REST reads over HTTP against a local fake of the APIs. */
class LiveDiscoveryTest {

  static final String ORG = "organizations/9000";
  static final String NUMBER = "123456789012";

  final FakeGcp fake = new FakeGcp();
  final CallLog log = CallLog.quiet();

  @AfterEach
  void stop() {
    fake.close();
  }

  static String perimeterJson(String policy, String name, String status) {
    return "{\"name\": \""
        + policy
        + "/servicePerimeters/"
        + name
        + "\", \"title\": \""
        + name
        + "\", \"status\": "
        + status
        + "}";
  }

  PerimeterSource.Discovery discover(String project, String policy, String organization) {
    return source(policy, organization, Duration.ofSeconds(30)).discover(ProjectRef.parse(project));
  }

  LivePerimeterSource source(String policy, String organization, Duration timeout) {
    return source(policy, organization, timeout, false);
  }

  LivePerimeterSource source(
      String policy, String organization, Duration timeout, boolean services) {
    LivePerimeterSource.Config config =
        new LivePerimeterSource.Config(
            policy,
            organization,
            null,
            null,
            Endpoints.resolve(fake.url(), fake.url(), Map.of()),
            ProxySettings.fromEnv(Map.of()),
            Map.of(),
            timeout,
            new RetryPolicy(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(20)),
            LivePerimeterSource.Config.DEFAULT_PARALLELISM,
            services,
            null,
            null);
    return new LivePerimeterSource(config, log, transport -> new TestCredentials());
  }

  /** A fixed token that "refreshes" to itself, as a real credential would after a 401. */
  static final class TestCredentials extends GoogleCredentials {
    TestCredentials() {
      super(
          GoogleCredentials.newBuilder()
              .setAccessToken(new AccessToken("test-token", new Date(Long.MAX_VALUE))));
    }

    @Override
    public AccessToken refreshAccessToken() {
      return new AccessToken("test-token", new Date(Long.MAX_VALUE));
    }
  }

  /** A project two folders deep with an org-level policy holding its perimeter. */
  void twoFoldersDeep() {
    fake.project("gdc-prod", NUMBER, "folders/2")
        .folder("folders/2", "folders/1")
        .folder("folders/1", ORG)
        .policy(ORG, "accessPolicies/100", null)
        .perimeters(
            "accessPolicies/100",
            "[" + perimeterJson("accessPolicies/100", "gdc", compliantConfig()) + "]");
  }

  @Test
  void projectUnderNestedFoldersTakesFiveRequestsInThreeRoundTrips() {
    twoFoldersDeep();

    PerimeterSource.Discovery found = discover("gdc-prod", null, null);

    assertThat(found.project()).isEqualTo(new ProjectRef("gdc-prod", NUMBER));
    assertThat(found.source()).isEqualTo("api");
    assertThat(found.perimeters())
        .extracting(ServicePerimeter::name)
        .containsExactly("accessPolicies/100/servicePerimeters/gdc");
    assertThat(fake.apiRequests())
        .extracting(r -> r.method() + " " + r.path())
        .containsExactlyInAnyOrder(
            "GET /v3/projects/gdc-prod",
            "POST /v1/projects/gdc-prod:getAncestry",
            "GET /v1/accessPolicies",
            "GET /v1/accessPolicies/100/servicePerimeters",
            "GET /v1/accessPolicies/100/accessLevels");
    assertThat(found.accessLevels()).as("the levels were read").isEmpty();
    assertThat(log.requests()).isEqualTo(5);
    assertThat(fake.apiRequests())
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer test-token"));
    assertThat(fake.apiRequests())
        .allSatisfy(r -> assertThat(r.userAgent()).contains("vpcsc-audit/"));
  }

  @Test
  void scopedPolicyOnAnAncestorFolderIsACandidateAndOthersAreNot() {
    twoFoldersDeep();
    fake.policy(ORG, "accessPolicies/200", "folders/1")
        .perimeters(
            "accessPolicies/200",
            "[" + perimeterJson("accessPolicies/200", "scoped", compliantConfig()) + "]")
        .policy(ORG, "accessPolicies/300", "folders/77")
        .policy(ORG, "accessPolicies/400", "projects/555");

    PerimeterSource.Discovery found = discover(NUMBER, null, null);

    assertThat(found.perimeters())
        .extracting(ServicePerimeter::name)
        .containsExactly(
            "accessPolicies/100/servicePerimeters/gdc",
            "accessPolicies/200/servicePerimeters/scoped");
    assertThat(fake.apiRequests())
        .extracting(FakeGcp.Request::path)
        .doesNotContain(
            "/v1/accessPolicies/300/servicePerimeters", "/v1/accessPolicies/400/servicePerimeters");
  }

  @Test
  void scopedPolicyOnTheProject() {
    fake.project("solo-proj", NUMBER, ORG)
        .policy(ORG, "accessPolicies/500", "projects/" + NUMBER)
        .perimeters(
            "accessPolicies/500",
            "[" + perimeterJson("accessPolicies/500", "mine", compliantConfig()) + "]");

    PerimeterSource.Discovery found = discover("solo-proj", null, null);

    assertThat(found.perimeters())
        .extracting(ServicePerimeter::name)
        .containsExactly("accessPolicies/500/servicePerimeters/mine");
  }

  @Test
  void orgLevelPolicyOnly() {
    fake.project("p-direct", NUMBER, ORG).policy(ORG, "accessPolicies/100", null);

    PerimeterSource.Discovery found = discover("p-direct", null, null);

    assertThat(found.perimeters()).isEmpty();
    // project + ancestry, the policy listing, one perimeter listing beside one level listing
    assertThat(fake.apiRequests()).hasSize(5);
  }

  @Test
  void readsEveryPageOfPerimeters() {
    twoFoldersDeep();
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 7; i++) {
      many.append(
              perimeterJson("accessPolicies/100", "other" + i, "{\"resources\": [\"projects/9\"]}"))
          .append(',');
    }
    many.append(perimeterJson("accessPolicies/100", "last", compliantConfig())).append(']');
    fake.perimeters("accessPolicies/100", many.toString()).pageSize(3);

    PerimeterSource.Discovery found = discover("gdc-prod", null, null);

    assertThat(found.perimeters())
        .hasSize(9)
        .extracting(ServicePerimeter::shortName)
        .contains("last");
    assertThat(fake.apiRequests())
        .filteredOn(r -> r.path().endsWith("/servicePerimeters"))
        .extracting(FakeGcp.Request::query)
        .hasSize(3)
        .anySatisfy(q -> assertThat(q).contains("pageToken=page-3"))
        .anySatisfy(q -> assertThat(q).contains("pageToken=page-6"));
  }

  @Test
  void readsEveryPageOfPolicies() {
    twoFoldersDeep();
    for (int i = 0; i < 4; i++) {
      fake.policy(ORG, "accessPolicies/70" + i, "folders/8" + i);
    }
    fake.policy(ORG, "accessPolicies/200", "folders/2")
        .perimeters(
            "accessPolicies/200",
            "[" + perimeterJson("accessPolicies/200", "late", compliantConfig()) + "]")
        .pageSize(2);

    PerimeterSource.Discovery found = discover("gdc-prod", null, null);

    assertThat(found.perimeters()).extracting(ServicePerimeter::shortName).contains("late");
  }

  @Test
  void projectOnlyInAnExplicitDryRunSpec() {
    twoFoldersDeep();
    fake.perimeters(
        "accessPolicies/100",
        "[{\"name\": \"accessPolicies/100/servicePerimeters/staged\", \"useExplicitDryRunSpec\": true, \"spec\": "
            + config("[]", null)
            + "}]");

    PerimeterSource.Discovery found = discover("gdc-prod", null, null);

    assertThat(found.perimeters())
        .filteredOn(p -> p.shortName().equals("staged"))
        .singleElement()
        .satisfies(p -> assertThat(p.dryRunConfig().holds("projects/" + NUMBER)).isTrue());
  }

  @Test
  void policyFlagSkipsDiscovery() {
    twoFoldersDeep();

    PerimeterSource.Discovery byNumber = discover(NUMBER, "100", null);
    assertThat(byNumber.perimeters()).hasSize(1);
    assertThat(fake.apiRequests())
        .extracting(FakeGcp.Request::path)
        .containsExactlyInAnyOrder(
            "/v1/accessPolicies/100/servicePerimeters", "/v1/accessPolicies/100/accessLevels");
  }

  @Test
  void policyFlagWithAnIdStillResolvesTheNumber() {
    twoFoldersDeep();

    PerimeterSource.Discovery found = discover("gdc-prod", "100", null);

    assertThat(found.project().number()).isEqualTo(NUMBER);
    // The project lookup and the listing run side by side: one round trip.
    assertThat(fake.apiRequests())
        .extracting(FakeGcp.Request::path)
        .containsExactlyInAnyOrder(
            "/v3/projects/gdc-prod",
            "/v1/accessPolicies/100/servicePerimeters",
            "/v1/accessPolicies/100/accessLevels");
  }

  @Test
  void organizationFlagSkipsTheFolderWalk() {
    twoFoldersDeep();
    fake.policy(ORG, "accessPolicies/200", "folders/1")
        .perimeters(
            "accessPolicies/200",
            "[" + perimeterJson("accessPolicies/200", "scoped", compliantConfig()) + "]");

    PerimeterSource.Discovery found = discover(NUMBER, null, "9000");

    assertThat(found.perimeters()).hasSize(2);
    assertThat(fake.apiRequests())
        .extracting(FakeGcp.Request::path)
        .noneMatch(p -> p.startsWith("/v3/"));
  }

  @Test
  void forbiddenAncestryFailsWithTheRoleToGrant() {
    twoFoldersDeep();
    fake.fail(
        "/v1/projects/gdc-prod:getAncestry",
        403,
        FakeGcp.error(403, "PERMISSION_DENIED", "The caller does not have permission"));

    assertThatThrownBy(() -> discover("gdc-prod", null, null))
        .isInstanceOf(CloudReadException.class)
        .hasMessage(
            "cannot read the ancestry of project gdc-prod: permission denied (HTTP 403, needs"
                + " resourcemanager.projects.get): grant roles/browser on projects/gdc-prod, or skip"
                + " the walk with --organization ORG_NUMBER (and --policy POLICY_NUMBER)");
  }

  @Test
  void transientErrorsAreRetried() {
    twoFoldersDeep();
    fake.fail(
            "/v1/accessPolicies/100/servicePerimeters",
            503,
            FakeGcp.error(503, "UNAVAILABLE", "try again"))
        .fail(
            "/v1/accessPolicies/100/servicePerimeters",
            503,
            FakeGcp.error(503, "UNAVAILABLE", "try again"))
        .fail("/v3/projects", 429, FakeGcp.error(429, "RESOURCE_EXHAUSTED", "slow down"));

    PerimeterSource.Discovery found = discover("gdc-prod", null, null);

    assertThat(found.perimeters()).hasSize(1);
    assertThat(fake.apiRequests())
        .filteredOn(r -> r.path().endsWith("/servicePerimeters"))
        .hasSize(3);
    assertThat(fake.apiRequests()).filteredOn(r -> r.path().startsWith("/v3/projects")).hasSize(2);
  }

  @Test
  void persistentUnavailabilityFailsAfterBoundedRetries() {
    twoFoldersDeep();
    for (int i = 0; i < 10; i++) {
      fake.fail("/v1/accessPolicies/100", 503, FakeGcp.error(503, "UNAVAILABLE", "down"));
    }

    assertThatThrownBy(() -> discover("gdc-prod", null, null))
        .isInstanceOf(CloudReadException.class)
        .hasMessageStartingWith(
            "cannot list the perimeters of accessPolicies/100: the API answered HTTP 503 after retries (down)");
    assertThat(fake.apiRequests())
        .filteredOn(r -> r.path().endsWith("/servicePerimeters"))
        .hasSize(4);
  }

  @Test
  void unauthenticatedFailsAtOnce() {
    twoFoldersDeep();
    for (int i = 0; i < 5; i++) {
      fake.fail(
          "/v3/projects",
          401,
          FakeGcp.error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials."));
    }

    assertThatThrownBy(() -> discover("gdc-prod", null, null))
        .isInstanceOf(CloudReadException.class)
        .hasMessageContaining(
            "cannot read project gdc-prod: the credentials were rejected (HTTP 401): run `gcloud auth application-default login`");
    // No backoff retries; the client library refreshes the token once after a 401.
    assertThat(fake.apiRequests())
        .filteredOn(r -> r.path().startsWith("/v3/"))
        .hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void blockedByAPerimeterSaysSo() {
    twoFoldersDeep();
    fake.fail("/v1/accessPolicies", 403, FakeGcp.perimeterDenial("Xy12-abC"));

    assertThatThrownBy(() -> discover("gdc-prod", null, null))
        .isInstanceOf(CloudReadException.class)
        .hasMessageContaining(
            "cannot list the access policies of organizations/9000: the request was blocked by a VPC Service Controls perimeter (vpcServiceControlsUniqueIdentifier Xy12-abC)");
  }

  @Test
  void quotaProjectHint() {
    twoFoldersDeep();
    fake.fail(
        "/v1/accessPolicies/100",
        403,
        FakeGcp.errorInfo(
            "Your application is authenticating by using local Application Default Credentials."
                + " The accesscontextmanager.googleapis.com API requires a quota project, which is"
                + " not set by default.",
            "SERVICE_DISABLED",
            "consumer",
            "projects/764086051850",
            "service",
            "accesscontextmanager.googleapis.com"));

    assertThatThrownBy(() -> discover("gdc-prod", null, null))
        .hasMessageContaining("set --billing-project PROJECT");
  }

  @Test
  void aPermissionDenialThatOnlyMentionsAPerimeterInItsTextIsAPermissionDenial() {
    twoFoldersDeep();
    fake.fail(
        "/v1/accessPolicies",
        403,
        FakeGcp.error(
            403, "PERMISSION_DENIED", "vpcServiceControlsUniqueIdentifier: not-a-detail"));

    assertThatThrownBy(() -> discover("gdc-prod", null, null))
        .hasMessageContaining(
            "permission denied (HTTP 403, needs accesscontextmanager.policies.list)");
  }

  @Test
  void disabledApiNamesTheConsumerProject() {
    twoFoldersDeep();
    fake.fail(
        "/v1/accessPolicies/100",
        403,
        FakeGcp.errorInfo(
            "Access Context Manager API has not been used in project 555 before or it is disabled.",
            "SERVICE_DISABLED",
            "consumer",
            "projects/555",
            "service",
            "accesscontextmanager.googleapis.com"));

    assertThatThrownBy(() -> discover("gdc-prod", null, null))
        .hasMessageContaining(
            "accesscontextmanager.googleapis.com is disabled in projects/555: enable it there");
  }

  @Test
  void deadlineStopsRetrying() {
    twoFoldersDeep();
    LivePerimeterSource slow = source(null, null, Duration.ofMillis(1));

    assertThatThrownBy(() -> slow.discover(ProjectRef.parse("gdc-prod")))
        .isInstanceOf(CloudReadException.class)
        .hasMessageContaining("--timeout");
  }

  @Test
  void keepsFieldsTheTypedProtoLacks() {
    twoFoldersDeep();
    String lossless =
        """
        [{"name": "accessPolicies/100/servicePerimeters/full", "etag": "\\"e7\\"",
          "status": {
            "resources": ["projects/123456789012"],
            "vpcAccessibleServices": {"enableRestriction": true, "allowedServices": ["RESTRICTED-SERVICES"],
              "allowedServicePatterns": [{"service": "storage.googleapis.com", "pattern": "storage.googleapis.com/b/x/*"}],
              "servicePatternsEnforcementScopes": ["GOOGLE_APIS_VIA_PRIVATE_PATH"]},
            "ingressPolicies": [{"title": "in-title", "ingressFrom": {"identityType": "ANY_IDENTITY", "sources": [{"resource": "projects/7"}]},
              "ingressTo": {"roles": ["roles/viewer"], "resources": ["*"]}}],
            "egressPolicies": [{"title": "out-title", "egressFrom": {"identities": ["user:a@example.com"],
              "sources": [{"accessLevel": "accessPolicies/100/accessLevels/l"}], "sourceRestriction": "SOURCE_RESTRICTION_ENABLED"},
              "egressTo": {"roles": ["roles/viewer"], "externalResources": ["s3://b"]}}]}}]
        """;
    fake.perimeters("accessPolicies/100", lossless);

    ServicePerimeter p =
        discover("gdc-prod", null, null).perimeters().stream()
            .filter(x -> x.shortName().equals("full"))
            .findFirst()
            .orElseThrow();

    assertThat(p.etag()).isEqualTo("\"e7\"");
    assertThat(p.unmodeledFields()).isEmpty();
    assertThat(p.status().ingressPolicies().get(0).title()).isEqualTo("in-title");
    assertThat(p.status().ingressPolicies().get(0).to().roles()).containsExactly("roles/viewer");
    assertThat(p.status().egressPolicies().get(0).from().sources()).hasSize(1);
    assertThat(p.status().egressPolicies().get(0).from().sourceRestriction())
        .isEqualTo("SOURCE_RESTRICTION_ENABLED");
    assertThat(p.status().egressPolicies().get(0).to().roles()).containsExactly("roles/viewer");
    assertThat(p.status().vpcAccessibleServices().allowedServicePatterns()).hasSize(1);
    assertThat(p.status().vpcAccessibleServices().servicePatternsEnforcementScopes())
        .containsExactly("GOOGLE_APIS_VIA_PRIVATE_PATH");
  }

  @Test
  void onlyReadsReachTheApis() {
    twoFoldersDeep();
    discover("gdc-prod", null, null);

    // GET, and the one read-only method Google exposes as POST (projects.getAncestry).
    assertThat(fake.apiRequests())
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.method().equals("GET") || r.path().endsWith(":getAncestry"))
                    .as(r.method() + " " + r.path())
                    .isTrue());
  }

  @Test
  void supportedServicesAreReadAlongsideEveryPage() {
    twoFoldersDeep();
    StringBuilder services = new StringBuilder("[");
    for (int i = 0; i < 5; i++) {
      services
          .append(i == 0 ? "" : ",")
          .append("{\"name\": \"s")
          .append(i)
          .append(
              ".googleapis.com\", \"availableOnRestrictedVip\": true, \"serviceSupportStage\": \"GA\",")
          .append(" \"supportedMethods\": [{\"method\": \"*\"}]}");
    }
    fake.supportedServices(services.append("]").toString()).pageSize(2);

    PerimeterSource.Discovery found =
        source(null, null, Duration.ofSeconds(30), true).discover(ProjectRef.parse("gdc-prod"));

    assertThat(found.supportedServices()).hasSize(5).allMatch(s -> s.availableOnRestrictedVip());
    assertThat(fake.apiRequests()).filteredOn(r -> r.path().equals("/v1/services")).hasSize(3);
    assertThat(discover("gdc-prod", null, null).supportedServices()).as("off by default").isNull();
  }

  @Test
  void projectWithoutOrganizationHasNoPerimeter() {
    fake.project("lonely", NUMBER, "");

    PerimeterSource.Discovery found = discover("lonely", null, null);

    assertThat(found.perimeters()).isEmpty();
    assertThat(found.project().number()).isEqualTo(NUMBER);
  }

  @Test
  void unknownProjectNamesTheGrant() {
    twoFoldersDeep();
    assertThatThrownBy(() -> discover("nope-project", null, null))
        .isInstanceOf(CloudReadException.class)
        .hasMessageStartingWith(
            "cannot read project nope-project: permission denied (HTTP 403, needs resourcemanager.projects.get)");
  }

  @Test
  void threeDependentRoundTripsForAProjectTwoFoldersDeep() {
    twoFoldersDeep();
    fake.latency(150);

    discover("gdc-prod", null, null);

    // Requests that start within one latency of the first of a wave run in parallel with it.
    java.util.List<Long> starts =
        fake.apiRequests().stream().map(FakeGcp.Request::startMillis).sorted().toList();
    int waves = 0;
    Long waveStart = null;
    for (long t : starts) {
      if (waveStart == null || t - waveStart >= 100) {
        waves++;
        waveStart = t;
      }
    }
    assertThat(starts).as("project, ancestry, policies, then perimeters beside levels").hasSize(5);
    assertThat(waves).as("dependent round trips, from %s", starts).isEqualTo(3);
  }
}
