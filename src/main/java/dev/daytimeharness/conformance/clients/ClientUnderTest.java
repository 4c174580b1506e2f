package dev.daytimeharness.conformance.clients;

import dev.daytimeharness.client.Endpoint;
import java.time.Duration;

/**
 * A daytime client the harness tests: the reference client, a command, or (later) an image.
 * Every run has a hard deadline; a client that overruns it is killed, and the run says so.
 */
public sealed interface ClientUnderTest permits ReferenceClient, CommandClient, ImageClient {

    ClientRun run(Endpoint server, Duration deadline);

    /** How reports name it. */
    String description();

    /**
     * The same client asking over UDP, when the harness can make it do so (the reference client's
     * {@code --udp}); a command given by the user already speaks whatever it speaks.
     */
    default ClientUnderTest overUdp() {
        return this;
    }
}
