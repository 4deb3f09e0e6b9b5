package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;

/**
 * A model a person can read (docs/modeler.md, "Layout"): every diagram plane of every model in bpmn/ (the process's
 * and each collapsed subprocess's drill-down plane) fits a 1920×1080 screen at 100 % in Camunda Modeler, i.e. its
 * shapes, labels and flows span at most {@value #MAX_WIDTH}×{@value #MAX_HEIGHT} px; and every subprocess can be
 * seen, either expanded in its parent's plane or with a plane of its own. Plain JUnit: the diagram is read as Modeler
 * reads it.
 */
class ModelLayoutTest {

    /** What is left of 1920×1080 beside Modeler's palette, properties panel, tabs and status bar. */
    static final int MAX_WIDTH = 1700;
    static final int MAX_HEIGHT = 850;

    @Test
    void everyPlaneOfEveryShippedModelFitsOneScreen() {
        List<Path> models = models();
        assertThat(models).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path model : models) {
            problems.addAll(check(model));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theFlatModelOfBeforeDecision031DoesNot() {
        List<String> problems = check(Path.of("src/test/resources/fixtures/lead-disposal-previous/LeadDisposal.bpmn"));

        assertThat(problems).hasSize(2).allSatisfy(problem -> assertThat(problem).startsWith("LeadDisposal.bpmn: plane BPMNPlane_LeadDisposal"))
            .anySatisfy(problem -> assertThat(problem).contains("4346 px wide, wider than " + MAX_WIDTH))
            .anySatisfy(problem -> assertThat(problem).contains("higher than " + MAX_HEIGHT));
    }

    static List<String> check(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        List<String> drawnAsPlanes = new ArrayList<>();
        for (BpmnDiagram diagram : model.getModelElementsByType(BpmnDiagram.class)) {
            BpmnPlane plane = diagram.getBpmnPlane();
            if (plane.getBpmnElement() != null) {
                drawnAsPlanes.add(plane.getBpmnElement().getId());
            }
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (DiagramElement element : plane.getDiagramElements()) {
                List<double[]> points = new ArrayList<>();
                if (element instanceof BpmnShape shape) {
                    add(points, shape.getBounds());
                    BpmnLabel label = shape.getBpmnLabel();
                    if (label != null) {
                        add(points, label.getBounds());
                    }
                } else if (element instanceof BpmnEdge edge) {
                    for (Waypoint point : edge.getWaypoints()) {
                        points.add(new double[] {point.getX(), point.getY()});
                    }
                    if (edge.getBpmnLabel() != null) {
                        add(points, edge.getBpmnLabel().getBounds());
                    }
                }
                for (double[] point : points) {
                    minX = Math.min(minX, point[0]);
                    maxX = Math.max(maxX, point[0]);
                    minY = Math.min(minY, point[1]);
                    maxY = Math.max(maxY, point[1]);
                }
            }
            String where = file.getFileName() + ": plane " + plane.getId();
            if (maxX - minX > MAX_WIDTH) {
                problems.add(where + " is " + Math.round(maxX - minX) + " px wide, wider than " + MAX_WIDTH
                    + "; group its paths into subprocesses (docs/modeler.md, \"Layout\")");
            }
            if (maxY - minY > MAX_HEIGHT) {
                problems.add(where + " is " + Math.round(maxY - minY) + " px high, higher than " + MAX_HEIGHT
                    + "; group its paths into subprocesses (docs/modeler.md, \"Layout\")");
            }
        }
        for (SubProcess subProcess : model.getModelElementsByType(SubProcess.class)) {
            BpmnShape shape = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() == subProcess).findFirst().orElse(null);
            boolean expanded = shape != null && Boolean.TRUE.equals(shape.isExpanded());
            if (!expanded && !drawnAsPlanes.contains(subProcess.getId())) {
                problems.add(file.getFileName() + ": subprocess " + subProcess.getId() + " is collapsed without a plane of its own;"
                    + " Modeler shows nothing inside it");
            }
        }
        return problems;
    }

    private static void add(List<double[]> points, Bounds bounds) {
        if (bounds == null) {
            return;
        }
        points.add(new double[] {bounds.getX(), bounds.getY()});
        points.add(new double[] {bounds.getX() + bounds.getWidth(), bounds.getY() + bounds.getHeight()});
    }

    private static List<Path> models() {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
