@server @load
Feature: Concurrency
  A daytime server serves many clients at once; one that serialises slow replies leaves
  clients waiting past their deadline.

  @DT-TCP-060 @must
  Scenario: Many clients at once are all served within the deadline
    Given the daytime server under test
    And the server under test may be loaded
    When many clients connect at once
    Then every client gets a complete reply within the deadline
