package dev.modelgraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary over all items (after servedOnly, before the type filter and paging), as
 * src/lineage/impact.service.ts states it: the count, the count per type, and the deployments
 * serving an origin or an affected model version or ensemble, each with `via` (the labels of what
 * it serves of them), then any deployment reached as an item (via: what led to it).
 *
 * The deployments come in the order the service meets them (origins, then items in sort order);
 * the service sorts them by name in the locale's order, which Java's String order is not. Only the
 * items that serve or are deployments are put in order, so only their labels are read.
 */
final class ImpactSummary {
    private ImpactSummary() {}

    static Map<String, Object> of(ImpactGraph g, List<Integer> items) {
        Map<String, Long> byType = new LinkedHashMap<>();
        List<Integer> serving = new ArrayList<>();
        for (int i : items) {
            byType.merge(g.type.get(i), 1L, Long::sum);
            if ("DEPLOYMENT".equals(g.type.get(i)) || !g.serving(i).isEmpty()) serving.add(i);
        }
        serving.sort(g::compare);
        Map<String, Map<String, Object>> deployments = new LinkedHashMap<>();
        List<Integer> servers = new ArrayList<>(g.origins);
        servers.addAll(serving);
        for (int i : servers) {
            for (Map<String, Object> s : g.serving(i)) {
                via(entry(deployments, String.valueOf(s.get("deploymentId")), s.get("deployment"), s.get("environment")), g.label(i));
            }
        }
        List<Integer> reached = serving.stream().filter(i -> "DEPLOYMENT".equals(g.type.get(i)) && !deployments.containsKey(g.id(i))).toList();
        for (int i : reached) {
            Map<String, Object> d = entry(deployments, g.id(i), g.label(i), g.environment(i));
            for (ImpactGraph.Edge e : g.incoming.get(i)) via(d, g.label(e.from()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", (long) items.size());
        out.put("byType", byType);
        out.put("servedDeployments", new ArrayList<>(deployments.values()));
        return out;
    }

    private static Map<String, Object> entry(Map<String, Map<String, Object>> deployments, String id, Object name, Object environment) {
        return deployments.computeIfAbsent(id, k -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", id);
            d.put("name", name);
            d.put("environment", environment);
            d.put("via", new ArrayList<String>());
            return d;
        });
    }

    @SuppressWarnings("unchecked")
    private static void via(Map<String, Object> deployment, String label) {
        List<String> via = (List<String>) deployment.get("via");
        if (!via.contains(label)) via.add(label);
    }
}
