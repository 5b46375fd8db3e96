package io.camelksm.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import picocli.CommandLine;

/** Runs {@code ksm-admin} in-process with the given standard input, capturing output, errors and the exit code. */
record AdminRun(int exitCode, String out, String err) {

    static AdminRun run(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    static AdminRun run(String stdin, Map<String, String> environment, String... args) {
        return run(SecretSource.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), environment,
                args);
    }

    static AdminRun run(SecretSource secrets, Map<String, String> environment, String... args) {
        KsmAdmin admin = new KsmAdmin(secrets, environment);
        CommandLine commandLine = KsmAdmin.commandLine(admin);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new AdminRun(exitCode, out.toString(), err.toString());
    }

    /** Everything the run printed, for "never shows a secret" checks. */
    String all() {
        return out + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
