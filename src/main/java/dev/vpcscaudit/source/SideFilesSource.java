package dev.vpcscaudit.source;

import dev.vpcscaudit.codec.AccessLevelReader;
import dev.vpcscaudit.codec.SupportedServicesReader;
import dev.vpcscaudit.model.AccessLevel;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.SupportedService;
import java.nio.file.Path;
import java.util.List;

/**
 * Adds what side files say to another source's discovery: the supported-services list of {@code
 * --services-file} (the JSON of {@code gcloud access-context-manager supported-services list
 * --format=json}) and the access levels of {@code --access-levels-file} (the JSON of {@code gcloud
 * access-context-manager levels list --policy=P --format=json}). Each file is read first, so that a
 * bad one is bad input found before anything else; a null path adds nothing.
 */
public record SideFilesSource(PerimeterSource perimeters, Path servicesFile, Path levelsFile)
    implements PerimeterSource {

  /** {@code source} with the side files that are given (null: none). */
  public static PerimeterSource of(PerimeterSource source, Path servicesFile, Path levelsFile) {
    return servicesFile == null && levelsFile == null
        ? source
        : new SideFilesSource(source, servicesFile, levelsFile);
  }

  @Override
  public Discovery discover(ProjectRef project) {
    List<SupportedService> services = services();
    List<AccessLevel> levels = levels();
    Discovery d = perimeters.discover(project);
    d = services == null ? d : d.withSupportedServices(services);
    return levels == null ? d : d.withAccessLevels(levels);
  }

  @Override
  public ProjectSelection.Result discoverMany(ProjectSelection selection, String organization) {
    List<SupportedService> services = services();
    List<AccessLevel> levels = levels();
    ProjectSelection.Result r = perimeters.discoverMany(selection, organization);
    r = services == null ? r : r.withSupportedServices(services);
    return levels == null ? r : r.withAccessLevels(levels);
  }

  private List<SupportedService> services() {
    return servicesFile == null ? null : SupportedServicesReader.read(servicesFile);
  }

  private List<AccessLevel> levels() {
    return levelsFile == null ? null : AccessLevelReader.readFile(levelsFile);
  }
}
