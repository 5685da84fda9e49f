package dev.vpcscaudit.cli;

import java.util.concurrent.Callable;

/**
 * A command that reads the perimeters of a project (live or from a file) and writes one document:
 * the options {@code audit}, {@code plan} and {@code export} share.
 */
abstract class ReadingCommand implements Callable<Integer> {

  Cmd cmd;

  final SelectionOptions selection = new SelectionOptions();

  final OutputOption output = new OutputOption();

  /** Declares the shared options on {@code c}, then the command's own ({@link #declareOwn}). */
  final Cmd declare(Cmd c) {
    cmd = c;
    CommonOptions.declare(c);
    selection.declare(c);
    output.declare(c);
    declareOwn(c);
    return c.action(this);
  }

  /** The command's description, footer and own options. */
  abstract void declareOwn(Cmd c);

  /** The files this run reads; the output may be none of them. */
  java.util.List<java.nio.file.Path> inputs() {
    return java.util.Arrays.asList(selection.fromFile);
  }

  /** {@link #inputs()} and the argument files the command line came from. */
  final java.util.List<java.nio.file.Path> allInputs() {
    java.util.List<java.nio.file.Path> all = new java.util.ArrayList<>(inputs());
    all.addAll(cmd.context().argFiles());
    return all;
  }
}
