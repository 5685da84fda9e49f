package dev.vpcscaudit.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ClientSettings;
import com.google.api.gax.rpc.FixedHeaderProvider;
import com.google.api.gax.rpc.HeaderProvider;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.resourcemanager.v3.Folder;
import com.google.cloud.resourcemanager.v3.FoldersClient;
import com.google.cloud.resourcemanager.v3.FoldersSettings;
import com.google.cloud.resourcemanager.v3.Project;
import com.google.cloud.resourcemanager.v3.ProjectsClient;
import com.google.cloud.resourcemanager.v3.ProjectsSettings;
import com.google.identity.accesscontextmanager.v1.AccessContextManagerClient;
import com.google.identity.accesscontextmanager.v1.AccessContextManagerSettings;
import com.google.identity.accesscontextmanager.v1.AccessPolicy;
import com.google.identity.accesscontextmanager.v1.ListAccessPoliciesRequest;
import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.codec.PerimeterJsonReader;
import dev.vpcscaudit.codec.SupportedServicesReader;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.gcp.http.ApiTransport;
import dev.vpcscaudit.gcp.http.Deadline;
import dev.vpcscaudit.gcp.http.Endpoints;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.SupportedService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The live APIs over one {@link ApiTransport}: Cloud Resource Manager and the access-policy listing
 * through the typed clients (REST transport; lossless for the fields read), perimeters through
 * their REST JSON, parsed by {@link PerimeterJsonReader} so that no field the API returns is
 * dropped (the typed proto of the 1.89.0 client lacks several).
 */
public final class GcpApis implements ResourceManager, AccessContextManager, AutoCloseable {

  static final int PAGE_SIZE = 100;

  private final ApiTransport transport;
  private final GoogleCredentials credentials;
  private final Endpoints endpoints;
  private final Deadline deadline;
  private final HeaderProvider headers =
      FixedHeaderProvider.create(Map.of("user-agent", userAgent()));

  private ProjectsClient projects;
  private FoldersClient folders;
  private AccessContextManagerClient acm;

  public GcpApis(
      ApiTransport transport,
      GoogleCredentials credentials,
      Endpoints endpoints,
      Deadline deadline) {
    this.transport = transport;
    this.credentials = credentials;
    this.endpoints = endpoints;
    this.deadline = deadline;
  }

  static String userAgent() {
    return ToolVersion.NAME + "/" + ToolVersion.get();
  }

  @Override
  public ProjectInfo project(String idOrNumber) {
    ApiCall call = ApiCall.project(idOrNumber);
    try {
      Project p = projects().getProject("projects/" + idOrNumber);
      return Answers.project(call, p.getName(), p.getProjectId(), p.getParent());
    } catch (ApiException e) {
      throw ApiErrors.gax(call, e, transport.log());
    }
  }

  /**
   * {@code POST v1/projects/{id}:getAncestry} (Cloud Resource Manager v1): the whole chain in one
   * request. The method only reads (it needs resourcemanager.projects.get), which is why the
   * transport lets this one POST through. Answer: {@code {"ancestor": [{"resourceId": {"type":
   * "project", "id": "my-proj"}}, {"resourceId": {"type": "folder", "id": "123"}}, ...,
   * {"resourceId": {"type": "organization", "id": "456"}}]}}.
   */
  @Override
  public List<String> ancestry(String idOrNumber) {
    ApiCall call = ApiCall.ancestry(idOrNumber);
    GenericUrl url =
        new GenericUrl(endpoints.resourceManager() + "/v1/projects/" + idOrNumber + ":getAncestry");
    JsonNode root = postObject(call, url, "{}", "getAncestry");
    List<String> out = new ArrayList<>();
    try {
      JsonNode ancestors = root.path("ancestor");
      for (JsonNode a : ancestors) {
        String type = a.path("resourceId").path("type").asText("");
        String id = a.path("resourceId").path("id").asText("");
        if (type.equals("folder")) {
          out.add(Answers.name(call, "ancestor", "folders/" + id, Answers.FOLDER));
        } else if (type.equals("organization")) {
          out.add(Answers.name(call, "ancestor", "organizations/" + id, Answers.ORGANIZATION));
        }
      }
    } catch (BadInputException e) {
      throw ApiErrors.unexpected(call, e.text(), e);
    }
    return out;
  }

