package org.newsgraph.gephicheck;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Imports each file given on the command line with Gephi's own importers (as Gephi's
 * "Open" does, headless) and prints one JSON object per file on stdout: node and edge
 * counts, the attribute columns Gephi created, edge types, time bounds, nodes without
 * a label, the sum of edge weights and every issue the importer reported.
 */
public final class GephiCheck {

    private GephiCheck() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: GephiCheck FILE.graphml|FILE.gexf ...");
            System.exit(2);
        }
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        GraphController gc = Lookup.getDefault().lookup(GraphController.class);
        int failures = 0;
        for (String path : args) {
            pc.newProject();
            Workspace ws = pc.getCurrentWorkspace();
            Container container = ic.importFile(new File(path));
            if (container == null) {
                System.out.println("{\"file\":" + q(path) + ",\"error\":\"no importer accepted the file\"}");
                failures++;
                continue;
            }
            List<String> issues = new ArrayList<>();
            Collection<Issue> list = container.getReport().getIssuesList(10000);
            for (Issue issue : list) {
                issues.add("{\"level\":" + q(String.valueOf(issue.getLevel())) + ",\"message\":" + q(issue.getMessage()) + "}");
            }
            ic.process(container, new DefaultProcessor(), ws);
            GraphModel gm = gc.getGraphModel(ws);
            Graph g = gm.getGraph();
            int unlabelled = 0;
            for (Node n : g.getNodes()) {
                if (n.getLabel() == null || n.getLabel().isEmpty()) {
                    unlabelled++;
                }
            }
            double weights = 0;
            int unlabelledEdges = 0;
            for (Edge e : g.getEdges()) {
                weights += e.getWeight();
                if (e.getLabel() == null || e.getLabel().isEmpty()) {
                    unlabelledEdges++;
                }
            }
            List<String> edgeTypes = new ArrayList<>();
            for (Object label : gm.getEdgeTypeLabels()) {
                edgeTypes.add(q(String.valueOf(label)));
            }
            Interval bounds = gm.getTimeBounds();
            StringBuilder out = new StringBuilder();
            out.append("{\"file\":").append(q(path));
            out.append(",\"nodes\":").append(g.getNodeCount());
            out.append(",\"edges\":").append(g.getEdgeCount());
            out.append(",\"node_columns\":").append(columns(gm.getNodeTable().toArray()));
            out.append(",\"edge_columns\":").append(columns(gm.getEdgeTable().toArray()));
            out.append(",\"edge_types\":[").append(String.join(",", edgeTypes)).append("]");
            out.append(",\"dynamic\":").append(gm.isDynamic());
            out.append(",\"time_bounds\":").append(bounds == null ? "null" : "[" + num(bounds.getLow()) + "," + num(bounds.getHigh()) + "]");
            out.append(",\"unlabelled_nodes\":").append(unlabelled);
            out.append(",\"unlabelled_edges\":").append(unlabelledEdges);
            out.append(",\"weight_sum\":").append(num(weights));
            out.append(",\"issues\":[").append(String.join(",", issues)).append("]}");
            System.out.println(out);
            pc.closeCurrentProject();
        }
        System.out.flush();
        System.exit(failures == 0 ? 0 : 1);
    }

    private static String columns(Column[] cols) {
        List<String> names = new ArrayList<>();
        for (Column c : cols) {
            if (!c.isProperty()) {
                names.add("{\"id\":" + q(c.getId()) + ",\"title\":" + q(c.getTitle()) + ",\"type\":" + q(c.getTypeClass().getSimpleName()) + "}");
            }
        }
        return "[" + String.join(",", names) + "]";
    }

    private static String num(double d) {
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return "null";
        }
        return Double.toString(d);
    }

    private static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
