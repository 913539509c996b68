package com.mcpregistry.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;

/**
 * The registry's logging, set up in code (logback finds it through {@code META-INF/services}) rather than from an XML
 * file, whose parsing was a tenth of {@code serve}'s start-up: one console appender, JSON lines (logstash's encoder)
 * or text as {@code LOG_FORMAT} says and at {@code LOG_LEVEL} (both set by {@link Logging} before the first log line),
 * and quieter levels for chatty libraries. A logback file given with {@code -Dlogback.configurationFile}, or a
 * {@code logback-test.xml} or {@code logback.xml} on the class path, wins: logback then reads it as it always does.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** Libraries' loggers and the most they say whatever {@code LOG_LEVEL} is. */
    private static final Map<String, Level> LIBRARIES = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            // The driver logs connection details at debug and below; never let LOG_LEVEL open them.
            "org.postgresql", Level.INFO,
            "liquibase", Level.WARN,
            "io.zonky", Level.WARN);

    private static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (aFileIsGiven()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());
        // Liquibase and others log through java.util.logging; the bridge sends it here, at matching levels.
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        context.addListener(julLevels);
        julLevels.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(System.getProperty("LOG_FORMAT", "TEXT"));
        console.setEncoder(encoder(context, console.getName()));
        console.start();

        LIBRARIES.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("LOG_LEVEL"), Level.INFO));
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if (format.equals(ServeSettings.LogFormat.JSON.name())) {
            LogstashEncoder json = new LogstashEncoder();
            json.setContext(context);
            LogstashFieldNames fields = json.getFieldNames();
            fields.setLevelValue("[ignore]");
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }

    private static boolean aFileIsGiven() {
        ClassLoader loader = LogSetup.class.getClassLoader();
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }
}