  @Override
  public String folderParent(String folder) {
    try {
      Folder f = folders().getFolder(folder);
      return Answers.parent(ApiCall.folder(folder), f.getParent());
    } catch (ApiException e) {
      throw ApiErrors.gax(ApiCall.folder(folder), e, transport.log());
    }
  }

  @Override
  public List<PolicyInfo> policies(String organization) {
    try {
      List<PolicyInfo> out = new ArrayList<>();
      ListAccessPoliciesRequest request =
          ListAccessPoliciesRequest.newBuilder()
              .setParent(organization)
              .setPageSize(PAGE_SIZE)
              .build();
      for (AccessPolicy p : acm().listAccessPolicies(request).iterateAll()) {
        ApiCall call = ApiCall.policies(organization);
        Answers.name(call, "name", p.getName(), Answers.POLICY);
        for (String scope : p.getScopesList()) {
          Answers.name(call, "scopes", scope, Answers.SCOPE);
        }
        out.add(new PolicyInfo(p.getName(), p.getTitle(), p.getScopesList()));
      }
      return out;
    } catch (ApiException e) {
      throw ApiErrors.gax(ApiCall.policies(organization), e, transport.log());
    }
  }

  @Override
  public List<ServicePerimeter> perimeters(String policy) {
    List<ServicePerimeter> all =
        pages(
            ApiCall.perimeters(policy),
            "/v1/" + policy + "/servicePerimeters",
            "servicePerimeters",
            (list, source) -> PerimeterJsonReader.readPerimeters(list, source));
    // Pages of a listing that changed while it was read can repeat a perimeter: the same copy is
    // read once; two different copies are no consistent answer.
    Map<String, ServicePerimeter> byName = new java.util.LinkedHashMap<>();
    for (ServicePerimeter p : all) {
      if (!p.name().startsWith(policy + "/servicePerimeters/")) {
        throw ApiErrors.unexpected(
            ApiCall.perimeters(policy), Text.of("api.perimeter-not-of", p.name(), policy), null);
      }
      ServicePerimeter before = byName.putIfAbsent(p.name(), p);
      if (before != null && !before.equals(p)) {
        throw ApiErrors.cannot(
            ApiCall.perimeters(policy), Text.of("api.perimeter-twice", p.name()), null);
      }
    }
    return List.copyOf(byName.values());
  }

  @Override
  public List<dev.vpcscaudit.model.AccessLevel> accessLevels(String policy) {
    List<dev.vpcscaudit.model.AccessLevel> levels =
        pages(
            ApiCall.accessLevels(policy),
            endpoints.accessContextManager() + "/v1/" + policy + "/accessLevels",
            Map.of("accessLevelFormat", "AS_DEFINED"),
            PAGE_SIZE,
            "accessLevels",
            (list, source) -> dev.vpcscaudit.codec.AccessLevelReader.readList(list, "", source));
    for (dev.vpcscaudit.model.AccessLevel l : levels) {
      if (!l.policy().equals(policy)) {
        throw ApiErrors.unexpected(
            ApiCall.accessLevels(policy), Text.of("api.level-not-of", l.name(), policy), null);
      }
    }
    return levels;
  }

  @Override
  public List<SupportedService> supportedServices() {
    return pages(
        ApiCall.supportedServices(),
        "/v1/services",
        "supportedServices",
        (list, source) -> SupportedServicesReader.readList(list, "", source));
  }

  /**
   * GETs every page of a list method as REST JSON and reads the list field of each page: the
   * lossless path, parsed by our own readers instead of the typed protos.
   */
  private <T> List<T> pages(
      ApiCall call, String path, String listField, BiFunction<JsonNode, String, List<T>> reader) {
    return pages(
        call, endpoints.accessContextManager() + path, Map.of(), PAGE_SIZE, listField, reader);
  }

  /**
   * Cloud Resource Manager v3 {@code projects:search} (every page of 500): the projects the caller
   * can see that match {@code query} (its syntax: {@code parent:folders/123}, {@code
   * labels.gdc:true}; empty for all).
   */
  @Override
  public List<ProjectInfo> searchProjects(String query) {
    return pages(
        ApiCall.searchProjects(query),
        endpoints.resourceManager() + "/v3/projects:search",
        query.isEmpty() ? Map.of() : Map.of("query", query),
        SEARCH_PAGE_SIZE,
        "projects",
        (list, source) -> {
          List<ProjectInfo> out = new ArrayList<>();
          for (JsonNode p : list) {
            if (p.path("state").asText("ACTIVE").equals("ACTIVE")) {
              out.add(
                  Answers.project(
                      ApiCall.searchProjects(""),
                      p.path("name").asText(""),
                      p.path("projectId").asText(""),
                      p.path("parent").asText("")));
            }
          }
          return out;
        });
  }

