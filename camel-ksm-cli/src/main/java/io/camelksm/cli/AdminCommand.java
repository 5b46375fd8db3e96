package io.camelksm.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.camelksm.credential.CredentialName;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every {@code ksm-admin} leaf command shares: the application's settings and its output. */
abstract class AdminCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    KsmAdmin application() {
        return (KsmAdmin) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Parses a credential name; a malformed one is a user error (IllegalArgumentException, exit code 1). */
    static CredentialName credentialName(String text) {
        return CredentialName.of(text);
    }

    @Override
    public final Integer call() {
        execute();
        out().flush();
        return exitCode();
    }

    /** The exit code when {@link #execute()} returned: 0, unless the command reports a finding (audit verify). */
    int exitCode() {
        return KsmAdmin.EXIT_OK;
    }

    /** Does the work; throws to fail (see {@link ErrorReporter} for the exit codes). */
    abstract void execute();
}
