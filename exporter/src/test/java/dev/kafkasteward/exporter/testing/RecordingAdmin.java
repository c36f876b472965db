package dev.kafkasteward.exporter.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/** An Admin client that tells {@code sink} of every call made through it, then makes it on the real one. */
public final class RecordingAdmin {

    /** One Admin method call and its arguments (null arguments as an empty list's absent elements). */
    public record Call(String method, List<Object> args) {
    }

    private RecordingAdmin() {
    }

    public static Admin wrap(Admin delegate, Consumer<Call> sink) {
        return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class},
                (proxy, method, args) -> {
                    sink.accept(new Call(method.getName(), args == null ? List.of() : Arrays.asList(args)));
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
