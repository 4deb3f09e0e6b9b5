package cn.elderguard.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.context.request.WebRequest;

/**
 * Error answers that no controller writes: requests the firewall refuses, the error page asked for directly,
 * and the JSON Spring Boot renders for every other error (404, 405, 500 …) — all with Chinese text that says
 * what to do (docs/decisions/015-bad-input-and-faults.md).
 */
@Configuration(proxyBeanMethods = false)
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    /** Spring Security's default rules, shared by its filter chain and {@link MalformedRequestFilter}. */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    /** Used by Spring Security (it picks the bean up) and by {@link MalformedRequestFilter}. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> {
            log.debug("Request refused by the firewall: {}", e.getMessage());
            ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "请求地址无效",
                "请求地址或参数中含有不允许的字符（如 ;、//、..、编码的斜杠或控制字符），请检查地址后重试");
        };
    }

    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(HttpFirewall firewall, RequestRejectedHandler rejected,
                                                                         @Value("${server.error.path:/error}") String errorPath) {
        var registration = new FilterRegistrationBean<>(new MalformedRequestFilter(firewall, rejected, errorPath));
        registration.setName("malformed-requests");
        // Before Spring's request-path parsing and Spring Security (order -100), after character encoding.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Spring Boot's error JSON ({@code timestamp, status, error, path}) with a Chinese title and what to do. */
    @Bean
    DefaultErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                int status = attributes.get("status") instanceof Integer code ? code : 500;
                String[] text = chinese(status);
                attributes.put("error", text[0]);
                attributes.put("title", text[0]);
                attributes.put("detail", text[1]);
                return attributes;
            }
        };
    }

    /** Title and what to do for an HTTP status. */
    static String[] chinese(int status) {
        return switch (status) {
            case 400 -> new String[] {"请求有误", "请检查请求的内容后重试"};
            case 401 -> new String[] {"请先登录", "请登录后重试"};
            case 403 -> new String[] {"无权访问", "您没有访问该内容的权限，如需访问请联系管理员"};
            case 404 -> new String[] {"未找到", "请求的地址不存在，请检查地址是否正确"};
            case 405 -> new String[] {"不支持该请求方法", "该地址不支持此请求方法，请查阅接口说明"};
            case 406 -> new String[] {"无法提供所需格式", "请检查请求头 Accept"};
            case 413 -> new String[] {"请求内容过大", "请减小上传文件或请求内容后重试"};
            case 415 -> new String[] {"不支持的内容类型", "请检查请求头 Content-Type"};
            case 429 -> new String[] {"请求过于频繁", "请稍后再试"};
            case 503 -> new String[] {"服务暂时不可用", "请稍后重试"};
            default -> status >= 500
                ? new String[] {"服务器内部错误", "请稍后重试；如问题持续出现，请联系系统管理员"}
                : new String[] {"请求有误", "请检查请求后重试"};
        };
    }
}