  /** Cloud Resource Manager v3 {@code folders:search} (every page): each folder's parent. */
  @Override
  public Map<String, String> searchFolders() {
    Map<String, String> parents = new java.util.HashMap<>();
    pages(
        ApiCall.searchFolders(),
        endpoints.resourceManager() + "/v3/folders:search",
        Map.of(),
        SEARCH_PAGE_SIZE,
        "folders",
        (list, source) -> {
          for (JsonNode f : list) {
            parents.put(
                Answers.name(
                    ApiCall.searchFolders(), "name", f.path("name").asText(""), Answers.FOLDER),
                Answers.parent(ApiCall.searchFolders(), f.path("parent").asText("")));
          }
          return List.<Void>of();
        });
    return parents;
  }

  /** Compute Engine's and Cloud DNS's largest page ({@code maxResults}). */
  static final int NETWORK_PAGE_SIZE = 500;

  /**
   * Compute Engine v1 {@code networks.get}: the network's self link as {@code
   * projects/P/global/networks/N} (it also proves that the network exists and can be read).
   */
  public String networkSelfLink(dev.vpcscaudit.network.NetworkRef network) {
    ApiCall call = ApiCall.network(network);
    GenericUrl url =
        new GenericUrl(
            endpoints.compute()
                + "/compute/v1/projects/"
                + network.project()
                + "/global/networks/"
                + network.name());
    String link =
        getObject(call, url, "the answer to GET " + url.getRawPath()).path("selfLink").asText("");
    if (!link.contains("/global/networks/")) {
      throw ApiErrors.unexpected(call, Text.of("json.missing-field", "selfLink"), null);
    }
    return dev.vpcscaudit.network.NetworkRef.path(link);
  }

  /** Compute Engine v1 {@code routers.aggregatedList}: the routers of every region. */
  public List<dev.vpcscaudit.network.NetworkState.Router> routers(String project) {
    return networkList(
        Text.of("call.routers", project),
        "compute.routers.list",
        project,
        endpoints.compute() + "/compute/v1/projects/" + project + "/aggregated/routers",
        "items",
        items -> dev.vpcscaudit.network.NetworkJson.routers(items, project));
  }

  /**
   * Compute Engine v1 {@code projects.getXpnHost} (GET): the Shared VPC host project that {@code
   * project} links to, as its project ID, or null when it links to none (the API answers an empty
   * object: "May be empty if no link exists").
   */
  public String xpnHost(String project) {
    ApiCall call = ApiCall.xpnHost(project);
    JsonNode root =
        getObject(
            call,
            new GenericUrl(endpoints.compute() + "/compute/v1/projects/" + project + "/getXpnHost"),
            "the answer to getXpnHost of " + project);
    JsonNode name = root.path("name");
    if (name.isMissingNode() || name.asText("").isEmpty()) {
      return null;
    }
    if (!name.isTextual()) {
      throw ApiErrors.unexpected(call, Text.of("api.field-not-a-string", "name"), null);
    }
    return name.asText();
  }

  /** Compute Engine v1 {@code routes.list}. */
  public List<dev.vpcscaudit.network.NetworkState.Route> routes(String project) {
    return networkList(
        Text.of("call.routes", project),
        "compute.routes.list",
        project,
        endpoints.compute() + "/compute/v1/projects/" + project + "/global/routes",
        "items",
        items -> dev.vpcscaudit.network.NetworkJson.routes(items, project));
  }

  /** Cloud DNS v1 {@code managedZones.list}. */
  public List<dev.vpcscaudit.network.NetworkState.Zone> zones(String project) {
    return networkList(
        Text.of("call.zones", project),
        "dns.managedZones.list",
        project,
        endpoints.dns() + "/dns/v1/projects/" + project + "/managedZones",
        "managedZones",
        items -> dev.vpcscaudit.network.NetworkJson.zones(items, project));
  }

