package dev.vpcscaudit.model;

/** {@code perimeterType} of a service perimeter; an absent value means {@link #REGULAR}. */
public enum PerimeterType implements WireEnum {
  REGULAR("PERIMETER_TYPE_REGULAR", "regular"),
  BRIDGE("PERIMETER_TYPE_BRIDGE", "bridge");

  private final String apiValue;
  private final String label;

  PerimeterType(String apiValue, String label) {
    this.apiValue = apiValue;
    this.label = label;
  }

  /** The enum name the API and gcloud print, e.g. {@code PERIMETER_TYPE_BRIDGE}. */
  @Override
  public String apiValue() {
    return apiValue;
  }

  /** The lower-case word used in reports: {@code regular} or {@code bridge}. */
  public String label() {
    return label;
  }

  /** Parses the API value; returns null for an unknown value. */
  public static PerimeterType fromApiValue(String value) {
    for (PerimeterType type : values()) {
      if (type.apiValue.equals(value)) {
        return type;
      }
    }
    return null;
  }
}
