@server
Feature: Read-buffer limits
  The classic daytime client reads the reply with a single read into a 1024-byte buffer.
  A reply longer than that buffer, or one that arrives in pieces, breaks it.

  Background:
    Given the daytime server under test
    When a client connects and reads until the server closes

  @DT-TCP-040 @must
  Scenario: The reply fits the read buffer
    Then the reply fits the read buffer

  @DT-TCP-041 @compat
  Scenario: The reply arrives in one read
    Then the reply arrives in a single read
