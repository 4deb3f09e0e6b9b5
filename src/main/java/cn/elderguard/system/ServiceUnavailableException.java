package cn.elderguard.system;

/** Something the server itself lacks (not the caller's fault): answered with 503, a title and what to do. */
public class ServiceUnavailableException extends RuntimeException {

    private final String title;

    public ServiceUnavailableException(String title, String message, Throwable cause) {
        super(message, cause);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
