package cn.elderguard.support.cycle.b;

import cn.elderguard.support.cycle.a.Order;

/** The back-edge of the deliberate cycle (see {@link Order}). */
public record Invoice(Order order) {
}
