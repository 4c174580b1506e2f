package dev.daytimeharness.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The address a listening command binds to; a name that does not resolve is a usage error. */
final class BindAddress {
    private BindAddress() {}

    static InetAddress resolve(String option, String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw UserError.usage(option + " " + value + " is not an address of this machine");
        }
    }
}
