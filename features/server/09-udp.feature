@server @udp
Feature: UDP
  RFC 867: "A server listens for UDP datagrams on UDP port 13. When a datagram is received, an
  answering datagram is sent containing the current date and time as a ASCII character string
  (the data in the received datagram is ignored)."

  Background:
    Given the daytime server under test
    And the server under test answers UDP

  @DT-UDP-001 @must
  Scenario: A datagram gets a datagram back
    When a client sends the datagram "what time is it?"
    Then a datagram comes back
    And the reply is not empty
    And the reply is ASCII

  @DT-UDP-002 @must
  Scenario: An empty datagram gets a datagram back
    When a client sends an empty datagram
    Then a datagram comes back
    And the reply is not empty

  @DT-UDP-003 @should
  Scenario: The datagram carries a recognised, correct timestamp
    When a client sends the datagram "?"
    Then a datagram comes back
    And the timestamp's format is recognised
    And the server's clock agrees with ours within the tolerance

  @DT-UDP-004 @must
  Scenario: One datagram gets one datagram back, not many
    When a client sends the datagram "?" and listens for more
    Then only one datagram comes back for each one sent
