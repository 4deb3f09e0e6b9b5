package cn.elderguard.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A 12-digit statistical area code (统计用区划代码). Its level, its parent and its subtree all follow
 * from the digits, so none of them needs a database lookup.
 */
public record RegionCode(@JsonValue String value) implements Comparable<RegionCode> {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

    public RegionCode {
        if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("区划代码须为 12 位数字: " + value);
        }
        if (value.startsWith("00")) {
            throw new IllegalArgumentException("区划代码的省级代码不能为 00: " + value);
        }
    }

    @JsonCreator
    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    /** The deepest level whose own digits are not all zero. */
    public JurisdictionLevel level() {
        JurisdictionLevel[] levels = JurisdictionLevel.values();
        for (int i = levels.length - 1; i > 0; i--) {
            int from = levels[i - 1].significantDigits();
            int to = levels[i].significantDigits();
            if (!value.substring(from, to).chars().allMatch(c -> c == '0')) {
                return levels[i];
            }
        }
        return JurisdictionLevel.PROVINCE;
    }

    /** The digits that identify this jurisdiction; every code in its subtree starts with them. */
    public String prefix() {
        return value.substring(0, level().significantDigits());
    }

    /** The code of the jurisdiction above, or {@code null} for a province. */
    public RegionCode parent() {
        JurisdictionLevel parentLevel = level().parent();
        return parentLevel == null ? null : new RegionCode(padded(value.substring(0, parentLevel.significantDigits())));
    }

    /** This code and those above it, nearest first, up to the province. */
    public List<RegionCode> selfAndAncestors() {
        List<RegionCode> chain = new ArrayList<>();
        for (RegionCode code = this; code != null; code = code.parent()) {
            chain.add(code);
        }
        return chain;
    }

    /** Whether {@code other} is this jurisdiction or lies below it. */
    public boolean contains(RegionCode other) {
        return other.value.startsWith(prefix());
    }

    /** Lowest and highest code of the subtree, for indexed range queries. */
    public String subtreeFirst() {
        return padded(prefix());
    }

    public String subtreeLast() {
        return (prefix() + "999999999999").substring(0, 12);
    }

    private static String padded(String prefix) {
        return (prefix + "000000000000").substring(0, 12);
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
