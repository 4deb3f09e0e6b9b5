package cn.elderguard.support.cycle.a;

import cn.elderguard.support.cycle.b.Invoice;

/** Half of a deliberate package cycle: ModuleBoundariesTest shows its rule reports it. */
public class Order {

    public Invoice bill() {
        return new Invoice(this);
    }
}
