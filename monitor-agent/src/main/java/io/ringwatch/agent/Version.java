package io.ringwatch.agent;

import picocli.CommandLine.IVersionProvider;

/** The agent's version, from its jar's manifest ({@code dev} when run from classes). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"Ringwatch agent " + (version == null ? "dev" : version)};
    }
}
