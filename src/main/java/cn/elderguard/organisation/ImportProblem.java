package cn.elderguard.organisation;

/** A rejected row of an organisation file: where it is, which field, and why. */
public record ImportProblem(int line, String section, String field, String message) {

    @Override
    public String toString() {
        return "第 " + line + " 行 " + section + "." + field + "：" + message;
    }
}
