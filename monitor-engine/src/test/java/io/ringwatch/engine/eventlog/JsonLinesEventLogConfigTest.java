package io.ringwatch.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.engine.eventlog.JsonLinesEventLog.Config;
import io.ringwatch.engine.eventlog.JsonLinesEventLog.Fsync;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonLinesEventLogConfigTest {

    @Test
    void defaultsToSyncOnFlushRotatingAt64MibAndDailyKeepingAHundredFilesOfAnyAge() {
        assertThat(Config.ofDefaults()).isEqualTo(new Config(Fsync.ON_FLUSH, 64L * 1024 * 1024, 100, true, Optional.empty()));
        assertThat(Config.custom().build()).isEqualTo(Config.ofDefaults());
    }

    @Test
    void startsFromABaseAndChangesOnlyWhatIsSet() {
        Config base = Config.custom().fsync(Fsync.EVERY_APPEND).maxFiles(3).build();

        assertThat(Config.from(base).maxFileBytes(1024).build()).isEqualTo(new Config(Fsync.EVERY_APPEND, 1024, 3));
        assertThat(Config.from(base).rotateDaily(false).maxAge(Duration.ofDays(30)).build())
                .isEqualTo(new Config(Fsync.EVERY_APPEND, Config.DEFAULT_MAX_FILE_BYTES, 3, false, Optional.of(Duration.ofDays(30))));
        assertThat(Config.from(base).maxAge(Duration.ofDays(30)).maxAge(null).build().maxAge()).isEmpty();
        assertThat(base.maxFileBytes()).isEqualTo(Config.DEFAULT_MAX_FILE_BYTES);
    }

    @Test
    void rejectsValuesThatCannotWork() {
        assertThatThrownBy(() -> Config.custom().maxFileBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFileBytes must be at least 1, was 0");
        assertThatThrownBy(() -> Config.custom().maxFiles(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFiles must be at least 1, was 0");
        assertThatThrownBy(() -> Config.custom().maxAge(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAge must be positive, was PT0S");
        assertThatThrownBy(() -> Config.custom().fsync(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("fsync");
    }
}
