package cn.elderguard.lead;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Tracking codes for public tips, e.g. {@code K7QH-3MXD-9TWA}: 12 characters from 32 unambiguous ones
 * (60 random bits), so guessing another tipster's code is hopeless even without the rate limit.
 */
@Component
class TrackingCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Upper-cases and re-inserts dashes, so that "k7qh3mxd9twa" finds K7QH-3MXD-9TWA. */
    static String normalise(String input) {
        String compact = input == null ? "" : input.replaceAll("[\\s-]", "").toUpperCase();
        if (compact.length() != 12) {
            return compact;
        }
        return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8);
    }
}
