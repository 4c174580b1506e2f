@server
Feature: Input is discarded
  RFC 867: "any data received is thrown away".

  Background:
    Given the daytime server under test

  @DT-TCP-030 @must
  Scenario: The server replies even when the client speaks first
    When a client sends "hello, daytime\r\n" and then reads
    Then the server still replies

  @DT-TCP-031 @must
  Scenario: The reply never contains the client's data
    When a client sends "ECHO-PROBE-7f3a\r\n" and then reads
    Then the reply does not contain what the client sent

  @DT-TCP-032 @must @load
  Scenario: The server survives a client that sends a lot and never reads
    Given the server under test may be loaded
    And a client that sends 8 MiB without reading is still connected
    When another client connects and reads until the server closes
    Then that client gets a complete reply
