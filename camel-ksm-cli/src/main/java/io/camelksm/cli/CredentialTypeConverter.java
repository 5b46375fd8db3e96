package io.camelksm.cli;

import io.camelksm.credential.CredentialType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a credential type in any case, with '-' or '_' ({@code basic}, {@code oauth2-client-credentials}). */
public final class CredentialTypeConverter implements ITypeConverter<CredentialType> {

    @Override
    public CredentialType convert(String text) {
        try {
            return CredentialType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
