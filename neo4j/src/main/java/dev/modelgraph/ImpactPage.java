package dev.modelgraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The items of an impact (src/lineage/impact.service.ts): every kept node but the origins, with
 * servedOnly those from which a served one can be reached, in (distance, type, label, id) order;
 * then the page: the `types` filter, the items after the cursor's key, `first` of them.
 *
 * Why not sort them all: the label is the costly part of the key (a field's is read through its
 * version and dataset), and the page needs only the (distance, type) groups it touches. So the
 * items are ordered by (distance, type) and only those groups are ordered by (label, id).
 */
final class ImpactPage {
    /** The cursor's key: (distance, type, label, id) of the last item of the previous page. */
    record Key(long distance, String type, String label, String id) {}

    final List<Integer> items = new ArrayList<>();
    final List<Integer> page = new ArrayList<>();
    final boolean hasNextPage;

    ImpactPage(ImpactGraph g, boolean servedOnly, List<String> types, Key after, long first) {
        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            if (g.distance.get(i) == 0) continue;
            items.add(i);
            if (served(g, i)) served.add(i);
        }
        if (servedOnly) {
            Set<Integer> kept = reaching(g, served);
            items.removeIf(i -> !kept.contains(i));
        }
        List<Integer> listed = new ArrayList<>(items);
        if (types != null && !types.isEmpty()) listed.removeIf(i -> !types.contains(g.type.get(i)));
        Comparator<Integer> group = Comparator.<Integer>comparingInt(g.distance::get).thenComparing(g.type::get);
        listed.sort(group);
        List<Integer> chosen = new ArrayList<>();
        for (int start = 0, end; start < listed.size() && chosen.size() <= first; start = end) {
            end = start + 1;
            while (end < listed.size() && group.compare(listed.get(start), listed.get(end)) == 0) end++;
            int i = listed.get(start);
            int vsAfter = after == null ? 1 : compareGroup(g.distance.get(i), g.type.get(i), after);
            if (vsAfter < 0) continue;
            List<Integer> run = new ArrayList<>(listed.subList(start, end));
            run.sort(g::compare);
            for (int j : run) {
                if (vsAfter == 0 && !afterKey(g, j, after)) continue;
                if (chosen.size() > first) break;
                chosen.add(j);
            }
        }
        this.hasNextPage = chosen.size() > first;
        page.addAll(chosen.subList(0, (int) Math.min(first, chosen.size())));
    }

    /** A model version or ensemble served at asOf, or a deployment (reached only while serving). */
    static boolean served(ImpactGraph g, int i) {
        return "DEPLOYMENT".equals(g.type.get(i)) || !g.serving(i).isEmpty();
    }

    /** The nodes from which `seeds` can be reached along the walk's edges (seeds included). */
    private static Set<Integer> reaching(ImpactGraph g, List<Integer> seeds) {
        Set<Integer> seen = new HashSet<>(seeds);
        ArrayDeque<Integer> queue = new ArrayDeque<>(seeds);
        while (!queue.isEmpty()) {
            for (ImpactGraph.Edge e : g.incoming.get(queue.pop())) if (seen.add(e.from())) queue.push(e.from());
        }
        return seen;
    }

    private static int compareGroup(int distance, String type, Key after) {
        int c = Long.compare(distance, after.distance());
        return c != 0 ? c : type.compareTo(after.type());
    }

    /** Within the cursor's group: after its (label, id). Strings compare as JavaScript's do (UTF-16 code units). */
    private static boolean afterKey(ImpactGraph g, int i, Key after) {
        int c = g.label(i).compareTo(after.label());
        return c > 0 || c == 0 && g.id(i).compareTo(after.id()) > 0;
    }

    /** The page's key of an item, for the endCursor. */
    static List<Object> key(ImpactGraph g, int i) {
        return List.of((long) g.distance.get(i), g.type.get(i), g.label(i), g.id(i));
    }
}
