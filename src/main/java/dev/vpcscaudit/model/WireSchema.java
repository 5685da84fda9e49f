package dev.vpcscaudit.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields of a model record as {@link Wire} declares them, in component order, with a way to
 * read each value and to build the record from values. Components without {@link Wire} (e.g. {@link
 * ServicePerimeter#unmodeledFields()}) are not on the wire.
 *
 * <p>The annotations are read at build time into {@code WireTable} (by {@code
 * src/build/GenerateSources.java}), not at run time: reading an annotation generates proxy classes,
 * ~8 ms of a short run. {@code WireSchemaTest} checks the table against the annotations.
 */
public final class WireSchema {

  /** The shape of a field's value. */
  public enum Kind {
    STRING,
    BOOL,
    ENUM,
    STRING_LIST,
    RECORD,
    RECORD_LIST
  }

  /** The values of a component's {@link Wire} annotation (see there for their meaning). */
  public record Spec(
      String json, String hcl, boolean outputOnly, boolean hclAlways, boolean required) {}

  /**
   * One field.
   *
   * @param type the record type for {@link Kind#RECORD} and {@link Kind#RECORD_LIST}, the enum type
   *     for {@link Kind#ENUM}, else the Java type
   */
  public record Field(Spec wire, Kind kind, Class<?> type, RecordComponent component) {

    public String json() {
      return wire.json();
    }

    public String hcl() {
      return wire.hcl();
    }

    public Object get(Record r) {
      try {
        return component.getAccessor().invoke(r);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
    }

    /** True when the value is what an absent JSON field reads as (omitted on output). */
    public boolean isEmpty(Object value) {
      return switch (kind) {
        case STRING -> value == null || ((String) value).isEmpty();
        case BOOL -> !(Boolean) value;
        case ENUM -> value == null || ((Enum<?>) value).ordinal() == 0;
        case STRING_LIST, RECORD_LIST -> ((List<?>) value).isEmpty();
        case RECORD -> value == null;
      };
    }
  }

  private static final Map<Class<?>, WireSchema> CACHE = new ConcurrentHashMap<>();

  private final Class<? extends Record> type;
  private final List<Field> fields;
  private final RecordComponent[] components;

  /** The JSON name of each component, by position; null for a component not on the wire. */
  private final String[] wireNames;

  private final Constructor<?> constructor;

  private WireSchema(Class<? extends Record> type) {
    this.type = type;
    this.components = type.getRecordComponents();
    Map<String, Spec> specs = specs(type);
    List<Field> out = new ArrayList<>();
    Class<?>[] types = new Class<?>[components.length];
    this.wireNames = new String[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      Spec wire = specs.get(c.getName());
      if (wire != null) {
        out.add(field(wire, c));
        wireNames[i] = wire.json();
      }
    }
    this.fields = List.copyOf(out);
    try {
      this.constructor = type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no canonical constructor", e);
    }
  }

  /** The schema of a model record type. */
  public static WireSchema of(Class<? extends Record> type) {
    return CACHE.computeIfAbsent(type, t -> new WireSchema(type));
  }

  public Class<? extends Record> type() {
    return type;
  }

  public List<Field> fields() {
    return fields;
  }

  /**
   * Builds the record from wire values by JSON name; components not on the wire get their empty
   * value (an empty list, false or null).
   */
  public Record build(Map<String, Object> values) {
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      Object v = wireNames[i] == null ? null : values.get(wireNames[i]);
      if (v == null) {
        v = c.getType() == List.class ? List.of() : c.getType() == boolean.class ? false : null;
      }
      args[i] = v;
    }
    try {
      return (Record) constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type, e);
    }
  }

  /** The {@link Wire} values of {@code type}'s components by name, from the build's table. */
  private static Map<String, Spec> specs(Class<?> type) {
    String[][] rows = WireTable.of(type);
    if (rows == null) {
      throw new IllegalStateException(
          type + " has no @Wire component (or the build's table is stale)");
    }
    Map<String, Spec> out = new java.util.HashMap<>();
    for (String[] r : rows) {
      out.put(
          r[0],
          new Spec(
              r[1],
              r[2],
              Boolean.parseBoolean(r[3]),
              Boolean.parseBoolean(r[4]),
              Boolean.parseBoolean(r[5])));
    }
    return out;
  }

  private static Field field(Spec wire, RecordComponent c) {
    Class<?> t = c.getType();
    if (t == String.class) {
      return new Field(wire, Kind.STRING, t, c);
    }
    if (t == boolean.class) {
      return new Field(wire, Kind.BOOL, t, c);
    }
    if (t.isEnum() && WireEnum.class.isAssignableFrom(t)) {
      return new Field(wire, Kind.ENUM, t, c);
    }
    if (Record.class.isAssignableFrom(t)) {
      return new Field(wire, Kind.RECORD, t, c);
    }
    if (t == List.class) {
      Class<?> element =
          (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
      if (element == String.class) {
        return new Field(wire, Kind.STRING_LIST, element, c);
      }
      if (Record.class.isAssignableFrom(element)) {
        return new Field(wire, Kind.RECORD_LIST, element, c);
      }
    }
    throw new IllegalStateException("unsupported wire type " + c.getGenericType() + " of " + c);
  }
}
