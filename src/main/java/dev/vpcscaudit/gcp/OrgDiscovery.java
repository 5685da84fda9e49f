package dev.vpcscaudit.gcp;

import dev.vpcscaudit.gcp.AccessContextManager.PolicyInfo;
import dev.vpcscaudit.gcp.ResourceManager.ProjectInfo;
import dev.vpcscaudit.gcp.http.CallLog;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.source.ProjectSelection;
import dev.vpcscaudit.source.ProjectSelection.ProjectPerimeters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The organization-wide part of discovery, once the shared listings are in: each project's ancestry
 * from the folder listing, its candidate policies, each candidate policy's perimeters read once,
 * and for each project the perimeters that hold it.
 */
final class OrgDiscovery {

  /** Folders nest at most 10 deep (Resource Manager limits); a longer chain is a loop. */
  static final int MAX_DEPTH = 32;

  private OrgDiscovery() {}

  static ProjectSelection.Result run(
      ProjectSelection selection,
      String organization,
      List<ProjectInfo> projects,
      Map<String, String> folderParents,
      List<PolicyInfo> policies,
      AccessContextManager acm,
      ExecutorService pool,
      CallLog log) {
    // The projects of this organization, each with its folders (nearest first).
    // A project whose folder chain cannot be followed to an organization (a folder that
    // folders:search did not return, or a loop) may belong to this one: it is listed as
    // unreadable, never dropped. One whose chain ends at another organization is not ours.
    Map<String, ProjectInfo> byKey = new HashMap<>();
    Map<String, dev.vpcscaudit.i18n.Text> hidden = new HashMap<>();
    Map<String, List<String>> ancestors = new HashMap<>();
    List<ProjectInfo> inOrg = new ArrayList<>();
    for (ProjectInfo p : projects) {
      List<String> chain = new ArrayList<>();
      String parent = p.parent();
      while (parent != null && parent.startsWith("folders/") && chain.size() <= MAX_DEPTH) {
        chain.add(parent);
        parent = folderParents.get(parent);
      }
      if (organization.equals(parent)) {
        inOrg.add(p);
        ancestors.put(p.number(), chain);
        byKey.put(p.number(), p);
        byKey.put(p.id(), p);
      } else if (parent == null || parent.startsWith("folders/")) {
        String folder = chain.isEmpty() ? String.valueOf(p.parent()) : chain.get(chain.size() - 1);
        dev.vpcscaudit.i18n.Text why =
            chain.size() > MAX_DEPTH
                ? dev.vpcscaudit.i18n.Text.of("org.folders-too-deep", MAX_DEPTH)
                : dev.vpcscaudit.i18n.Text.of("org.folder-hidden", folder);
        hidden.put(p.number(), why);
        byKey.put(p.number(), p);
        byKey.put(p.id(), p);
      }
    }
    List<ProjectInfo> chosen = new ArrayList<>();
    List<ProjectPerimeters> missing = new ArrayList<>();
    java.util.function.Consumer<ProjectInfo> take =
        p -> {
          dev.vpcscaudit.i18n.Text why = hidden.get(p.number());
          if (why == null) {
            chosen.add(p);
          } else {
            missing.add(
                new ProjectPerimeters(
                    new ProjectRef(p.id(), p.number()),
                    List.of(),
                    dev.vpcscaudit.i18n.Text.of("org.hidden-ancestry", organization, why)));
          }
        };
    if (selection.kind() == ProjectSelection.Kind.FILE) {
      for (String listed : selection.listed()) {
        ProjectRef ref = ProjectRef.parse(listed);
        ProjectInfo p = byKey.get(ref.id() != null ? ref.id() : ref.number());
        if (p == null) {
          missing.add(
              new ProjectPerimeters(
                  ref, List.of(), dev.vpcscaudit.i18n.Text.of("org.not-listed", organization)));
        } else {
          take.accept(p);
        }
      }
    } else {
      for (ProjectInfo p : projects) {
        if (ancestors.containsKey(p.number()) || hidden.containsKey(p.number())) {
          take.accept(p);
        }
      }
    }
    if (chosen.isEmpty() && missing.isEmpty()) {
      boolean query = selection.kind() == ProjectSelection.Kind.QUERY;
      String q = query ? selection.query() : "";
      throw new dev.vpcscaudit.error.CloudReadException(
          dev.vpcscaudit.i18n.Text.of(
              "org.none-selected",
              organization,
              projects.isEmpty()
                  ? dev.vpcscaudit.i18n.Text.of(
                      query ? "org.search-none.query" : "org.search-none", q)
                  : dev.vpcscaudit.i18n.Text.of(
                      query ? "org.search-none-in.query" : "org.search-none-in",
                      projects.size(),
                      q)));
    }
    // Candidate policies per project, and the union to read.
    Map<String, List<String>> candidates = new HashMap<>();
    Set<String> toRead = new LinkedHashSet<>();
    for (ProjectInfo p : chosen) {
      List<String> mine = new ArrayList<>();
      for (PolicyInfo policy : policies) {
        if (PerimeterDiscovery.isCandidate(policy, p.number(), ancestors.get(p.number()), false)) {
          mine.add(policy.name());
        }
      }
      candidates.put(p.number(), mine);
      toRead.addAll(mine);
    }
    log.note(
        dev.vpcscaudit.i18n.Text.of(
            toRead.size() == 1 ? "log.org-projects.one" : "log.org-projects",
            chosen.size(),
            toRead.size()));
    // A project is read once every one of its candidate policies is: the terminal's bar counts.
    Map<String, List<String>> projectsOf = new HashMap<>();
    Map<String, java.util.concurrent.atomic.AtomicInteger> pending = new HashMap<>();
    CallLog.Bar bar = log.bar(dev.vpcscaudit.i18n.Text.of("log.projects-read"), chosen.size());
    int none = 0;
    for (ProjectInfo p : chosen) {
      List<String> mine = candidates.get(p.number());
      pending.put(p.number(), new java.util.concurrent.atomic.AtomicInteger(mine.size()));
      mine.forEach(
          policy -> projectsOf.computeIfAbsent(policy, k -> new ArrayList<>()).add(p.number()));
      none += mine.isEmpty() ? 1 : 0;
    }
    bar.advance(none);
    Map<String, Future<List<ServicePerimeter>>> listings = new LinkedHashMap<>();
    List<Future<List<dev.vpcscaudit.model.AccessLevel>>> levelListings = new ArrayList<>();
    for (String policy : toRead) {
      levelListings.add(pool.submit(() -> acm.accessLevels(policy)));
    }
    for (String policy : toRead) {
      listings.put(
          policy,
          pool.submit(
              () -> {
                List<ServicePerimeter> read = acm.perimeters(policy);
                int done = 0;
                for (String number : projectsOf.get(policy)) {
                  done += pending.get(number).decrementAndGet() == 0 ? 1 : 0;
                }
                bar.advance(done);
                return read;
              }));
    }
    Map<String, Map<String, List<ServicePerimeter>>> holders = new HashMap<>();
    try {
      // Index: policy -> project resource -> perimeters holding it (enforced or dry-run).
      for (Map.Entry<String, Future<List<ServicePerimeter>>> e : listings.entrySet()) {
        Map<String, List<ServicePerimeter>> index = new HashMap<>();
        for (ServicePerimeter sp : PerimeterDiscovery.await(e.getValue())) {
          Set<String> held = new LinkedHashSet<>(sp.enforcedConfig().resources());
          if (sp.spec() != null) {
            held.addAll(sp.spec().resources());
          }
          for (String r : held) {
            index.computeIfAbsent(r, k -> new ArrayList<>()).add(sp);
          }
        }
        holders.put(e.getKey(), index);
      }
    } finally {
      bar.finish(); // a failed read still ends the bar's line before the error
    }
    List<ProjectPerimeters> out = new ArrayList<>();
    for (ProjectInfo p : chosen) {
      List<ServicePerimeter> mine = new ArrayList<>();
      for (String policy : candidates.get(p.number())) {
        mine.addAll(holders.get(policy).getOrDefault("projects/" + p.number(), List.of()));
      }
      out.add(new ProjectPerimeters(new ProjectRef(p.id(), p.number()), mine, null));
    }
    out.addAll(missing);
    List<dev.vpcscaudit.model.AccessLevel> levels = new ArrayList<>();
    for (Future<List<dev.vpcscaudit.model.AccessLevel>> f : levelListings) {
      levels.addAll(PerimeterDiscovery.await(f));
    }
    return new ProjectSelection.Result(organization, "api", out, null, levels);
  }
}
