package io.ticketstream.warehouse.check;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures both sides of a reconciliation compute: net gross (SALE minus REVERSAL) and fact count per currency
 * and type, and the number of issued tickets of paid orders.
 *
 * @param netGrossPerCurrency currency -> sum of SALE gross minus sum of REVERSAL gross (scale 2)
 * @param factsPerType        SALE / REVERSAL -> number of distinct sale_id
 * @param ticketsOfPaidOrders issued tickets in the latest version of every order whose status is PAID
 */
public record TopicFigures(Map<String, BigDecimal> netGrossPerCurrency, Map<String, Long> factsPerType,
                           long ticketsOfPaidOrders) {

    public TopicFigures {
        netGrossPerCurrency = new TreeMap<>(netGrossPerCurrency);
        netGrossPerCurrency.replaceAll((currency, amount) -> amount.setScale(2, java.math.RoundingMode.UNNECESSARY));
        factsPerType = new TreeMap<>(factsPerType);
    }
}
