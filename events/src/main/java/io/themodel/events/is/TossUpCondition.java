package io.themodel.events.is;

import java.math.BigDecimal;
import java.util.List;

/**
 * One condition of a toss-up rule version: a lead fact ({@code field}: COMPANY_REVENUE, EMPLOYEES,
 * INDUSTRY, BANT, SCORE_BAND, TIMING) within {@code min}/{@code max} (revenue in {@code currency};
 * timing in months from the evaluation), or among {@code values} (industries, BANT items that must
 * all hold, score bands).
 */
public record TossUpCondition(
    String field, BigDecimal min, BigDecimal max, String currency, List<String> values) {}
