package cn.elderguard.engine;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The beans annotated {@link ModelBean}: the only beans models may name, with the methods they may call. Read
 * from the application's bean definitions when first asked (all beans are defined by then), so the list is written
 * nowhere but on the beans themselves.
 */
@Component
public class ModelBeans {

    private final ListableBeanFactory beanFactory;
    private volatile Map<String, Set<String>> allowlist;

    @Autowired
    ModelBeans(ListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** A fixed allowlist, for checking models without the application (rule tests). */
    public ModelBeans(Map<String, Set<String>> allowlist) {
        this.beanFactory = null;
        this.allowlist = Map.copyOf(allowlist);
    }

    /** Bean name → the methods models may call on it (in name order). */
    public Map<String, Set<String>> allowlist() {
        Map<String, Set<String>> known = allowlist;
        if (known == null) {
            Map<String, Set<String>> found = new TreeMap<>();
            for (String name : beanFactory.getBeanNamesForAnnotation(ModelBean.class)) {
                ModelBean bean = beanFactory.findAnnotationOnBean(name, ModelBean.class, false);
                found.put(name, bean == null ? Set.of() : Arrays.stream(bean.methods()).collect(Collectors.toUnmodifiableSet()));
            }
            known = Map.copyOf(found);
            allowlist = known;
        }
        return known;
    }

    /**
     * The beans as the engine's expressions see them: only these names resolve, each to its bean, fetched when an
     * expression first needs it (the beans use engine services, so they cannot exist when the engine is built).
     */
    Map<Object, Object> forExpressions() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && allowlist().containsKey(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? beanFactory.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return allowlist().keySet().stream()
                    .<Entry<Object, Object>>map(name -> new SimpleImmutableEntry<>(name, beanFactory.getBean(name)))
                    .collect(Collectors.toUnmodifiableSet());
            }
        };
    }
}
