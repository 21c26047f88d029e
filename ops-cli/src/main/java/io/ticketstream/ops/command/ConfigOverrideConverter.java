package io.ticketstream.ops.command;

import io.ticketstream.ops.connectors.ConfigOverride;
import picocli.CommandLine;

/** Parses {@code --set CONNECTOR:KEY=VALUE}; a malformed one is a usage error (exit 2) that names it. */
public final class ConfigOverrideConverter implements CommandLine.ITypeConverter<ConfigOverride> {

    @Override
    public ConfigOverride convert(String value) {
        try {
            return ConfigOverride.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
