package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.elderguard.support.ApplicationRun;

/** Wrong database settings end start-up with one clear line naming the URL, never the password. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseConnectionFailureTest {

    @Test
    void unreachableDatabaseIsNamedWithoutItsPassword(CapturedOutput output) {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        String url = "jdbc:postgresql://127.0.0.1:1/elderguard?password=s3cret";

        assertThatThrownBy(() -> ApplicationRun.start(url)).isNotNull();

        assertThat(output.getAll())
            .contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/elderguard?password=*** as user")
            .doesNotContain("s3cret");
    }

    @Test
    void passwordsAreRemovedFromUrls() {
        assertThat(DatabaseConnectionFailureAnalyzer.sanitize("jdbc:postgresql://h/db?user=a&password=b&ssl=true"))
            .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(DatabaseConnectionFailureAnalyzer.sanitize("jdbc:mysql://u:pw@h/db"))
            .isEqualTo("jdbc:mysql://***@h/db");
        assertThat(DatabaseConnectionFailureAnalyzer.sanitize("jdbc:h2:file:./data/elderguard"))
            .isEqualTo("jdbc:h2:file:./data/elderguard");
    }
}
