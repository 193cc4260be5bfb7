package io.ringwatch.engine.dispatch;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;

/** Providers for discovery tests: well-behaved ones and every way a provider can be broken. */
public final class TestProviders {
    private TestProviders() {
    }

    /** A provider with a fixed id whose notifiers do nothing. */
    public abstract static class Fixed implements NotifierProvider {
        private final String id;

        protected Fixed(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Notifier create(NotifierSettings settings) {
            return new Quiet(settings.channel());
        }
    }

    public static final class Alpha extends Fixed {
        public Alpha() {
            super("alpha");
        }
    }

    public static final class Beta extends Fixed {
        public Beta() {
            super("beta-2");
        }
    }

    public static final class AlsoAlpha extends Fixed {
        public AlsoAlpha() {
            super("alpha");
        }
    }

    public static final class UpperCaseId extends Fixed {
        public UpperCaseId() {
            super("Slack");
        }
    }

    public static final class BlankId extends Fixed {
        public BlankId() {
            super(" ");
        }
    }

    public static final class NullId extends Fixed {
        public NullId() {
            super(null);
        }
    }

    public static final class ThrowingConstructor extends Fixed {
        public ThrowingConstructor() {
            super("never");
            throw new IllegalStateException("constructor failed on purpose");
        }
    }

    public static final class ThrowingId extends Fixed {
        public ThrowingId() {
            super("never");
        }

        @Override
        public String id() {
            throw new UnsupportedOperationException("id failed on purpose");
        }
    }

    public static final class FailingStaticInitializer extends Fixed {
        static final int VALUE = fail();

        public FailingStaticInitializer() {
            super("never");
        }

        private static int fail() {
            throw new IllegalStateException("static initializer failed on purpose");
        }
    }

    /** Not a provider at all. */
    public static final class NotAProvider {
    }

    /** A provider without a public no-argument constructor. */
    public static final class NoDefaultConstructor extends Fixed {
        public NoDefaultConstructor(String id) {
            super(id);
        }
    }

    /** Stands for a library a provider needs; {@link HidingClassLoader} hides it. */
    public abstract static class MissingBase extends Fixed {
        protected MissingBase() {
            super("needs-missing");
        }
    }

    public static final class NeedsMissingBase extends MissingBase {
    }

    /** A provider whose create misbehaves as told by the channel's name. */
    public static final class Misbehaving implements NotifierProvider {
        @Override
        public String id() {
            return "misbehaving";
        }

        @Override
        public Notifier create(NotifierSettings settings) {
            return switch (settings.channel()) {
                case "rejects" -> throw new IllegalArgumentException("channel 'rejects': setting 'url' is required");
                case "breaks" -> throw new NullPointerException("a bug in the provider");
                case "returns-null" -> null;
                default -> new Quiet(settings.channel());
            };
        }
    }

    /** A notifier that accepts everything and delivers nothing. */
    public static final class Quiet implements Notifier {
        private final String name;

        Quiet(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(Notification notification) {
        }
    }
}
