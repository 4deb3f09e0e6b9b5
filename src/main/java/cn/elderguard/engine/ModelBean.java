package cn.elderguard.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * A Spring bean that models may name in their expressions: {@code delegateExpression="${routeToUnit}"}, and
 * {@code ${bean.method(...)}} for the {@link #methods()} listed here. It is the allowlist: the deployment gate
 * refuses every other bean and method (rule expression-allowlist), and the engine resolves no other bean at run
 * time (docs/decisions/024). Use it instead of {@code @Component("name")}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ModelBean {

    /** The bean's name, as models write it. */
    @AliasFor(annotation = Component.class)
    String value();

    /** Methods models may call on it; none: it may only be named as a delegate or listener. */
    String[] methods() default {};
}
