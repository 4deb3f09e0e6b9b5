package cn.elderguard.organisation;

import java.util.List;

import cn.elderguard.system.UnprocessableException;

/** No unit can take the work: the organisation lacks the agency in the jurisdiction and all above it. */
public class RoutingException extends UnprocessableException {

    public RoutingException(String message) {
        super(message, "无法分派", message, List.of());
    }
}
