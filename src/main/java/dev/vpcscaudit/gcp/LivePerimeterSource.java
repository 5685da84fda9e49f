package dev.vpcscaudit.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import dev.vpcscaudit.gcp.http.ApiTransport;
import dev.vpcscaudit.gcp.http.CallLog;
import dev.vpcscaudit.gcp.http.Deadline;
import dev.vpcscaudit.gcp.http.Endpoints;
import dev.vpcscaudit.gcp.http.ProxySettings;
import dev.vpcscaudit.gcp.http.RetryPolicy;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.source.PerimeterSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Live source: reads the organization through the APIs with Application Default Credentials. Every
 * request goes through one read-only {@link ApiTransport}.
 */
public final class LivePerimeterSource implements PerimeterSource {

  /** Everything a live read needs, from flags and the environment. */
  public record Config(
      String policy,
      String organization,
      String impersonate,
      String billingProject,
      Endpoints endpoints,
      ProxySettings proxies,
      Map<String, String> env,
      Duration timeout,
      RetryPolicy retry,
      int parallelism,
      boolean readSupportedServices,
      dev.vpcscaudit.network.NetworkRef network,
      dev.vpcscaudit.audit.LogWindow violations) {

    /** Independent reads (perimeter listings of several policies) run this many at a time. */
    public static final int DEFAULT_PARALLELISM = 4;

    public Config {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1");
      }
    }
  }

  private final Config config;
  private final CallLog log;
  private final Function<ApiTransport, GoogleCredentials> credentials;

  /** A source that authenticates with Application Default Credentials. */
  public LivePerimeterSource(Config config, CallLog log) {
    this(
        config,
        log,
        transport ->
            GcpCredentials.load(
                transport,
                config.endpoints(),
                config.impersonate(),
                config.billingProject(),
                config.env()));
  }

  /** A source with credentials of the caller's choosing (embedding, tests). */
  public LivePerimeterSource(
      Config config, CallLog log, Function<ApiTransport, GoogleCredentials> credentials) {
    this.config = config;
    this.log = log;
    this.credentials = credentials;
  }

  /**
   * Builds a config from flags and {@code env} (endpoint overrides and proxy variables).
   *
   * @param endpoints the endpoint flags: Access Context Manager, Resource Manager, Compute Engine,
   *     Cloud DNS (each null when not given)
   * @param network {@code --network}, or null
   * @param violations {@code --violations}: the window of audit logs to read, or null
   */
  public static Config config(
      String policy,
      String organization,
      String impersonate,
      String billingProject,
      List<String> endpoints,
      Duration timeout,
      boolean readSupportedServices,
      int parallelism,
      dev.vpcscaudit.network.NetworkRef network,
      dev.vpcscaudit.audit.LogWindow violations,
      Map<String, String> env) {
    return new Config(
        policy,
        organization,
        impersonate,
        billingProject,
        Endpoints.resolve(
            endpoints.get(0), endpoints.get(1), endpoints.get(2), endpoints.get(3), env),
        ProxySettings.fromEnv(env),
        env,
        timeout,
        RetryPolicy.DEFAULT,
        parallelism,
        readSupportedServices,
        network,
        violations);
  }

  @Override
  public Discovery discover(ProjectRef project) {
    Deadline deadline = Deadline.in(config.timeout());
    ApiTransport transport = new ApiTransport(config.proxies(), log, config.retry(), deadline);
    GoogleCredentials creds = credentials.apply(transport);
    ExecutorService pool = Executors.newFixedThreadPool(config.parallelism(), daemonThreads());
    // The network's reads are coordinated from a thread of their own (it waits on the pool).
    ExecutorService side =
        config.network() == null ? null : Executors.newSingleThreadExecutor(daemonThreads());
    try (GcpApis apis = new GcpApis(transport, creds, config.endpoints(), deadline)) {
      // The typed clients take ~100 ms of processor to build (class initialisation): build them
      // while the token request waits for its answer, once it is on the wire (before, they would
      // compete with it for the processor), so that the first round trip is not delayed by it.
      // On a thread of its own: waiting on a pool thread would hold up the token request itself
      // with --parallelism 1.
      daemonThreads()
          .newThread(
              () -> {
                try {
                  transport.awaitFirstInFlight(200);
                } catch (InterruptedException e) {
                  return;
                }
                apis.prepare(config.policy() == null);
              })
          .start();
      token(creds, transport, pool, deadline);
      // The supported-services list does not depend on the project: read it alongside.
      Future<List<SupportedService>> services =
          config.readSupportedServices() ? pool.submit(apis::supportedServices) : null;
      // The network does not depend on the project either; its reads run beside the walk.
      Future<dev.vpcscaudit.network.NetworkState> network =
          side == null
              ? null
              : side.submit(
                  () ->
                      NetworkDiscovery.read(
                          apis,
                          pool,
                          config.network(),
                          project.id() != null ? project.id() : project.number(),
                          log));
      Discovery found =
          new PerimeterDiscovery(apis, apis, pool, log)
              .run(project, config.policy(), config.organization());
      if (services != null) {
        found = found.withSupportedServices(PerimeterDiscovery.await(services));
      }
      if (network != null) {
        found = found.withNetwork(PerimeterDiscovery.await(network));
      }
      if (config.violations() != null) {
        // The logs are read by project ID, known once the project is resolved.
        found = found.withViolations(violations(apis, found.project()));
      }
      log.requestCount();
      return found;
    } finally {
      pool.shutdownNow();
      if (side != null) {
        side.shutdownNow();
      }
    }
  }

  /**
   * Many projects of one organization: round trip 1 lists the projects (one search, pages of 500),
   * the folders (for every project's ancestry, computed locally) and the organization's policies
   * side by side; round trip 2 lists the perimeters of every candidate policy once, in parallel.
   * Requests grow with pages, not with projects times perimeters.
   */
  @Override
  public dev.vpcscaudit.source.ProjectSelection.Result discoverMany(
      dev.vpcscaudit.source.ProjectSelection selection, String organization) {
    Deadline deadline = Deadline.in(config.timeout());
    ApiTransport transport = new ApiTransport(config.proxies(), log, config.retry(), deadline);
    GoogleCredentials creds = credentials.apply(transport);
    ExecutorService pool = Executors.newFixedThreadPool(config.parallelism(), daemonThreads());
    try (GcpApis apis = new GcpApis(transport, creds, config.endpoints(), deadline)) {
      token(creds, transport, pool, deadline);
      Future<List<SupportedService>> services =
          config.readSupportedServices() ? pool.submit(apis::supportedServices) : null;
      log.note(dev.vpcscaudit.i18n.Text.of("log.listing-organization", organization));
      String query =
          selection.kind() == dev.vpcscaudit.source.ProjectSelection.Kind.QUERY
              ? selection.query()
              : "";
      Future<List<ResourceManager.ProjectInfo>> projects =
          pool.submit(() -> apis.searchProjects(query));
      Future<java.util.Map<String, String>> folders = pool.submit(apis::searchFolders);
      Future<List<AccessContextManager.PolicyInfo>> policies =
          pool.submit(() -> apis.policies(organization));
      dev.vpcscaudit.source.ProjectSelection.Result result =
          OrgDiscovery.run(
              selection,
              organization,
              PerimeterDiscovery.await(projects),
              PerimeterDiscovery.await(folders),
              PerimeterDiscovery.await(policies),
              apis,
              pool,
              log);
      if (services != null) {
        result = result.withSupportedServices(PerimeterDiscovery.await(services));
      }
      if (config.violations() != null) {
        result = withViolations(result, apis, pool);
      }
      log.requestCount();
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The denials in the audit logs of {@code project} over the configured window. */
  private dev.vpcscaudit.audit.Violations violations(GcpApis apis, ProjectRef project) {
    String id = project.id() != null ? project.id() : project.number();
    log.note(dev.vpcscaudit.i18n.Text.of("log.reading-denials", id));
    dev.vpcscaudit.codec.ViolationLogReader.Read read = apis.violations(id, config.violations());
    return dev.vpcscaudit.audit.Violations.live(
        id, config.violations(), read.violations(), read.skipped());
  }

  /**
   * Each readable project's audit logs, {@code --parallelism} projects at a time; a project whose
   * logs cannot be read is reported unreadable with the reason, as one whose perimeters could not
   * be read (the run then exits 3: no verdict on it).
   */
  private dev.vpcscaudit.source.ProjectSelection.Result withViolations(
      dev.vpcscaudit.source.ProjectSelection.Result result, GcpApis apis, ExecutorService pool) {
    List<Future<dev.vpcscaudit.audit.Violations>> reads = new java.util.ArrayList<>();
    for (dev.vpcscaudit.source.ProjectSelection.ProjectPerimeters p : result.projects()) {
      reads.add(p.error() != null ? null : pool.submit(() -> violations(apis, p.project())));
    }
    List<dev.vpcscaudit.source.ProjectSelection.ProjectPerimeters> out =
        new java.util.ArrayList<>();
    for (int i = 0; i < reads.size(); i++) {
      dev.vpcscaudit.source.ProjectSelection.ProjectPerimeters p = result.projects().get(i);
      if (reads.get(i) == null) {
        out.add(p);
        continue;
      }
      try {
        out.add(p.withViolations(PerimeterDiscovery.await(reads.get(i))));
      } catch (dev.vpcscaudit.error.CloudReadException e) {
        out.add(p.unreadable(e.text()));
      }
    }
    return result.withProjects(out);
  }

  /**
   * Gets one token up front, so that a credentials problem is reported as such and at once, not as
   * the failure of whichever API call needed the token first. The auth library retries token
   * requests with its own back-off; at the deadline its thread is interrupted, which ends them.
   */
  private void token(
      GoogleCredentials creds, ApiTransport transport, ExecutorService pool, Deadline deadline) {
    Future<?> refresh =
        pool.submit(
            () -> {
              creds.refreshIfExpired();
              return null;
            });
    try {
      while (true) {
        try {
          refresh.get(
              Math.min(100, Math.max(1, deadline.remaining().toMillis())), TimeUnit.MILLISECONDS);
          return;
        } catch (TimeoutException e) {
          if (transport.credentialsUnreachable() || deadline.expired()) {
            refresh.cancel(/* mayInterruptIfRunning= */ true);
            throw ApiErrors.credentials(e, log);
          }
        }
      }
    } catch (ExecutionException e) {
      throw ApiErrors.credentials(e.getCause(), log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.vpcscaudit.error.CloudReadException(
          dev.vpcscaudit.i18n.Text.of("api.interrupted"), e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "vpcsc-audit-read");
      t.setDaemon(true);
      return t;
    };
  }
}
