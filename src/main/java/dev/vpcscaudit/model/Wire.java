package dev.vpcscaudit.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a record component of the perimeter model to its name in the Access Context Manager v1 REST
 * JSON (= {@code gcloud --format=json}) and in the google Terraform provider's {@code
 * google_access_context_manager_service_perimeter} schema. This is the one definition of a
 * perimeter's fields: the JSON reader, the JSON writer and the Terraform renderer all walk it
 * ({@link WireSchema}), so a field added here is read, written and rendered, and a field the
 * provider cannot hold ({@code hcl} empty) is refused by name instead of dropped.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Wire {

  /** The REST JSON name, e.g. {@code restrictedServices}. */
  String json();

  /**
   * The Terraform attribute or block name, e.g. {@code restricted_services}; empty when the
   * provider has no such argument (a perimeter holding a value there is refused).
   */
  String hcl() default "";

  /** Output-only in the API (e.g. {@code etag}): never written to Terraform, never refused. */
  boolean outputOnly() default false;

  /**
   * Written to Terraform even when empty or false (e.g. {@code title}, {@code enable_restriction}).
   */
  boolean hclAlways() default false;

  /** A missing or empty value is bad input. */
  boolean required() default false;
}
