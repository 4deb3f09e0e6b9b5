package cn.elderguard.system;

import java.sql.SQLException;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Start-up with wrong database settings ends with one line naming the URL (never the password)
 * instead of a page of stack trace from whichever component touched the database first.
 */
public class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO_IN_URL = Pattern.compile("//[^/@]*@");

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (!isConnectionProblem(cause)) {
            return null;
        }
        String url = sanitize(environment.getProperty("spring.datasource.url", "(no spring.datasource.url)"));
        String user = environment.getProperty("spring.datasource.username", "");
        return new FailureAnalysis(
            "Cannot connect to the database at " + url + " as user '" + user + "': " + firstLine(cause.getMessage()),
            "Check DB_URL, DB_USER and DB_PASSWORD (or the 'postgres' profile settings) and that the database server is running.",
            cause);
    }

    /** SQL states 08 (connection), 28 (authorization) and 3D (unknown database): the settings are wrong. */
    static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D"));
    }

    public static String sanitize(String url) {
        String withoutPassword = PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
        return USER_INFO_IN_URL.matcher(withoutPassword).replaceAll("//***@");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
