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
