package dev.vpcscaudit.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpcscaudit.files.JsonStyle;
import dev.vpcscaudit.model.ApiOperation;
import dev.vpcscaudit.model.EgressPolicy;
import dev.vpcscaudit.model.IngressPolicy;
import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.PerimeterType;
import dev.vpcscaudit.model.ServicePattern;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.Source;
import dev.vpcscaudit.model.VpcAccessibleServices;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes perimeters back as the API's REST JSON, in the shape of {@code gcloud ... perimeters list
 * --format=json}: keys sorted, empty and default fields omitted. The inverse of {@link
 * PerimeterJsonReader}: reading the output gives the same perimeters.
 */
public final class PerimeterJsonWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PerimeterJsonWriter() {}

  /** A JSON array of {@code perimeters}, pretty-printed, ending with a newline. */
  public static String write(List<ServicePerimeter> perimeters) {
    ArrayNode array = NODES.arrayNode();
    for (ServicePerimeter p : perimeters) {
      array.add(toJson(p));
    }
    DefaultPrettyPrinter pretty = JsonStyle.printer();
    try {
      return MAPPER.writer(pretty).writeValueAsString(array) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One perimeter as a JSON object with sorted keys. */
  public static ObjectNode toJson(ServicePerimeter p) {
    ObjectNode o = NODES.objectNode();
    o.put("name", p.name());
    putText(o, "title", p.title());
    putText(o, "description", p.description());
    putText(o, "etag", p.etag());
    if (p.type() != PerimeterType.REGULAR) {
      o.put("perimeterType", p.type().apiValue());
    }
    if (p.status() != null) {
      o.set("status", config(p.status()));
    }
    if (p.spec() != null) {
      o.set("spec", config(p.spec()));
    }
    if (p.useExplicitDryRunSpec()) {
      o.put("useExplicitDryRunSpec", true);
    }
    return sorted(o);
  }

  private static ObjectNode config(PerimeterConfig c) {
    ObjectNode o = NODES.objectNode();
    putList(o, "resources", c.resources());
    putList(o, "accessLevels", c.accessLevels());
    putList(o, "restrictedServices", c.restrictedServices());
    if (c.vpcAccessibleServices() != null) {
      VpcAccessibleServices v = c.vpcAccessibleServices();
      ObjectNode vpc = o.putObject("vpcAccessibleServices");
      if (v.enableRestriction()) {
        vpc.put("enableRestriction", true);
      }
      putList(vpc, "allowedServices", v.allowedServices());
      if (!v.allowedServicePatterns().isEmpty()) {
        ArrayNode patterns = vpc.putArray("allowedServicePatterns");
        for (ServicePattern sp : v.allowedServicePatterns()) {
          ObjectNode x = patterns.addObject();
          putText(x, "service", sp.service());
          putText(x, "pattern", sp.pattern());
        }
      }
      putList(vpc, "servicePatternsEnforcementScopes", v.servicePatternsEnforcementScopes());
    }
    if (!c.ingressPolicies().isEmpty()) {
      ArrayNode in = o.putArray("ingressPolicies");
      for (IngressPolicy p : c.ingressPolicies()) {
        ObjectNode x = in.addObject();
        putText(x, "title", p.title());
        if (p.from() != null) {
          ObjectNode from = x.putObject("ingressFrom");
          putText(from, "identityType", p.from().identityType());
          putList(from, "identities", p.from().identities());
          putSources(from, p.from().sources());
        }
        if (p.to() != null) {
          ObjectNode to = x.putObject("ingressTo");
          putOperations(to, p.to().operations());
          putList(to, "resources", p.to().resources());
          putList(to, "roles", p.to().roles());
        }
      }
    }
    if (!c.egressPolicies().isEmpty()) {
      ArrayNode out = o.putArray("egressPolicies");
      for (EgressPolicy p : c.egressPolicies()) {
        ObjectNode x = out.addObject();
        putText(x, "title", p.title());
        if (p.from() != null) {
          ObjectNode from = x.putObject("egressFrom");
          putText(from, "identityType", p.from().identityType());
          putList(from, "identities", p.from().identities());
          putSources(from, p.from().sources());
          putText(from, "sourceRestriction", p.from().sourceRestriction());
        }
        if (p.to() != null) {
          ObjectNode to = x.putObject("egressTo");
          putOperations(to, p.to().operations());
          putList(to, "resources", p.to().resources());
          putList(to, "externalResources", p.to().externalResources());
          putList(to, "roles", p.to().roles());
        }
      }
    }
    return o;
  }

  private static void putSources(ObjectNode o, List<Source> sources) {
    if (sources.isEmpty()) {
      return;
    }
    ArrayNode a = o.putArray("sources");
    for (Source s : sources) {
      ObjectNode x = a.addObject();
      putText(x, "accessLevel", s.accessLevel());
      putText(x, "resource", s.resource());
    }
  }

  private static void putOperations(ObjectNode o, List<ApiOperation> operations) {
    if (operations.isEmpty()) {
      return;
    }
    ArrayNode a = o.putArray("operations");
    for (ApiOperation op : operations) {
      ObjectNode x = a.addObject();
      putText(x, "serviceName", op.serviceName());
      if (!op.methodSelectors().isEmpty()) {
        ArrayNode m = x.putArray("methodSelectors");
        for (ApiOperation.MethodSelector s : op.methodSelectors()) {
          ObjectNode y = m.addObject();
          putText(y, "method", s.method());
          putText(y, "permission", s.permission());
        }
      }
    }
  }

  private static void putText(ObjectNode o, String key, String value) {
    if (value != null && !value.isEmpty()) {
      o.put(key, value);
    }
  }

  private static void putList(ObjectNode o, String key, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(key);
      values.forEach(a::add);
    }
  }

  /** A copy of {@code node} with the keys of every object sorted, as gcloud prints them. */
  private static ObjectNode sorted(ObjectNode node) {
    return (ObjectNode) sortAny(node);
  }

  private static JsonNode sortAny(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        fields.put(e.getKey(), sortAny(e.getValue()));
      }
      ObjectNode out = NODES.objectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(n -> items.add(sortAny(n)));
      ArrayNode out = NODES.arrayNode();
      out.addAll(items);
      return out;
    }
    return node;
  }
}
