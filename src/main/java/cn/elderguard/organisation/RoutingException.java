package cn.elderguard.organisation;

/** No unit can take the work: the organisation lacks the agency in the jurisdiction and all above it. */
public class RoutingException extends RuntimeException {

    public RoutingException(String message) {
        super(message);
    }
}
