package io.ringwatch.engine.dispatch;

import io.ringwatch.api.NotifierProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Set;

/**
 * Folders that look like provider jars: each holds a
 * {@code META-INF/services/io.ringwatch.api.NotifierProvider} file naming classes, which the
 * class loaders here find in the test's own class path.
 */
final class ServiceFolders {
    private ServiceFolders() {
    }

    /** Writes a services file naming these classes into {@code folder}, one per line. */
    static Path jar(Path folder, String... classNames) {
        Path services = folder.resolve("META-INF/services/" + NotifierProvider.class.getName());
        try {
            Files.createDirectories(services.getParent());
            Files.writeString(services, "# written by a test\n" + String.join("\n", classNames) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /**
     * A loader that sees the services files in these folders only (not the test class path's),
     * and loads classes from the test class path.
     */
    static ClassLoader loaderOver(Path... folders) {
        return new FolderLoader(urls(folders), ServiceFolders.class.getClassLoader(), Set.of());
    }

    /**
     * Like {@link #loaderOver}, but defines {@code defined} itself and cannot find the classes
     * in {@code hidden}: a provider jar whose dependency is missing.
     */
    static ClassLoader loaderHiding(Set<String> hidden, Path... folders) {
        return new FolderLoader(urls(folders), ServiceFolders.class.getClassLoader(), hidden);
    }

    /** A loader whose resources cannot even be listed. */
    static ClassLoader brokenLoader() {
        return new ClassLoader(ServiceFolders.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                throw new IOException("the disk is on fire");
            }
        };
    }

    private static URL[] urls(Path... folders) {
        return Arrays.stream(folders).map(folder -> {
            try {
                return folder.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }).toArray(URL[]::new);
    }

    private static final class FolderLoader extends URLClassLoader {
        private final Set<String> hidden;

        FolderLoader(URL[] urls, ClassLoader parent, Set<String> hidden) {
            super(urls, parent);
            this.hidden = hidden;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return findResources(name);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (hidden.isEmpty()) {
                return super.loadClass(name, resolve);
            }
            if (hidden.contains(name)) {
                throw new ClassNotFoundException(name + " is hidden by the test");
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null && name.startsWith(TestProviders.class.getName() + "$")) {
                    loaded = defineHere(name);
                }
                return loaded != null ? loaded : super.loadClass(name, resolve);
            }
        }

        /** Defines a test class in this loader, so that its superclass is looked up here too. */
        private Class<?> defineHere(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
