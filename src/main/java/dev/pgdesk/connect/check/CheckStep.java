package dev.pgdesk.connect.check;

import java.time.Duration;

/**
 * One step of a connection test as reported to the user.
 *
 * @param summary one line, for example {@code TLSv1.3, TLS_AES_256_GCM_SHA384, verified against ca.crt}
 * @param detail further lines, may be empty
 */
public record CheckStep(StepKind kind, StepStatus status, String summary, String detail, Duration elapsed) {}
