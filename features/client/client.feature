@client
Feature: A daytime client copes with every kind of server
  The harness serves the client under test a server behaviour, good or bad, runs it with a hard
  deadline, and judges its exit code and output. A client that hangs is killed and fails.

  Background:
    Given the client under test

  Scenario Outline: <server>: the client prints the timestamp
    Given a server that behaves "<behaviour>"
    When the client runs against it
    Then the client exits 0 and prints the served timestamp

    @DT-CLI-001 @must
    Examples:
      | server          | behaviour |
      | A normal server | good      |

    @DT-CLI-002 @must
    Examples:
      | server                      | behaviour  |
      | A reply in 1-byte fragments | fragmented |

  @DT-CLI-003 @must
  Scenario: A reply longer than 1024 bytes: printed whole, or a clean failure
    Given a server that behaves "oversized"
    When the client runs against it
    Then the client prints the whole reply or fails cleanly

  @DT-CLI-004 @must
  Scenario: An endless stream: the client stops by itself
    Given a server that behaves "endless"
    When the client runs against it
    Then the client stops by itself within the deadline

  @DT-CLI-005 @must
  Scenario: A silent server: the client gives up with an error
    Given a server that behaves "silent"
    When the client runs against it
    Then the client exits non-zero within the deadline

  @DT-CLI-006 @must
  Scenario: A server that never closes after the line: the line, or a timeout, never a hang
    Given a server that behaves "never-closes"
    When the client runs against it
    Then the client returns the line or fails, without hanging

  Scenario Outline: <server>: the client fails
    Given a server that behaves "<behaviour>"
    When the client runs against it
    Then the client exits non-zero within the deadline

    @DT-CLI-007 @must
    Examples:
      | server                        | behaviour  |
      | A reply of just a line ending | empty-line |

    @DT-CLI-008 @must
    Examples:
      | server               | behaviour             |
      | A close without data | close-without-sending |

  Scenario Outline: <server>: the client fails and says why
    Given a server that behaves "<behaviour>"
    When the client runs against it
    Then the client exits non-zero with an error message within the deadline

    @DT-CLI-009 @must
    Examples:
      | server                   | behaviour          |
      | A reset before the reply | reset-after-accept |

    @DT-CLI-010 @must
    Examples:
      | server                   | behaviour          |
      | A reset during the reply | partial-then-reset |

  @DT-CLI-011 @must
  Scenario: Connection refused: the client fails
    Given no server listening
    When the client runs against it
    Then the client exits non-zero within the deadline

  @DT-CLI-012 @must
  Scenario: Two seconds of latency: the client still succeeds
    Given a good server behind a latency of 2000 ms
    When the client runs against it
    Then the client exits 0 and prints the served timestamp

  @DT-CLI-013 @must
  Scenario: A slow link: the client still succeeds
    Given a good server behind a bandwidth of 1 KB/s
    When the client runs against it
    Then the client exits 0 and prints the served timestamp

  Scenario Outline: <server>: the client prints the timestamp unmangled
    Given a server that behaves "<behaviour>"
    When the client runs against it
    Then the client prints the timestamp unmangled

    @DT-CLI-014 @should
    Examples:
      | server        | behaviour |
      | NIST's format | nist      |

    @DT-CLI-015 @should
    Examples:
      | server                 | behaviour |
      | A reversed line ending | lfcr      |

    @DT-CLI-016 @should
    Examples:
      | server               | behaviour          |
      | A leading blank line | leading-blank-line |
