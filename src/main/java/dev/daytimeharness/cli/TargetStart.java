package dev.daytimeharness.cli;

import dev.daytimeharness.target.RunningTarget;
import dev.daytimeharness.target.Target;

/** Starts a target, turning a failure to start into one line for the user. */
final class TargetStart {
    private TargetStart() {}

    static RunningTarget start(Target target) {
        try {
            return target.start();
        } catch (RuntimeException e) {
            String what = target instanceof Target.Docker d ? "image " + d.image() : "the reference server";
            throw new UserError(ExitCode.FAILURE, "cannot start " + what + ": " + e.getMessage(), e);
        }
    }
}
