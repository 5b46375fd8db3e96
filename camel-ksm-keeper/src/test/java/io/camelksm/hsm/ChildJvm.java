package io.camelksm.hsm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Starts {@link HsmChildMain} in a new JVM on the test classpath and collects its protocol lines. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::readLines, "child-jvm-stdout");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static ChildJvm start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                HsmChildMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new ChildJvm(builder.start());
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                // native code (the PKCS#11 library) may write to the same stdout without a newline: find the marker
                int marker = line.indexOf("CHILD ");
                if (marker >= 0) {
                    lines.add(line.substring(marker + "CHILD ".length()));
                }
            }
        } catch (IOException e) {
            // the process died: that is what some tests do to it
        }
    }

    /** The next protocol line, or null after the timeout. */
    String nextLine(long timeout, TimeUnit unit) throws InterruptedException {
        return lines.poll(timeout, unit);
    }

    /** Kills the JVM at once (SIGKILL: no shutdown hooks, no finally blocks) and returns the lines it had left. */
    List<String> kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(10));
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        return rest;
    }

    boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        boolean done = process.waitFor(timeout, unit);
        if (done) {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        return done;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
