//! Word lists shared by several detectors.

use super::Words;

/// Words that mark a number as an everyday reference rather than a secret:
/// order, invoice, tracking, ticket numbers. Near one of these, a candidate
/// loses one confidence level.
pub const NOT_SENSITIVE: Words = Words {
    en: &[
        "order",
        "orders",
        "order id",
        "id",
        "ids",
        "user id",
        "invoices",
        "order number",
        "order no",
        "invoice",
        "tracking",
        "tracking number",
        "shipment",
        "ticket",
        "case number",
        "reference",
        "ref",
        "serial",
        "serial number",
        "isbn",
        "timestamp",
        "transaction id",
        "sku",
        "part number",
        "issue",
    ],
    de: &[
        "bestellung",
        "bestellnummer",
        "rechnung",
        "rechnungsnummer",
        "sendungsnummer",
        "sendungsverfolgung",
        "auftragsnummer",
        "vorgangsnummer",
        "aktenzeichen",
        "seriennummer",
        "artikelnummer",
        "kundennummer",
        "ticketnummer",
    ],
    zh: &[
        "订单",
        "订单号",
        "发票",
        "快递单号",
        "运单号",
        "物流单号",
        "序列号",
        "工单",
        "流水号",
        "编号",
    ],
};
