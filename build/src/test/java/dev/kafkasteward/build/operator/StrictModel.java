package dev.kafkasteward.build.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Kubernetes object into fabric8's typed model and fails on anything the model does not
 * know. fabric8's models keep unknown fields in {@code additionalProperties} instead of rejecting
 * them, so every object of the graph is walked for them; and the typed object written back must be
 * the document read, so nothing was dropped or coerced either.
 */
final class StrictModel {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

    private StrictModel() {
    }

    /** The typed object of {@code yaml}; an unknown kind or field is an {@link AssertionError} naming where. */
    static HasMetadata read(String where, String yaml) throws Exception {
        ObjectMapper mapper = KubernetesYaml.mapper();
        JsonNode tree = mapper.readTree(yaml);
        String kind = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            throw new AssertionError(where + ": no typed model for " + kind);
        }
        HasMetadata object = mapper.treeToValue(tree, type);
        List<String> unknown = new ArrayList<>();
        walk(object, type.getSimpleName(), unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new AssertionError(where + ": fields the " + kind + " model does not know: " + unknown);
        }
        JsonNode back = mapper.valueToTree(object);
        if (!back.equals(StrictModel::sameValue, tree)) {
            throw new AssertionError(where + ": the typed " + kind + " does not write back as read:\n" + back);
        }
        return object;
    }

    /** JSON equality, but 30 is 30 whether it was read as an int or written from a long. */
    private static int sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    private static void walk(Object o, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen)
            throws Exception {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : o.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(o);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            walk(value, path + "." + getter.getName().substring(3), unknown, seen);
        }
    }
}