  /** Cloud DNS v1 {@code resourceRecordSets.list} of one zone. */
  public List<dev.vpcscaudit.network.NetworkState.RecordSet> records(String project, String zone) {
    return networkList(
        Text.of("call.records", zone, project),
        "dns.resourceRecordSets.list",
        project,
        endpoints.dns() + "/dns/v1/projects/" + project + "/managedZones/" + zone + "/rrsets",
        "rrsets",
        dev.vpcscaudit.network.NetworkJson::records);
  }

  /** Cloud DNS v1 {@code policies.list}. */
  public List<dev.vpcscaudit.network.NetworkState.DnsPolicy> dnsPolicies(String project) {
    return networkList(
        Text.of("call.dns-policies", project),
        "dns.policies.list",
        project,
        endpoints.dns() + "/dns/v1/projects/" + project + "/policies",
        "policies",
        items -> dev.vpcscaudit.network.NetworkJson.policies(items, project));
  }

  /** Every page of a Compute Engine or Cloud DNS list ({@code maxResults} pages of 500). */
  private <T> List<T> networkList(
      Text what,
      String permission,
      String project,
      String url,
      String listField,
      java.util.function.Function<JsonNode, List<T>> reader) {
    return pages(
        ApiCall.networkList(what, permission, project),
        url,
        Map.of(),
        "maxResults",
        NETWORK_PAGE_SIZE,
        listField,
        (items, source) -> reader.apply(items));
  }

  /** Resource Manager's largest page. */
  static final int SEARCH_PAGE_SIZE = 500;

  private <T> List<T> pages(
      ApiCall call,
      String base,
      Map<String, String> params,
      int pageSize,
      String listField,
      BiFunction<JsonNode, String, List<T>> reader) {
    return pages(call, base, params, "pageSize", pageSize, listField, reader);
  }

  /**
   * @param sizeParam {@code pageSize} (Access Context Manager, Resource Manager) or {@code
   *     maxResults} (Compute Engine, Cloud DNS)
   */
  private <T> List<T> pages(
      ApiCall call,
      String base,
      Map<String, String> params,
      String sizeParam,
      int pageSize,
      String listField,
      BiFunction<JsonNode, String, List<T>> reader) {
    boolean aggregated = base.contains("/aggregated/");
    return paged(
        call,
        listField,
        aggregated,
        reader,
        (pageToken, page) -> {
          GenericUrl url = new GenericUrl(base);
          params.forEach(url::set);
          url.set(sizeParam, pageSize);
          if (!pageToken.isEmpty()) {
            url.set("pageToken", pageToken);
          }
          String source = "the answer to GET " + url.getRawPath() + " (page " + page + ")";
          JsonNode root = getObject(call, url, source);
          // An aggregated list names the scopes (regions) it could not read: a partial answer.
          if (root.path("unreachables").size() > 0) {
            List<String> missing = new ArrayList<>();
            root.path("unreachables").forEach(u -> missing.add(u.asText()));
            throw ApiErrors.cannot(
                call, Text.of("api.unreachable", String.join(", ", missing)), null);
          }
          return java.util.Map.entry(source, root);
        });
  }

  /**
   * Every page of a listing: {@code fetch} gets page N (1-based) for a page token ("" for the
   * first) and answers with the page's source label and JSON; {@code reader} reads its {@code
   * listField}. A token given twice is a listing that never ends: a failed read.
   */
  private <T> List<T> paged(
      ApiCall call,
      String listField,
      boolean aggregated,
      BiFunction<JsonNode, String, List<T>> reader,
      BiFunction<String, Integer, Map.Entry<String, JsonNode>> fetch) {
    List<T> out = new ArrayList<>();
    String pageToken = "";
    java.util.Set<String> tokens = new java.util.HashSet<>();
    int page = 1;
    do {
      Map.Entry<String, JsonNode> answer = fetch.apply(pageToken, page);
      String source = answer.getKey();
      JsonNode root = answer.getValue();
      try {
        JsonNode list = root.path(listField);
        if (!list.isMissingNode()) {
          if (!(aggregated ? list.isObject() : list.isArray())) {
            throw BadInputException.at(
                source,
                Text.of(aggregated ? "api.field-not-a-map" : "api.field-not-a-list", listField));
          }
          out.addAll(reader.apply(list, source));
        }
        JsonNode next = root.path("nextPageToken");
        if (!next.isMissingNode() && !next.isNull() && !next.isTextual()) {
          throw BadInputException.at(
              source, Text.of("json.expected-string", PerimeterJsonReader.describe(next)));
        }
        pageToken = next.asText("");
        if (!pageToken.isEmpty() && !tokens.add(pageToken)) {
          // The same token again would page forever: the listing cannot be read whole.
          throw ApiErrors.cannot(call, Text.of("api.page-token-again", page), null);
        }
      } catch (BadInputException e) {
        throw ApiErrors.unexpected(call, e.text(), e);
      }
      page++;
    } while (!pageToken.isEmpty());
    return out;
  }

