package dev.vpcscaudit.source;

import dev.vpcscaudit.codec.AccessLevelReader;
import dev.vpcscaudit.model.ProjectRef;
import java.nio.file.Path;

/**
 * Adds the access levels of {@code --access-levels-file} (the JSON of {@code gcloud
 * access-context-manager levels list --policy=P --format=json}, one or several policies' lists
 * joined) to an offline source's discovery, so that the access-level checks run.
 */
public record AccessLevelsFileSource(PerimeterSource perimeters, Path levelsFile)
    implements PerimeterSource {

  @Override
  public Discovery discover(ProjectRef project) {
    // Read the file first: a bad file is bad input, found before anything else.
    var levels = AccessLevelReader.readFile(levelsFile);
    return perimeters.discover(project).withAccessLevels(levels);
  }

  @Override
  public ProjectSelection.Result discoverMany(ProjectSelection selection, String organization) {
    var levels = AccessLevelReader.readFile(levelsFile);
    return perimeters.discoverMany(selection, organization).withAccessLevels(levels);
  }
}
