@faults @udp
Feature: Network faults between a UDP client and the server
  RFC 867: "When a datagram is received, an answering datagram is sent". Real networks lose,
  delay, duplicate and cut datagrams. A UDP proxy sits between the reference client and the
  server under test and does one of those to every datagram.

  Background:
    Given the server under test answers UDP
    And a UDP fault proxy in front of it

  @DT-UFL-001 @must @timed
  Scenario: Every datagram lost: the reference client gives up within its deadline
    Given the proxy loses every request
    When the reference client asks over UDP with 3 tries of 100 ms
    Then the client gives up within 1000 ms and reports "no reply"

  @DT-UFL-002 @must
  Scenario: Half the requests lost: the reference client asks again until one gets through
    Given the proxy loses half the requests
    When the reference client asks over UDP with 20 tries of 150 ms
    Then the client gets the time over UDP

  @DT-UFL-003 @must
  Scenario: A reply that arrives twice gives one timestamp
    Given the proxy sends every reply twice
    When the reference client asks over UDP with 3 tries of 500 ms
    Then the client gets the time over UDP
    And it shows exactly one timestamp

  @DT-UFL-004 @must @timed
  Scenario: A truncated datagram is not taken for a reply
    Given the proxy cuts every reply to 5 bytes
    When the reference client asks over UDP with 3 tries of 500 ms
    Then the client gives up within 2000 ms and reports "looks truncated"

  @DT-UFL-005 @must
  Scenario: A late datagram is still a reply
    Given a latency of 200 ms on each reply
    When the reference client asks over UDP with 3 tries of 1000 ms
    Then the client gets the time over UDP
    And the datagram came back at least 200 ms after it was sent