  /** One GET whose answer must be a JSON object; any other answer is a failed read. */
  private JsonNode getObject(ApiCall call, GenericUrl url, String source) {
    return object(call, url, null, source);
  }

  /**
   * One POST of a read-only method (the transport lets only those through) whose answer must be a
   * JSON object.
   */
  private JsonNode postObject(ApiCall call, GenericUrl url, String json, String source) {
    return object(call, url, json, source);
  }

  /** A GET ({@code json} null) or POST of {@code json}; the answer must be a JSON object. */
  private JsonNode object(ApiCall call, GenericUrl url, String json, String source) {
    String body;
    int status;
    try {
      com.google.api.client.http.HttpRequestFactory factory =
          transport.createRequestFactory(new HttpCredentialsAdapter(credentials));
      HttpRequest request =
          json == null
              ? factory.buildGetRequest(url)
              : factory.buildPostRequest(
                  url,
                  new ByteArrayContent("application/json", json.getBytes(StandardCharsets.UTF_8)));
      request.setThrowExceptionOnExecuteError(false);
      request.setNumberOfRetries(0);
      request.getHeaders().setUserAgent(userAgent());
      HttpResponse response = request.execute();
      status = response.getStatusCode();
      body = new String(response.getContent().readAllBytes(), StandardCharsets.UTF_8);
      response.disconnect();
    } catch (IOException e) {
      throw ApiErrors.io(call, e, transport.log());
    }
    if (status != 200) {
      throw ApiErrors.http(call, status, body);
    }
    try {
      JsonNode root = PerimeterJsonReader.parseTree(body.isBlank() ? "{}" : body, source);
      if (!root.isObject()) {
        throw BadInputException.at(source, Text.of("json.expected-object.bare"));
      }
      return root;
    } catch (BadInputException e) {
      throw ApiErrors.unexpected(call, e.text(), e);
    }
  }

  /** Cloud Logging's largest page of entries.list. */
  static final int LOG_PAGE_SIZE = 1000;

  /**
   * Cloud Logging v2 {@code entries.list} ({@code POST v2/entries:list}, a read the transport lets
   * through by name): the VPC Service Controls denials of {@code project} in {@code window}, every
   * page, newest first. Body: {@code {"resourceNames": ["projects/ID"], "filter": ..., "orderBy":
   * "timestamp desc", "pageSize": 1000, "pageToken": ...}}; answer: {@code {"entries": [...],
   * "nextPageToken": ...}}. A page may hold no entries and still a token (Logging stops a page when
   * its search takes long): the read goes on until there is no token.
   */
  public dev.vpcscaudit.codec.ViolationLogReader.Read violations(
      String project, dev.vpcscaudit.audit.LogWindow window) {
    ApiCall call = ApiCall.logs(project);
    GenericUrl url = new GenericUrl(endpoints.logging() + "/v2/entries:list");
    List<dev.vpcscaudit.codec.ViolationLogReader.Read> pages =
        paged(
            call,
            "entries",
            false,
            (entries, source) ->
                List.of(dev.vpcscaudit.codec.ViolationLogReader.read(entries, source)),
            (pageToken, page) -> {
              String source =
                  "the answer to POST /v2/entries:list (projects/"
                      + project
                      + ", page "
                      + page
                      + ")";
              return Map.entry(
                  source, postObject(call, url, logQuery(project, window, pageToken), source));
            });
    List<dev.vpcscaudit.model.Violation> out = new ArrayList<>();
    int skipped = 0;
    for (dev.vpcscaudit.codec.ViolationLogReader.Read r : pages) {
      out.addAll(r.violations());
      skipped += r.skipped();
    }
    return new dev.vpcscaudit.codec.ViolationLogReader.Read(List.copyOf(out), skipped);
  }

