package dev.pgdesk.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Map;

/**
 * pgdesk's logging configuration, written in code rather than {@code logback.xml}: reading XML cost about 80 ms
 * of every start. Warnings and errors go to stderr, so the CLI's standard output stays clean for scripts; the
 * environment variable {@code PGDESK_LOG_LEVEL} lowers or raises the level. Passwords are masked in every line. A file named by the system property
 * {@code logback.configurationFile} replaces all of this.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {
    /** The environment variable that sets the root level (WARN when unset). */
    public static final String LEVEL_VARIABLE = "PGDESK_LOG_LEVEL";

    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    /** Loggers quieter than the root, and why. */
    private static final Map<String, Level> QUIETER = Map.of(
            // The pool's warnings (a connection that failed validation, a rollback on close, a clock leap) are
            // about its housekeeping: pgdesk tells the user what matters in its own words, and a CLI's stderr is
            // read by schedulers, where a raw library line looks like a failure.
            "com.zaxxer.hikari", Level.ERROR,
            // A connection marked broken is reported to the user by pgdesk (lost connection, reconnected); the
            // pool's own warning carries a stack trace that would only clutter the CLI's stderr.
            "com.zaxxer.hikari.pool.ProxyConnection", Level.ERROR,
            "org.postgresql", Level.WARN,
            // A host-name mismatch is explained to the user by pgdesk itself; the driver's report is noise.
            "org.postgresql.ssl.PGjdbcHostnameVerifier", Level.OFF);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());
        // Keeps java.util.logging (pgjdbc, JavaFX) cheap when bridged: disabled levels are not even formatted.
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        context.addListener(propagator);
        propagator.start();

        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(PATTERN);
        pattern.start();
        RedactingLayout layout = new RedactingLayout(pattern);
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel(System.getenv(LEVEL_VARIABLE)));
        root.addAppender(stderr);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Formats with another layout and masks passwords in the result ({@link Redaction}): a library's message or an
     * exception's may quote a connection string, and a scheduler keeps stderr in a log file.
     */
    static final class RedactingLayout extends LayoutBase<ILoggingEvent> {
        private final Layout<ILoggingEvent> inner;

        RedactingLayout(Layout<ILoggingEvent> inner) {
            this.inner = inner;
        }

        @Override
        public String doLayout(ILoggingEvent event) {
            return Redaction.redact(inner.doLayout(event));
        }
    }

    /** The root level named by {@code value} (any case), or WARN when it is unset or names no level. */
    static Level rootLevel(String value) {
        return value == null || value.isBlank() ? Level.WARN : Level.toLevel(value.strip(), Level.WARN);
    }
}
