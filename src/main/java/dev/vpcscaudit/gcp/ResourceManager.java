package dev.vpcscaudit.gcp;

/** The read-only part of Cloud Resource Manager v3 that the audit needs. */
public interface ResourceManager {

  /** {@code GET v3/projects/{idOrNumber}}. */
  ProjectInfo project(String idOrNumber);

  /** {@code GET v3/{folder}}: the folder's parent, {@code folders/N} or {@code organizations/N}. */
  String folderParent(String folder);

  /**
   * The project's ancestors from its parent up: {@code folders/N}... then {@code organizations/N}
   * (none of them when the project has no parent). The live implementation asks once ({@code POST
   * v1/projects/{id}:getAncestry}, read-only); this default walks folder by folder.
   */
  default java.util.List<String> ancestry(String idOrNumber) {
    java.util.List<String> out = new java.util.ArrayList<>();
    String parent = project(idOrNumber).parent();
    while (parent != null && parent.startsWith("folders/") && out.size() < 32) {
      out.add(parent);
      parent = folderParent(parent);
    }
    if (parent != null && !parent.isEmpty()) {
      out.add(parent);
    }
    return out;
  }

  /** {@code GET v3/projects:search?query=QUERY}, every page; active projects only. */
  java.util.List<ProjectInfo> searchProjects(String query);

  /** {@code GET v3/folders:search}, every page: folder name to parent. */
  java.util.Map<String, String> searchFolders();

  /**
   * A resolved project.
   *
   * @param number the project number
   * @param id the project ID
   * @param parent {@code folders/N}, {@code organizations/N}, or empty for a project without one
   */
  record ProjectInfo(String number, String id, String parent) {}
}
