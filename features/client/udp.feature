@client @udp
Feature: A daytime client over UDP
  RFC 867: "When a datagram is received, an answering datagram is sent". Datagrams get lost, so a
  UDP client must give up by itself when none comes back.

  Background:
    Given the client under test speaks UDP

  @DT-CLI-020 @must
  Scenario: A UDP server that answers: the client prints the timestamp
    Given a UDP server that answers
    When the client runs against it
    Then the client exits 0 and prints the served timestamp

  @DT-CLI-021 @must
  Scenario: A UDP server that never answers: the client gives up by itself
    Given a UDP server that never answers
    When the client runs against it
    Then the client exits non-zero within the deadline

  @DT-CLI-022 @must
  Scenario: Every reply lost: the client gives up by itself
    Given a UDP server behind a proxy that loses every reply
    When the client runs against it
    Then the client exits non-zero within the deadline

  @DT-CLI-023 @must
  Scenario: The first request lost: the client asks again or fails cleanly
    Given a UDP server whose first request is lost
    When the client runs against it
    Then the client prints the whole reply or fails cleanly

  @DT-CLI-024 @must
  Scenario: A reply that arrives twice: the client prints one timestamp
    Given a UDP server behind a proxy that sends every reply twice
    When the client runs against it
    Then the client prints the timestamp exactly once

  @DT-CLI-025 @must
  Scenario: 2 s of latency: the client still prints the timestamp
    Given a UDP server behind a latency of 2000 ms
    When the client runs against it
    Then the client exits 0 and prints the served timestamp

  @DT-CLI-026 @must
  Scenario: A truncated reply: the client never prints it as the time
    Given a UDP server behind a proxy that cuts every reply to 5 bytes
    When the client runs against it
    Then the client prints the whole reply or fails cleanly
