package io.atc.keys.console;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A config mapping with given values, for unit tests. A proxy, not an anonymous class: the
 * mapping's Bean Validation annotations would make Quarkus treat an implementing class's methods
 * as intercepted.
 */
final class Configs {

    private Configs() {}

    static <T> T of(Class<T> mapping, Map<String, Object> values) {
        return mapping.cast(Proxy.newProxyInstance(
                mapping.getClassLoader(), new Class<?>[] {mapping}, (proxy, method, arguments) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                }));
    }
}
