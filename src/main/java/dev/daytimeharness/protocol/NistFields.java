package dev.daytimeharness.protocol;

/**
 * The extra fields of the NIST daytime format
 * {@code JJJJJ YR-MO-DA HH:MM:SS TT L H msADV UTC(NIST) *}.
 *
 * @param mjd Modified Julian Day
 * @param dst daylight-saving code TT (00 standard time, 50 daylight time, other values: changing)
 * @param leap leap-second flag L (0 none, 1 add, 2 subtract at the end of the month)
 * @param health H (0 healthy; non-zero means the server's time may be wrong)
 * @param advanceMs msADV, how far ahead the server sent the time to offset network delay
 */
public record NistFields(int mjd, int dst, int leap, int health, double advanceMs) {}
