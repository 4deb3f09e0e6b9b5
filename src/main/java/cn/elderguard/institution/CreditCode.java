package cn.elderguard.institution;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z); the last
 * is a check character: 31 minus the weighted sum (weights 3^i mod 31) of the first 17, modulo 31.
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Why {@code code} is not a valid credit code, or {@code null} if it is. */
    public static String problem(String code) {
        if (code.length() != 18) {
            return "统一社会信用代码须为 18 位，实际 " + code.length() + " 位";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "统一社会信用代码第 " + (i + 1) + " 位“" + code.charAt(i) + "”不是允许的字符（数字或除 I、O、S、V、Z 外的大写字母）";
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return "统一社会信用代码校验位错误：应为 " + expected + "，实际为 " + code.charAt(17);
        }
        return null;
    }

    public static boolean isValid(String code) {
        return code != null && problem(code) == null;
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
