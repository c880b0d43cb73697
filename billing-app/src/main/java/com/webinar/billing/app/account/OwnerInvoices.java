package com.webinar.billing.app.account;

import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.InvoiceCursor;
import com.webinar.billing.core.InvoiceNumber;
import com.webinar.billing.core.InvoiceStatus;
import com.webinar.billing.core.PaymentOutcome;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.InvoiceEntity;
import com.webinar.billing.model.InvoiceLineEntity;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PaymentEventEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The owner's invoices, newest first, a page at a time: what was charged, for what, and what became of it. */
@ApplicationScoped
public class OwnerInvoices {

    /** {@code cursor}: the previous page's {@code nextCursor}; absent for the first page. */
    public record Request(String cursor) {}

    public record Line(UUID purchaseId, AddOn addOn, int quantity, String unitPrice, String amount) {}

    public record Payment(PaymentOutcome outcome, String amount, Instant at) {}

    public record Invoice(
            UUID invoiceId,
            String number,
            InvoiceEntity.Kind kind,
            Instant issuedAt,
            LocalDate cycleStart,
            LocalDate cycleEnd,
            String currency,
            String total,
            InvoiceStatus status,
            List<Line> lines,
            List<Payment> payments) {}

    /** {@code nextCursor}: null on the last page. */
    public record Page(List<Invoice> invoices, String nextCursor) {}

    @Inject
    Accounts accounts;

    @Inject
    LedgerRepository ledger;

    public Page of(Caller caller, Request request) {
        caller.requireOwner();
        InvoiceCursor after = request.cursor() == null ? null : InvoiceCursor.parse(request.cursor());
        return QuarkusTransaction.requiringNew().call(() -> {
            AccountEntity account = accounts.of(caller);
            // one more than a page tells whether another page follows
            List<InvoiceEntity> invoices = ledger.page(
                    account.id,
                    after == null ? null : after.after().year(),
                    after == null ? null : after.after().seq(),
                    InvoiceCursor.PAGE_SIZE + 1);
            boolean more = invoices.size() > InvoiceCursor.PAGE_SIZE;
            List<InvoiceEntity> page = more ? invoices.subList(0, InvoiceCursor.PAGE_SIZE) : invoices;
            List<UUID> ids = page.stream().map(i -> i.id).toList();
            Map<UUID, List<InvoiceLineEntity>> lines =
                    ledger.linesOf(ids).stream().collect(Collectors.groupingBy(l -> l.key.invoiceId()));
            Map<UUID, List<PaymentEventEntity>> payments =
                    ledger.paymentsOf(ids).stream().collect(Collectors.groupingBy(p -> p.invoiceId));
            InvoiceEntity last = page.isEmpty() ? null : page.get(page.size() - 1);
            return new Page(
                    page.stream()
                            .map(i -> invoice(
                                    i, lines.getOrDefault(i.id, List.of()), payments.getOrDefault(i.id, List.of())))
                            .toList(),
                    more ? new InvoiceCursor(numberOf(last)).encode() : null);
        });
    }

    private static Invoice invoice(
            InvoiceEntity invoice, List<InvoiceLineEntity> lines, List<PaymentEventEntity> payments) {
        List<PaymentOutcome> outcomes = payments.stream()
                .map(p -> PaymentOutcome.valueOf(p.outcome.name()))
                .toList();
        return new Invoice(
                invoice.id,
                numberOf(invoice).toString(),
                invoice.kind,
                invoice.issuedAt,
                invoice.cycleStart,
                invoice.cycleEnd,
                invoice.currency.trim(),
                invoice.total().toDecimalString(),
                InvoiceStatus.of(invoice.totalMinor, outcomes),
                lines.stream()
                        .map(l -> new Line(
                                l.purchaseId,
                                l.addOn,
                                l.quantity,
                                invoice.money(l.unitPriceMinor).toDecimalString(),
                                invoice.money(l.amountMinor).toDecimalString()))
                        .toList(),
                payments.stream()
                        .map(p -> new Payment(
                                PaymentOutcome.valueOf(p.outcome.name()),
                                invoice.money(p.amountMinor).toDecimalString(),
                                p.recordedAt))
                        .toList());
    }

    private static InvoiceNumber numberOf(InvoiceEntity invoice) {
        return new InvoiceNumber(invoice.numberYear, invoice.numberSeq);
    }
}
