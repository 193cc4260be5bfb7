package io.ringwatch.engine.dispatch;

import static io.ringwatch.engine.dispatch.ServiceFolders.jar;
import static io.ringwatch.engine.dispatch.ServiceFolders.loaderOver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.engine.dispatch.TestProviders.Alpha;
import io.ringwatch.engine.dispatch.TestProviders.AlsoAlpha;
import io.ringwatch.engine.dispatch.TestProviders.Beta;
import io.ringwatch.engine.dispatch.TestProviders.BlankId;
import io.ringwatch.engine.dispatch.TestProviders.FailingStaticInitializer;
import io.ringwatch.engine.dispatch.TestProviders.Misbehaving;
import io.ringwatch.engine.dispatch.TestProviders.MissingBase;
import io.ringwatch.engine.dispatch.TestProviders.NeedsMissingBase;
import io.ringwatch.engine.dispatch.TestProviders.NoDefaultConstructor;
import io.ringwatch.engine.dispatch.TestProviders.NotAProvider;
import io.ringwatch.engine.dispatch.TestProviders.NullId;
import io.ringwatch.engine.dispatch.TestProviders.ThrowingConstructor;
import io.ringwatch.engine.dispatch.TestProviders.ThrowingId;
import io.ringwatch.engine.dispatch.TestProviders.UpperCaseId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierProvidersTest {
    private static final String MISSING = "io.ringwatch.notifiers.DoesNotExist";

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Nested
    class Discovery {

        @Test
        void findsEveryDeclaredProviderByItsId() {
            var providers = NotifierProviders.discover(loaderOver(jar(first, Alpha.class.getName(), Beta.class.getName())));

            assertThat(providers.ids()).containsExactly("alpha", "beta-2");
            assertThat(providers.find("alpha")).get().isInstanceOf(Alpha.class);
            assertThat(providers.find("beta-2")).get().isInstanceOf(Beta.class);
        }

        @Test
        void findsProvidersDeclaredInSeveralJars() {
            var providers = NotifierProviders.discover(loaderOver(
                    jar(first, Alpha.class.getName()), jar(second, Beta.class.getName())));

            assertThat(providers.ids()).containsExactly("alpha", "beta-2");
        }

        @Test
        void findsNothingWithoutFailingWhenNoProviderIsDeclared() {
            var providers = NotifierProviders.discover(loaderOver(first));

            assertThat(providers.ids()).isEmpty();
            assertThat(providers.find("console")).isEmpty();
        }

        @Test
        void skipsAProviderWhoseClassDoesNotExistAndKeepsTheOthers() {
            var providers = NotifierProviders.discover(loaderOver(jar(first, Alpha.class.getName(), MISSING, Beta.class.getName())));

            assertThat(providers.ids()).containsExactly("alpha", "beta-2");
        }

        @Test
        void skipsAProviderWhoseConstructorThrows() {
            var providers = NotifierProviders.discover(loaderOver(
                    jar(first, ThrowingConstructor.class.getName(), Alpha.class.getName())));

            assertThat(providers.ids()).containsExactly("alpha");
        }

        @Test
        void skipsAProviderWhoseStaticInitializerThrows() {
            var providers = NotifierProviders.discover(loaderOver(
                    jar(first, FailingStaticInitializer.class.getName(), Alpha.class.getName())));

            assertThat(providers.ids()).containsExactly("alpha");
        }

        @Test
        void skipsAClassThatIsNotAProviderOrCannotBeConstructed() {
            var providers = NotifierProviders.discover(loaderOver(jar(first,
                    NotAProvider.class.getName(), NoDefaultConstructor.class.getName(), Alpha.class.getName())));

            assertThat(providers.ids()).containsExactly("alpha");
        }

        @Test
        void skipsAProviderWhoseDependencyIsMissing() {
            var loader = ServiceFolders.loaderHiding(Set.of(MissingBase.class.getName()),
                    jar(first, NeedsMissingBase.class.getName(), Alpha.class.getName()));

            var providers = NotifierProviders.discover(loader);

            assertThat(providers.ids()).containsExactly("alpha");
        }

        @Test
        void skipsAProviderWhoseIdThrows() {
            var providers = NotifierProviders.discover(loaderOver(jar(first, ThrowingId.class.getName(), Alpha.class.getName())));

            assertThat(providers.ids()).containsExactly("alpha");
        }

        @Test
        void skipsProvidersWhoseIdIsNullBlankOrNotLowerCase() {
            var providers = NotifierProviders.discover(loaderOver(jar(first,
                    NullId.class.getName(), BlankId.class.getName(), UpperCaseId.class.getName(), Beta.class.getName())));

            assertThat(providers.ids()).containsExactly("beta-2");
        }

        @Test
        void refusesTwoProvidersWithTheSameIdNamingTheIdAndBothClasses() {
            var loader = loaderOver(jar(first, Alpha.class.getName()), jar(second, AlsoAlpha.class.getName()));

            assertThatIllegalStateException()
                    .isThrownBy(() -> NotifierProviders.discover(loader))
                    .withMessageContaining("'alpha'")
                    .withMessageContaining(Alpha.class.getName())
                    .withMessageContaining(AlsoAlpha.class.getName());
        }

        @Test
        void doesNotCountAProviderDeclaredTwiceAsADuplicate() {
            var providers = NotifierProviders.discover(loaderOver(
                    jar(first, Alpha.class.getName()), jar(second, Alpha.class.getName())));

            assertThat(providers.ids()).containsExactly("alpha");
        }

        @Test
        void givesUpOnALoaderThatKeepsFailingInsteadOfLoopingForever() {
            var providers = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> NotifierProviders.discover(ServiceFolders.brokenLoader()));

            assertThat(providers.ids()).isEmpty();
        }

        @Test
        void looksInTheSystemClassLoaderWhenGivenNone() {
            var providers = NotifierProviders.discover(null);

            assertThat(providers.ids()).isEmpty();
        }
    }

    @Nested
    class ExplicitProviders {

        @Test
        void usesExactlyTheProvidersGiven() {
            var providers = NotifierProviders.of(new Beta(), new Alpha());

            assertThat(providers.ids()).containsExactly("alpha", "beta-2");
            assertThat(providers).hasToString("NotifierProviders[alpha (" + Alpha.class.getName() + "), beta-2 ("
                    + Beta.class.getName() + ")]");
        }

        @Test
        void refusesAProviderWithAnInvalidIdInsteadOfSkippingIt() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> NotifierProviders.of(new Alpha(), new UpperCaseId()))
                    .withMessageContaining(UpperCaseId.class.getName())
                    .withMessageContaining("'Slack'");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> NotifierProviders.of(new NullId()))
                    .withMessageContaining("null");
        }

        @Test
        void refusesTwoProvidersWithTheSameId() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> NotifierProviders.of(new Alpha(), new AlsoAlpha()))
                    .withMessage("Two notifier providers have the id 'alpha': " + Alpha.class.getName() + " and "
                            + AlsoAlpha.class.getName() + ". Provider ids must be unique: remove one of them from the class path");
        }

        @Test
        void refusesANullProvider() {
            assertThatNullPointerException().isThrownBy(() -> NotifierProviders.of(new Alpha(), null));
        }

        @Test
        void cannotBeChangedThroughItsIds() {
            var providers = NotifierProviders.of(new Alpha());

            assertThat(providers.ids()).isUnmodifiable();
        }
    }

    @Nested
    class Creating {
        private final NotifierProviders providers = NotifierProviders.of(new Alpha(), new Misbehaving());

        @Test
        void createsTheChannelWithTheProviderItNames() {
            Notifier notifier = providers.create("alpha", NotifierSettings.empty("ops"));

            assertThat(notifier.name()).isEqualTo("ops");
        }

        @Test
        void namesTheUnknownIdAndListsTheKnownOnes() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> providers.create("slak", NotifierSettings.empty("ops-slack")))
                    .withMessage("channel 'ops-slack': no notifier provider has the id 'slak'; known ids: alpha, misbehaving");
        }

        @Test
        void pointsToTheDocsWhenNoProviderIsKnown() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> NotifierProviders.of().create("console", NotifierSettings.empty("ops")))
                    .withMessageContaining("'console'")
                    .withMessageContaining("known ids: none (see docs/notifiers.md)");
        }

        @Test
        void passesOnTheProvidersOwnRejectionOfTheSettings() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> providers.create("misbehaving", NotifierSettings.empty("rejects")))
                    .withMessage("channel 'rejects': setting 'url' is required");
        }

        @Test
        void namesTheChannelAndProviderWhenTheProviderBreaks() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> providers.create("misbehaving", NotifierSettings.empty("breaks")))
                    .withMessageContaining("channel 'breaks'")
                    .withMessageContaining(Misbehaving.class.getName())
                    .withCauseInstanceOf(NullPointerException.class);
            assertThatIllegalStateException()
                    .isThrownBy(() -> providers.create("misbehaving", NotifierSettings.empty("returns-null")))
                    .withMessageContaining("returned no notifier");
        }

        @Test
        void needsAnIdAndSettings() {
            assertThatNullPointerException().isThrownBy(() -> providers.create(null, NotifierSettings.empty("ops")));
            assertThatNullPointerException().isThrownBy(() -> providers.create("alpha", null));
            assertThatNullPointerException().isThrownBy(() -> providers.find(null));
        }

        @Test
        void findsTheSameProviderEveryTime() {
            NotifierProvider once = providers.find("alpha").orElseThrow();

            assertThat(providers.find("alpha")).containsSame(once);
        }
    }
}
