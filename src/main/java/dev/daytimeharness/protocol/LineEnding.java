package dev.daytimeharness.protocol;

/** How the lines of a reply end. RFC 867 only recommends "CR and LF"; real servers differ. */
public enum LineEnding {
    /** {@code \r\n}, as the inetd family and xinetd send. */
    CRLF,
    /** {@code \n} alone, as NIST and many scripts send. */
    LF,
    /** {@code \n\r}, a reversed ending some Windows servers send. */
    LFCR,
    /** {@code \r} alone. */
    CR,
    /** Lines end in more than one way. */
    MIXED,
    /** The reply has no line ending at all. */
    NONE
}
