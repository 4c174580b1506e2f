@faults
Feature: Network faults between the client and the server
  Toxiproxy sits between the reference client and the server under test and injects one fault
  at a time. Each scenario states what a user of the client observes.

  Background:
    Given the daytime server under test
    And a fault proxy in front of it

  @DT-FLT-001 @must
  Scenario: Latency delays a valid reply and widens the clock's uncertainty
    Given a latency of 500 ms on replies
    When the reference client fetches the time through the proxy
    Then the client succeeds
    And the reply starts at least 500 ms after connecting
    And the clock-offset uncertainty is at least 250 ms

  @DT-FLT-002 @must
  Scenario: A reply cut into 1-byte slices still arrives whole
    Given replies cut into 1-byte slices
    When the reference client fetches the time through the proxy
    Then the whole line arrived in more than one read

  @DT-FLT-003 @must
  Scenario: A reset is reported as a reset
    Given the proxy resets the connection
    When the reference client fetches the time through the proxy
    Then the client fails with exit code 1 and reports "connection reset"

  @DT-FLT-004 @must
  Scenario: A connection that never delivers ends at the client's deadline
    Given the proxy drops replies and holds the close for 10000 ms
    When the reference client fetches the time through the proxy within 1000 ms
    Then the client fails with exit code 1 and reports "no reply"

  @DT-FLT-005 @must
  Scenario: A truncated reply is detected and reported
    Given the proxy cuts replies after 5 bytes
    When the reference client fetches the time through the proxy
    Then the client fails with exit code 1 and reports "looks truncated"

  @DT-FLT-006 @must
  Scenario: A slow link gives a slow but complete reply
    Given a bandwidth of 1 KB/s on replies
    When the reference client fetches the time through the proxy
    Then the client succeeds

  @DT-FLT-007 @must @timed
  Scenario: A late close still gives the whole reply first
    Given the proxy delays the close by 1000 ms
    When the reference client fetches the time through the proxy
    Then the client succeeds
    And the client gets the reply within 500 ms
    And the connection closes at least 1000 ms after connecting

  @DT-FLT-008 @must
  Scenario: A proxy that is down refuses the connection
    Given the proxy is disabled
    When the reference client fetches the time through the proxy
    Then the client fails with exit code 1 and reports "connection refused"

  @DT-FLT-009 @must
  Scenario: Faults on what the client sends do not change the reply
    Given a latency of 300 ms and 1-byte slices on what the client sends
    When the reference client fetches the time through the proxy
    Then the client succeeds
