package cn.elderguard.system;

/**
 * A record that does not exist, or that the caller may not see: answered 404 with one Chinese message for both,
 * so an id outside the caller's work tells them nothing (docs/security.md).
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
