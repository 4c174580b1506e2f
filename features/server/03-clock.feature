@server
Feature: The clock runs
  A daytime server tells the current time, so two replies a second apart differ.

  @DT-TCP-012 @must
  Scenario: Timestamps from connections more than a second apart advance
    Given the daytime server under test
    When a client connects twice, more than a second apart
    Then the second timestamp is later than the first
