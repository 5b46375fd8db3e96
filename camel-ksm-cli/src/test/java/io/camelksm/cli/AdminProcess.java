package io.camelksm.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ksm-admin} ({@link KsmAdmin#main}) in a JVM of its own on the test classpath: for what needs a fresh
 * process (a PKCS#11 login is shared by the whole JVM, so a wrong PIN can only be tried in a new one), and to see the
 * real exit code. Standard input is empty; the environment is this JVM's without its {@code KSM_*} variables, plus the
 * given ones.
 */
record AdminProcess(int exitCode, String out, String err) {

    static AdminProcess run(Map<String, String> environment, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                KsmAdmin.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("KSM_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String out = readAll(process.getInputStream());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ksm-admin did not finish in 2 minutes");
        }
        return new AdminProcess(process.exitValue(), out, err.join());
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String all() {
        return out + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
