package io.ringwatch.engine.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemberTest {

    @Test
    void neverShowsCredentialsOfItsUrls() {
        Member member = Member.of("n1", "https://monitor:s3cret@10.0.0.1:7070/ring?token=abc",
                ServiceSpec.http("orders-api", "https://user:pa55@10.0.0.1:8443/health?key=xyz"));
        assertThat(member.toString()).contains("n1", "10.0.0.1:7070", "orders-api", "10.0.0.1:8443/health")
                .doesNotContain("s3cret", "monitor:", "token", "abc", "pa55", "xyz");
    }

    @Test
    void rejectsAServiceListedTwiceAndARelativeStatusUrl() {
        assertThatThrownBy(() -> Member.of("n1", "http://a:1", ServiceSpec.http("api", "http://a:2/h"), ServiceSpec.http("api", "http://a:3/h")))
                .hasMessage("node n1: service 'api' is listed twice");
        assertThatThrownBy(() -> ServiceSpec.http("api", "/health")).hasMessageContaining("status URL must be absolute");
    }
}
