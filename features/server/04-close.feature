@server
Feature: Close
  RFC 867: the time is sent "and then the connection is closed" by the server.

  Background:
    Given the daytime server under test
    When a client connects and reads until the server closes

  @DT-TCP-020 @must
  Scenario: The server closes the connection after sending the time
    Then the server closes the connection after the reply

  @DT-TCP-021 @must
  Scenario: The reply is not cut short by a reset
    Then the reply is not cut short by a reset
