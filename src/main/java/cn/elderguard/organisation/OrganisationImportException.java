package cn.elderguard.organisation;

import java.util.List;

/** An organisation file with errors; nothing of it was applied. */
public class OrganisationImportException extends RuntimeException {

    private final List<ImportProblem> problems;

    public OrganisationImportException(List<ImportProblem> problems) {
        super(problems.size() + " 处错误，未导入任何数据；第一处：" + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
