package dev.vpcscaudit.cli;

/** A command that mixes in {@link CommonOptions}; the error handler reads them. */
interface HasCommonOptions {
  CommonOptions common();
}
