package io.camelksm.cluster;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelksm.cli.KsmAdmin;
import io.camelksm.cli.SecretSource;
import picocli.CommandLine;

/**
 * {@code ksm-admin} in-process through its real entry point ({@link KsmAdmin#commandLine}), on the nodes' database and
 * key file, with secrets on standard input: what an operator runs beside the nodes. Each run opens and closes its own
 * database connections, as the separate process would.
 */
final class Admin {

    private final String databaseUrl;
    private final Path keyFile;

    Admin(String databaseUrl, Path keyFile) {
        this.databaseUrl = databaseUrl;
        this.keyFile = keyFile;
    }

    /** Runs the command; fails the test unless it exits with 0. */
    Result run(String stdin, String... args) {
        Result result = attempt(stdin, args);
        if (result.exitCode() != KsmAdmin.EXIT_OK) {
            throw new AssertionError("ksm-admin " + String.join(" ", args) + " failed: " + result);
        }
        return result;
    }

    Result attempt(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--db-url", databaseUrl, "--key-file", keyFile.toString()));
        all.addAll(List.of(args));
        KsmAdmin admin = new KsmAdmin(SecretSource.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
                Map.of());
        CommandLine commandLine = KsmAdmin.commandLine(admin);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}
