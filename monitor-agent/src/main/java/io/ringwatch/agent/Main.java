package io.ringwatch.agent;

/** The agent's entry point: {@code java -jar ringwatch-agent.jar <command>}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("ringwatch agent: not built yet");
    }
}
