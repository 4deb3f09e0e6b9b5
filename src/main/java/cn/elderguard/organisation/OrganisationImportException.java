package cn.elderguard.organisation;

import java.util.List;

import cn.elderguard.system.UnprocessableException;

/** An organisation file with errors; nothing of it was applied. */
public class OrganisationImportException extends UnprocessableException {

    private final List<ImportProblem> problems;

    public OrganisationImportException(List<ImportProblem> problems) {
        super(problems.size() + " 处错误，未导入任何数据；第一处：" + problems.get(0),
            "组织架构文件有误，未导入任何数据", problems.size() + " 处错误", problems);
        this.problems = List.copyOf(problems);
    }

    @Override
    public List<ImportProblem> problems() {
        return problems;
    }
}
