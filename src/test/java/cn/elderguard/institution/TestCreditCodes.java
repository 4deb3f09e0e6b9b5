package cn.elderguard.institution;

import java.util.concurrent.ThreadLocalRandom;

/** Valid, random unified social credit codes (民非, registered in 示范县) for tests. */
final class TestCreditCodes {

    private TestCreditCodes() {
    }

    static String next() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("52999001");
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString() + CreditCode.checkCharacter(code.toString());
    }
}