  /** The body of one entries.list request. */
  static String logQuery(String project, dev.vpcscaudit.audit.LogWindow window, String pageToken) {
    java.io.StringWriter w = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator g =
        dev.vpcscaudit.codec.JsonTrees.JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeArrayFieldStart("resourceNames");
      g.writeString("projects/" + project);
      g.writeEndArray();
      g.writeStringField("filter", window.filter());
      g.writeStringField("orderBy", "timestamp desc");
      g.writeNumberField("pageSize", LOG_PAGE_SIZE);
      if (!pageToken.isEmpty()) {
        g.writeStringField("pageToken", pageToken);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Set by {@link #close}: no client is built after it. */
  private volatile boolean closed;

  // One lock per client: the project GET must not wait while the Access Context Manager client is
  // being built on another thread (building one takes tens of milliseconds).
  private final Object projectsLock = new Object();
  private final Object foldersLock = new Object();
  private final Object acmLock = new Object();

  private ProjectsClient projects() {
    synchronized (projectsLock) {
      open();
      if (projects == null) {
        ProjectsSettings.Builder b =
            configure(ProjectsSettings.newHttpJsonBuilder(), endpoints.resourceManager());
        noRetries(b.getProjectSettings());
        projects = start("Resource Manager", () -> ProjectsClient.create(b.build()));
      }
      return projects;
    }
  }

  private FoldersClient folders() {
    synchronized (foldersLock) {
      open();
      if (folders == null) {
        FoldersSettings.Builder b =
            configure(FoldersSettings.newHttpJsonBuilder(), endpoints.resourceManager());
        noRetries(b.getFolderSettings());
        folders = start("Resource Manager", () -> FoldersClient.create(b.build()));
      }
      return folders;
    }
  }

  private AccessContextManagerClient acm() {
    synchronized (acmLock) {
      open();
      if (acm == null) {
        AccessContextManagerSettings.Builder b =
            configure(
                AccessContextManagerSettings.newHttpJsonBuilder(),
                endpoints.accessContextManager());
        noRetries(b.listAccessPoliciesSettings());
        acm = start("Access Context Manager", () -> AccessContextManagerClient.create(b.build()));
      }
      return acm;
    }
  }

  /** A client asked for after {@link #close} would never be closed: refused. */
  private void open() {
    if (closed) {
      throw new CloudReadException(Text.of("api.read-ended"));
    }
  }

  /** Every typed client: REST over our transport, our credentials and user agent, the endpoint. */
  private <B extends ClientSettings.Builder<?, B>> B configure(B builder, String endpoint) {
    return builder
        .setEndpoint(endpoint)
        .setCredentialsProvider(FixedCredentialsProvider.create(credentials))
        .setHeaderProvider(headers)
        .setTransportChannelProvider(
            InstantiatingHttpJsonChannelProvider.newBuilder().setHttpTransport(transport).build());
  }

  /** Creates a client, the one step that may fail with a checked exception. */
  private interface ClientFactory<T> {
    T create() throws IOException;
  }

  private static <T> T start(String api, ClientFactory<T> factory) {
    try {
      return factory.create();
    } catch (IOException e) {
      throw new CloudReadException(Text.of("api.cannot-start", api, e.getMessage()), e);
    }
  }

  /** Retries and the deadline belong to {@link ApiTransport}; gax must not add its own. */
  private void noRetries(UnaryCallSettings.Builder<?, ?> settings) {
    settings.setRetryableCodes(Set.of());
    settings.setSimpleTimeoutNoRetriesDuration(deadline.budget());
  }

  /**
   * Builds the typed clients ahead of their first call (they are built on first use otherwise); a
   * failure here is left for that call to report.
   *
   * @param policies whether the access-policy listing will be needed (no --policy)
   */
  public void prepare(boolean policies) {
    try {
      projects();
      if (policies) {
        acm();
      }
    } catch (RuntimeException e) {
      // reported by the call that needs the client (or the read ended before this ran)
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (projectsLock) {
      if (projects != null) {
        projects.close();
      }
    }
    synchronized (foldersLock) {
      if (folders != null) {
        folders.close();
      }
    }
    synchronized (acmLock) {
      if (acm != null) {
        acm.close();
      }
    }
  }
}
