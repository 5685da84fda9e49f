package dev.vpcscaudit.gcp;

/** The read-only part of Cloud Resource Manager v3 that the audit needs. */
public interface ResourceManager {

  /** {@code GET v3/projects/{idOrNumber}}. */
  ProjectInfo project(String idOrNumber);

  /** {@code GET v3/{folder}}: the folder's parent, {@code folders/N} or {@code organizations/N}. */
  String folderParent(String folder);

  /**
   * A resolved project.
   *
   * @param number the project number
   * @param id the project ID
   * @param parent {@code folders/N}, {@code organizations/N}, or empty for a project without one
   */
  record ProjectInfo(String number, String id, String parent) {}
}
