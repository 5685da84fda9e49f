package dev.vpcscaudit.source;

import dev.vpcscaudit.codec.SupportedServicesReader;
import dev.vpcscaudit.model.ProjectRef;
import java.nio.file.Path;

/**
 * Adds the supported-services list from {@code --services-file} (the JSON of {@code gcloud
 * access-context-manager supported-services list --format=json}) to another source's discovery.
 */
public record ServicesFileSource(PerimeterSource perimeters, Path servicesFile)
    implements PerimeterSource {

  @Override
  public Discovery discover(ProjectRef project) {
    // Read the file first: a bad file is bad input, found before any API call.
    var services = SupportedServicesReader.read(servicesFile);
    return perimeters.discover(project).withSupportedServices(services);
  }

  @Override
  public ProjectSelection.Result discoverMany(ProjectSelection selection, String organization) {
    var services = SupportedServicesReader.read(servicesFile);
    return perimeters.discoverMany(selection, organization).withSupportedServices(services);
  }
}
