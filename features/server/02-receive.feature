@server
Feature: Receive a timestamp
  RFC 867: "Once a connection is established the current date and time is sent out the
  connection as a ascii character string (and any data received is thrown away)."

  Background:
    Given the daytime server under test
    When a client connects and reads until the server closes

  @DT-TCP-002 @must
  Scenario: Data arrives without the client sending anything
    Then data arrives without the client sending anything

  @DT-TCP-003 @must
  Scenario: The reply is ASCII
    Then the reply is ASCII

  @DT-TCP-004 @must
  Scenario: The reply is not empty
    Then the reply is not empty

  @DT-TCP-005 @should
  Scenario: The timestamp's format is recognised
    Then the timestamp's format is recognised

  @DT-TCP-006 @must
  Scenario: The server's clock is right
    Then the server's clock agrees with ours within the tolerance

  @DT-TCP-007 @should
  Scenario: The timestamp names its time zone
    Then the timestamp names its time zone

  @DT-TCP-008 @should
  Scenario: The reply is one line
    Then the reply is a single line

  @DT-TCP-009 @should
  Scenario: The reply holds only printing characters and line endings
    Then the reply holds no control characters

  @DT-TCP-010 @should
  Scenario: The reply ends with CR LF
    Then the reply ends with CR LF

  @DT-TCP-011 @compat
  Scenario: The reply starts promptly
    Then the reply starts within 500 ms
