package io.camelksm.testsupport;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

/** Captures everything logged (all loggers, all levels from DEBUG, with stack traces) while it is open. */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previousLevel = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Every logged line, formatted, with logger name and the full stack trace of any exception. */
    public String text() {
        return events().stream().map(LogCapture::format).collect(Collectors.joining("\n"));
    }

    /** The formatted messages of one logger. */
    public List<String> messages(String loggerName) {
        return events().stream().filter(e -> e.getLoggerName().equals(loggerName))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static String format(ILoggingEvent e) {
        String line = e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage();
        return e.getThrowableProxy() == null ? line : line + "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
        appender.stop();
    }
}
