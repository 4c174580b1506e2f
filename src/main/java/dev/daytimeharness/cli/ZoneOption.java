package dev.daytimeharness.cli;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Reads a --zone option, the same way for every command. */
final class ZoneOption {
    private ZoneOption() {}

    /** The named zone, or this machine's when none is given. */
    static ZoneId parse(String zone) {
        try {
            return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw UserError.usage("unknown --zone '" + zone + "' (try UTC, Europe/Berlin or +02:00)");
        }
    }
}
