package dev.vpcscaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reads the perimeters of a project (live or from a file) and writes one document:
 * the options {@code audit}, {@code plan} and {@code export} share.
 */
abstract class ReadingCommand implements Callable<Integer>, HasCommonOptions {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin SelectionOptions selection;

  @Mixin OutputOption output;

  /** The files this run reads; the output may be none of them. */
  java.util.List<java.nio.file.Path> inputs() {
    return java.util.Arrays.asList(selection.fromFile);
  }

  @Override
  public CommonOptions common() {
    return common;
  }
}
