package dev.vpcscaudit.codec;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The one YAML parser factory (profiles, YAML exports, {@code --accept}), duplicate keys refused as
 * in JSON. A class of its own so that it loads only when YAML is read: a JSON run loads no YAML
 * parser (PackagedJarIT checks start-up for it).
 */
public final class Yaml {

  public static final YAMLFactory FACTORY =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Yaml() {}
}
