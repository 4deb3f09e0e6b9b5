package cn.elderguard.organisation;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an organisation file (YAML: {@code jurisdictions}, {@code units}, {@code users}) into rows that
 * remember their line, so that every error can name line and field. Values are kept as written: the
 * composed node tree does not turn {@code 990000000000} into a number.
 */
final class OrganisationFile {

    static final Set<String> SECTIONS = Set.of("jurisdictions", "units", "users");

    final List<Row> jurisdictions = new ArrayList<>();
    final List<Row> units = new ArrayList<>();
    final List<Row> users = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();

    static OrganisationFile read(InputStream in) {
        OrganisationFile file = new OrganisationFile();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024); // a province: tens of thousands of users
        options.setAllowDuplicateKeys(false);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            file.problems.add(new ImportProblem(e.getProblemMark().getLine() + 1, "file", "-", "YAML 格式错误：" + e.getProblem()));
            return file;
        } catch (RuntimeException e) {
            file.problems.add(new ImportProblem(1, "file", "-", "无法读取文件：" + e.getMessage()));
            return file;
        }
        if (!(root instanceof MappingNode mapping)) {
            file.problems.add(new ImportProblem(1, "file", "-", "文件须包含 jurisdictions、units、users 三部分"));
            return file;
        }
        for (NodeTuple section : mapping.getValue()) {
            String name = scalar(section.getKeyNode());
            int line = line(section.getKeyNode());
            List<Row> target = switch (name == null ? "" : name) {
                case "jurisdictions" -> file.jurisdictions;
                case "units" -> file.units;
                case "users" -> file.users;
                default -> null;
            };
            if (target == null) {
                file.problems.add(new ImportProblem(line, String.valueOf(name), "-", "未知部分，应为 " + SECTIONS));
            } else if (section.getValueNode() instanceof SequenceNode rows) {
                rows.getValue().forEach(row -> file.readRow(name, row, target));
            } else if (!isNull(section.getValueNode())) {
                file.problems.add(new ImportProblem(line, name, "-", "应为列表"));
            }
        }
        return file;
    }

    private void readRow(String section, Node node, List<Row> target) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new ImportProblem(line(node), section, "-", "每一行应为“字段: 值”的映射"));
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (NodeTuple field : mapping.getValue()) {
            String key = scalar(field.getKeyNode());
            if (field.getValueNode() instanceof ScalarNode || isNull(field.getValueNode())) {
                values.put(key, isNull(field.getValueNode()) ? null : scalar(field.getValueNode()));
            } else {
                problems.add(new ImportProblem(line(field.getKeyNode()), section, key, "应为单个值"));
            }
        }
        target.add(new Row(line(node), section, values));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue().trim() : null;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** One row of a section, with the line it starts on. */
    record Row(int line, String section, Map<String, String> values) {

        String get(String field) {
            String value = values.get(field);
            return value == null || value.isEmpty() ? null : value;
        }

        ImportProblem problem(String field, String message) {
            return new ImportProblem(line, section, field, message);
        }
    }
}
