package com.example.payments.reconciliation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 自动对账任务（REQ-PAY-005）：每天 10:00 前下载各渠道前一日账单，与支付单逐笔核对，
 * 生成长款、短款、金额不符三类差错，写入差错处理台（MF-PAY-003）。
 *
 * <p>Channel bill files are UTF-8 CSV (Alipay: GBK before 2024, converted on download); timestamps
 * in the diff report are ISO-8601. Split-payment (分账) bills are reconciled here too once
 * REQ-PAY-006 ships in 3.1.
 */
public final class ReconciliationJob {

    /** 差错类型. */
    public enum DiffType { LONG, SHORT, AMOUNT_MISMATCH }

    public record BillLine(String paymentNo, BigDecimal amount, OffsetDateTime paidAt) {}

    public record Diff(String paymentNo, DiffType type, BigDecimal channelAmount, BigDecimal ourAmount) {}

    public interface BillSource {
        /** Downloads the channel bill of {@code day}; content is decoded with {@link StandardCharsets#UTF_8}. */
        List<BillLine> download(String channel, LocalDate day);
    }

    public interface PaymentLedger {
        Map<String, BigDecimal> succeededPayments(String channel, LocalDate day);
    }

    private final BillSource bills;
    private final PaymentLedger ledger;

    public ReconciliationJob(BillSource bills, PaymentLedger ledger) {
        this.bills = bills;
        this.ledger = ledger;
    }

    /** Reconciles one channel for one day. Must finish within 20 minutes for 10M lines (see the whitepaper). */
    public List<Diff> run(String channel, LocalDate day) {
        Map<String, BigDecimal> ours = new HashMap<>(ledger.succeededPayments(channel, day));
        List<Diff> diffs = new ArrayList<>();
        for (BillLine line : bills.download(channel, day)) {
            BigDecimal mine = ours.remove(line.paymentNo());
            if (mine == null) {
                diffs.add(new Diff(line.paymentNo(), DiffType.LONG, line.amount(), BigDecimal.ZERO)); // 长款
            } else if (mine.compareTo(line.amount()) != 0) {
                diffs.add(new Diff(line.paymentNo(), DiffType.AMOUNT_MISMATCH, line.amount(), mine)); // 金额不符
            }
        }
        // Whatever is left was paid on our side but missing from the channel bill: 短款.
        ours.forEach((paymentNo, amount) -> diffs.add(new Diff(paymentNo, DiffType.SHORT, BigDecimal.ZERO, amount)));
        return diffs;
    }
}
