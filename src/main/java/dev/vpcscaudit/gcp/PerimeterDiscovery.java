package dev.vpcscaudit.gcp;

import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.gcp.AccessContextManager.PolicyInfo;
import dev.vpcscaudit.gcp.ResourceManager.ProjectInfo;
import dev.vpcscaudit.gcp.http.CallLog;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.AccessLevel;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.source.PerimeterSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Finds every perimeter that may hold a project (facts section 4): resolve the project (number,
 * parent), walk its folders up to the organization, list the organization's access policies, keep
 * the org-level policy and those scoped to the project or an ancestor folder, and list the
 * perimeters of each. Independent calls run in parallel; any failure fails the whole discovery.
 *
 * <p>{@code --policy} skips policy discovery (one perimeter listing, plus a project lookup only to
 * turn an ID into a number); {@code --organization} skips the folder walk, and then every
 * folder-scoped policy is a candidate, since without the ancestry none can be ruled out.
 */
final class PerimeterDiscovery {

  /** Google Cloud nests folders at most 10 deep; more means a loop or a bad answer. */
  private static final int MAX_FOLDER_DEPTH = 20;

  private final ResourceManager crm;
  private final AccessContextManager acm;
  private final ExecutorService pool;
  private final CallLog log;

  PerimeterDiscovery(
      ResourceManager crm, AccessContextManager acm, ExecutorService pool, CallLog log) {
    this.crm = crm;
    this.acm = acm;
    this.pool = pool;
    this.log = log;
  }

  /**
   * @param policy a policy number, or null to discover the candidate policies
   * @param organization an organization number, or null to find it from the project's ancestry
   */
  PerimeterSource.Discovery run(ProjectRef project, String policy, String organization) {
    String givenOrg = organization == null ? null : "organizations/" + organization;
    String org = givenOrg;
    Future<List<PolicyInfo>> early =
        policy == null && givenOrg != null ? pool.submit(() -> acm.policies(givenOrg)) : null;
    String idOrNumber = project.id() != null ? project.id() : project.number();
    // Round trip 1: the project (its number) beside its ancestry (one getAncestry request), and
    // with --policy the perimeter listing beside them.
    Future<List<String>> ancestry =
        policy == null && givenOrg == null ? pool.submit(() -> crm.ancestry(idOrNumber)) : null;
    Future<List<ServicePerimeter>> given =
        policy != null ? pool.submit(() -> acm.perimeters("accessPolicies/" + policy)) : null;
    Future<List<AccessLevel>> givenLevels =
        policy != null ? pool.submit(() -> acm.accessLevels("accessPolicies/" + policy)) : null;
    try {
      ProjectInfo info = null;
      if (!project.hasNumber() || policy == null && org == null) {
        info = crm.project(idOrNumber);
        log.note(Text.of("log.project-is", info.id(), info.number(), orNone(info.parent())));
      }
      ProjectRef resolved = info == null ? project : new ProjectRef(info.id(), info.number());

      if (policy != null) {
        log.note(Text.of("log.policy-given", policy));
        return new PerimeterSource.Discovery(resolved, await(given), "api")
            .withAccessLevels(await(givenLevels));
      }

      List<String> ancestors = new ArrayList<>();
      if (org == null) {
        List<String> chain = await(ancestry);
        if (chain.size() > MAX_FOLDER_DEPTH) {
          throw ApiErrors.cannot(
              ApiCall.ancestry(resolved.number()),
              Text.of("api.ancestry-too-deep", MAX_FOLDER_DEPTH),
              null);
        }
        String parent = chain.isEmpty() ? "" : chain.get(chain.size() - 1);
        ancestors.addAll(chain.stream().filter(a -> a.startsWith("folders/")).toList());
        if (!parent.startsWith("organizations/")
            && (!ancestors.isEmpty() || !(info.parent() == null || info.parent().isEmpty()))) {
          // Folders always sit under an organization: a chain that stops short was cut.
          throw ApiErrors.cannot(
              ApiCall.ancestry(resolved.number()),
              chain.isEmpty()
                  ? Text.of("api.ancestry-no-organization.empty", orNone(info.parent()))
                  : Text.of(
                      "api.ancestry-no-organization",
                      String.join(" < ", chain),
                      orNone(info.parent())),
              null);
        }
        if (!parent.startsWith("organizations/")) {
          log.note(Text.of("log.no-organization", resolved.number()));
          return new PerimeterSource.Discovery(resolved, List.of(), "api")
              .withAccessLevels(List.of());
        }
        org = parent;
        log.note(
            Text.of(
                "log.ancestry",
                String.join(" < ", ancestors) + (ancestors.isEmpty() ? "" : " < ") + org));
      }

      List<PolicyInfo> policies = early != null ? await(early) : acm.policies(org);
      List<String> candidates = new ArrayList<>();
      for (PolicyInfo p : policies) {
        if (isCandidate(p, resolved.number(), ancestors, organization != null)) {
          candidates.add(p.name());
          log.note(
              p.scopes().isEmpty()
                  ? Text.of("log.candidate", p.name())
                  : Text.of("log.candidate.scoped", p.name(), p.scopes().get(0)));
        }
      }
      // Each candidate policy's perimeters and access levels, side by side.
      List<Future<List<ServicePerimeter>>> listings = new ArrayList<>();
      List<Future<List<AccessLevel>>> levelListings = new ArrayList<>();
      for (String name : candidates) {
        listings.add(pool.submit(() -> acm.perimeters(name)));
        levelListings.add(pool.submit(() -> acm.accessLevels(name)));
      }
      List<ServicePerimeter> perimeters = new ArrayList<>();
      for (Future<List<ServicePerimeter>> f : listings) {
        perimeters.addAll(await(f));
      }
      List<AccessLevel> levels = new ArrayList<>();
      for (Future<List<AccessLevel>> f : levelListings) {
        levels.addAll(await(f));
      }
      return new PerimeterSource.Discovery(resolved, perimeters, "api").withAccessLevels(levels);
    } finally {
      for (Future<?> f : java.util.Arrays.asList(early, ancestry, given, givenLevels)) {
        if (f != null) {
          f.cancel(true);
        }
      }
    }
  }

  static boolean isCandidate(
      PolicyInfo p, String number, List<String> ancestors, boolean ancestryUnknown) {
    if (p.scopes().isEmpty()) {
      return true;
    }
    for (String scope : p.scopes()) {
      if (scope.equals("projects/" + number) || ancestors.contains(scope)) {
        return true;
      }
      if (ancestryUnknown && scope.startsWith("folders/")) {
        return true;
      }
    }
    return false;
  }

  private static Object orNone(String s) {
    return s == null || s.isEmpty() ? Text.of("log.none") : s;
  }

  static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new CloudReadException(Text.of("api.read-failed", String.valueOf(cause)), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CloudReadException(Text.of("api.interrupted"), e);
    } catch (CancellationException e) {
      throw new CloudReadException(Text.of("api.cancelled"), e);
    }
  }
}
