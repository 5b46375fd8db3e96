package io.camelksm.store.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What the SDK throws, as our exceptions: SDK 17.1.1 reports HTTP errors as a plain Exception carrying the body. */
class KeeperErrorsTest {

    @Test
    void throttledBodyWithRetryAfterAsNumberOrText() {
        KeeperStoreException e = KeeperErrors.translate("get_secret",
                new Exception("{\"error\":\"throttled\",\"retry_after\":12}"));
        assertThat(e).isInstanceOf(KeeperThrottledException.class).hasMessageContaining("retry after PT12S");
        assertThat(((KeeperThrottledException) e).retryAfter()).contains(Duration.ofSeconds(12));

        KeeperThrottledException text = (KeeperThrottledException) KeeperErrors.translate("get_secret",
                new Exception("{\"result_code\":\"throttled\",\"retry_after\":\"2.5\"}"));
        assertThat(text.retryAfter()).contains(Duration.ofMillis(2500));
    }

    @Test
    void throttledWithoutOrWithNonsenseRetryAfter() {
        assertThat(((KeeperThrottledException) KeeperErrors.translate("get_secret",
                new Exception("{\"error\":\"throttled\"}"))).retryAfter()).isEmpty();
        assertThat(((KeeperThrottledException) KeeperErrors.translate("get_secret",
                new Exception("{\"error\":\"throttled\",\"retry_after\":-3}"))).retryAfter()).isEmpty();
        assertThat(((KeeperThrottledException) KeeperErrors.translate("get_secret",
                new Exception("{\"error\":\"throttled\",\"retry_after\":\"soon\"}"))).retryAfter()).isEmpty();
    }

    @Test
    void otherServiceErrorsKeepErrorAndMessage() {
        KeeperStoreException e = KeeperErrors.translate("get_secret",
                new Exception("{\"error\":\"access_denied\",\"message\":\"Signature is invalid\"}"));
        assertThat(e).isNotInstanceOf(KeeperThrottledException.class)
                .hasMessage("Keeper get_secret failed: access_denied: Signature is invalid");
        assertThat(KeeperErrors.translate("update_secret", new Exception("Bad Gateway")))
                .hasMessage("Keeper update_secret failed: Bad Gateway");
        assertThat(KeeperErrors.translate("get_secret", new Exception("x".repeat(1000))).getMessage()).hasSizeLessThan(
                400);
    }

    @Test
    void otherExceptionsOnlyShowTheirClassBecauseTheyMayQuoteDecryptedContent() {
        KeeperStoreException e = KeeperErrors.translate("get_secret",
                new IllegalArgumentException("Unexpected JSON token ... {\"password\":\"leak-me\"}"));
        assertThat(e).hasMessageContaining("IllegalArgumentException").hasMessageNotContaining("leak-me")
                .hasNoCause();
        assertThat(KeeperErrors.translate("get_secret", new IOException("Connection refused")))
                .hasMessageContaining("IOException: Connection refused").hasCauseInstanceOf(IOException.class);
    }
}
