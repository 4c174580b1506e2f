@server
Feature: Connect
  RFC 867: "A server listens for TCP connections on TCP port 13."
  A daytime server accepts a TCP connection without delay.

  Background:
    Given the daytime server under test

  @DT-TCP-001 @must
  Scenario: The server accepts a TCP connection
    When a client connects and reads until the server closes
    Then the connection is accepted within the deadline
