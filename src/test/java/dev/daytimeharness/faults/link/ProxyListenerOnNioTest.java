package dev.daytimeharness.faults.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The relay where Netty's epoll does not load: the JDK's selector, a Netty server channel, and a
 * Link for every connection. The same tests as on epoll, but those about the plain links' cork,
 * which only epoll has: overridden here without {@code @Test}, so JUnit does not run them.
 */
class ProxyListenerOnNioTest extends ProxyListenerTest {
    @Override
    LinkLoop newLoop() {
        return new LinkLoop(false);
    }

    @Test
    void runsOnTheSelector() {
        assertThat(loop.epoll()).isFalse();
    }

    @Override
    void aPlainClientIsCorkedOnlyUntilAWriteThatMayNotBeTheLast() {
        // epoll's alone
    }

    @Override
    void aPlainClientIsCorkedBeforeItsFirstByte() {
        // epoll's alone
    }
}
