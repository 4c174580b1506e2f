package dev.daytimeharness.protocol;

/**
 * Counts of each kind of byte in a reply. RFC 867: "the daytime should be just ASCII printing
 * characters, space, carriage return, and line feed".
 *
 * @param printable printable ASCII, 0x20 to 0x7E
 * @param lineBreaks CR and LF
 * @param control other control characters, NUL excluded (tab, ESC, DEL ...)
 * @param nul NUL bytes, which some servers append as a C string terminator
 * @param nonAscii bytes 0x80 and above
 */
public record CharClasses(int printable, int lineBreaks, int control, int nul, int nonAscii) {
    public boolean isAscii() {
        return nonAscii == 0;
    }
}
