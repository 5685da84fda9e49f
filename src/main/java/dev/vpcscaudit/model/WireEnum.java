package dev.vpcscaudit.model;

/**
 * An enum on the wire: its constants carry the API's value; the first constant is the default that
 * an absent field means and that JSON output omits.
 */
public interface WireEnum {
  /** The value the API and gcloud print, e.g. {@code PERIMETER_TYPE_BRIDGE}. */
  String apiValue();
}
