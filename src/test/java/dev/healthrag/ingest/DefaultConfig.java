package dev.healthrag.ingest;

import dev.healthrag.HealthRagConfig;
import io.smallrye.config.WithDefault;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link HealthRagConfig} outside Quarkus, answering every key with its {@code @WithDefault} (the one place
 * defaults live), unset optionals as empty, and keys without a default from {@code values} ("retrieval.ef-search"
 * style, method names in kebab case). Lets a test build the Ingestor by hand, in a child JVM.
 */
final class DefaultConfig {

    private DefaultConfig() {
    }

    static HealthRagConfig of(Map<String, String> values) {
        return proxy(HealthRagConfig.class, "", values);
    }

    private static <T> T proxy(Class<T> type, String prefix, Map<String, String> values) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(self, method, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "DefaultConfig(" + prefix + ")";
                    case "hashCode" -> System.identityHashCode(self);
                    default -> self == args[0];
                };
            }
            String key = prefix + kebab(method.getName());
            Class<?> returns = method.getReturnType();
            if (returns.isInterface() && returns.getDeclaringClass() == HealthRagConfig.class) {
                return proxy(returns, key + ".", values);
            }
            String raw = values.containsKey(key) ? values.get(key) : defaultOf(method);
            if (returns == Optional.class) {
                return raw == null ? Optional.empty() : Optional.of(convert(optionalType(method), raw));
            }
            if (raw == null) {
                throw new IllegalStateException("no value for healthrag." + key + "; pass it to DefaultConfig.of");
            }
            return convert(returns, raw);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static String defaultOf(Method method) {
        WithDefault d = method.getAnnotation(WithDefault.class);
        return d == null ? null : d.value();
    }

    private static Class<?> optionalType(Method method) {
        var type = (java.lang.reflect.ParameterizedType) method.getGenericReturnType();
        return (Class<?>) type.getActualTypeArguments()[0];
    }

    private static Object convert(Class<?> type, String raw) {
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(raw);
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(raw);
        }
        if (type == double.class || type == Double.class) {
            return Double.parseDouble(raw);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(raw);
        }
        if (type == java.nio.file.Path.class) {
            return java.nio.file.Path.of(raw);
        }
        return raw;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
