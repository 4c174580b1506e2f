@server @load
Feature: Robustness
  Rude clients must not stop the server serving the next one.

  Background:
    Given the daytime server under test
    And the server under test may be loaded

  @DT-TCP-050 @must
  Scenario: A client that connects and resets does not stop the server
    Given a client that resets its connection at once has come and gone
    When another client connects and reads until the server closes
    Then that client gets a complete reply

  @DT-TCP-051 @must
  Scenario: A client that connects and never reads does not stop the server
    Given a client that connects and never reads is still connected
    When another client connects and reads until the server closes
    Then that client gets a complete reply
