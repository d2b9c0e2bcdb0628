package dev.pgdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogbackSetupTest {
    @Test
    void logbackFindsTheSetupThroughItsServiceFile() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogbackSetup.class);
    }

    @Test
    void warningsAndErrorsGoToStandardErrorWithTheDriversAndThePoolQuieter() {
        LoggerContext context = new LoggerContext();
        LogbackSetup setup = new LogbackSetup();
        setup.setContext(context);

        assertThat(setup.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class, appender -> {
            assertThat(appender.getTarget()).isEqualTo("System.err");
            assertThat(appender.isStarted()).isTrue();
        });
        assertThat(context.getLogger("com.zaxxer.hikari.pool.ProxyConnection").getLevel())
                .isEqualTo(Level.ERROR);
        assertThat(context.getLogger("com.zaxxer.hikari.pool.PoolBase").isEnabledFor(Level.WARN))
                .as("the pool's housekeeping warnings stay off the CLI's stderr")
                .isFalse();
        assertThat(context.getLogger("org.postgresql").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.postgresql.ssl.PGjdbcHostnameVerifier")
                        .getLevel())
                .isEqualTo(Level.OFF);
        context.stop();
    }

    @Test
    void everyLogLineHasItsPasswordsMasked() {
        LoggerContext context = new LoggerContext();
        LogbackSetup setup = new LogbackSetup();
        setup.setContext(context);
        setup.configure(context);
        Logger logger = context.getLogger("dev.pgdesk.Example");
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> appender = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(),
                logger,
                Level.WARN,
                "could not use {} nor {}",
                new IllegalStateException("bad target host=h password='S3CR3T X'"),
                new Object[] {"postgresql://alice:S3CR3T@db/sales", "jdbc:postgresql://db/sales?password=S3CR3T"});

        String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);

        assertThat(line)
                .contains("could not use postgresql://alice:" + Redaction.MASK + "@db/sales")
                .contains("IllegalStateException: bad target host=h password=" + Redaction.MASK)
                .doesNotContain("S3CR3T");
        context.stop();
    }

    @Test
    void theRootLevelComesFromTheEnvironmentVariableAndFallsBackToWarn() {
        assertThat(LogbackSetup.rootLevel(null)).isEqualTo(Level.WARN);
        assertThat(LogbackSetup.rootLevel(" ")).isEqualTo(Level.WARN);
        assertThat(LogbackSetup.rootLevel("debug")).isEqualTo(Level.DEBUG);
        assertThat(LogbackSetup.rootLevel(" INFO ")).isEqualTo(Level.INFO);
        assertThat(LogbackSetup.rootLevel("loud")).isEqualTo(Level.WARN);
    }

    @Test
    void aConfigurationFileNamedOnTheCommandLineTakesOver() {
        LoggerContext context = new LoggerContext();
        LogbackSetup setup = new LogbackSetup();
        setup.setContext(context);
        System.setProperty("logback.configurationFile", "custom-logback.xml");
        try {
            assertThat(setup.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
                    .isNull();
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }

    @Test
    void javaFxsClassPathWarningIsDroppedAndItsOtherRecordsPass() {
        Logging.DropClassPathWarning filter = new Logging.DropClassPathWarning();

        assertThat(filter.isLoggable(new LogRecord(
                        java.util.logging.Level.WARNING,
                        "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @2143e17b'")))
                .isFalse();
        assertThat(filter.isLoggable(new LogRecord(java.util.logging.Level.WARNING, "Could not load font")))
                .isTrue();
        assertThat(filter.isLoggable(new LogRecord(java.util.logging.Level.WARNING, null)))
                .isTrue();
    }
}
