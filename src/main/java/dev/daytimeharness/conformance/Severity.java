package dev.daytimeharness.conformance;

/** How much a finding matters. */
public enum Severity {
    /** A MUST-level RFC 867 failure or a broken service: the check fails. */
    ERROR,
    /** A SHOULD-level or compatibility finding: reported, fails only with --strict. */
    WARNING
}
