package dev.daytimeharness.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The address a listening command binds to; a name that does not resolve is a usage error. */
final class BindAddress {
    private BindAddress() {}

    static InetAddress resolve(String option, String value) {
        if (value.isBlank()) {
            // InetAddress takes "" for loopback: a listener would quietly bind where nobody asked.
            throw UserError.usage(option + " needs an address (127.0.0.1 for this machine only, 0.0.0.0 for every"
                    + " interface)");
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw UserError.usage(option + " " + value + " is not an address of this machine");
        }
    }
}
