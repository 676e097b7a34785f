//! XRechnung 3.0 in the UN/CEFACT CII syntax (D16B): what `shared/einvoice/validate`
//! accepts. The element order is the schema's; every text goes through quick-xml's escaping.

use crate::{DocError, DocKind, InvoiceDoc, Result};
use jiff::civil::Date;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// The specification identifier (BT-24) of XRechnung 3.0.
pub const GUIDELINE: &str = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
const PROCESS: &str = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    fn ev(&mut self, e: Event<'_>) -> Result<()> {
        self.w
            .write_event(e)
            .map_err(|e| DocError::Xml(e.to_string()))
    }
    fn open(&mut self, name: &str) -> Result<()> {
        self.ev(Event::Start(BytesStart::new(name)))
    }
    fn close(&mut self, name: &str) -> Result<()> {
        self.ev(Event::End(BytesEnd::new(name)))
    }
    fn leaf_with(&mut self, name: &str, attr: Option<(&str, &str)>, text: &str) -> Result<()> {
        let mut start = BytesStart::new(name);
        if let Some(a) = attr {
            start.push_attribute(a);
        }
        self.ev(Event::Start(start))?;
        self.ev(Event::Text(BytesText::new(text)))?;
        self.close(name)
    }
    fn leaf(&mut self, name: &str, text: &str) -> Result<()> {
        self.leaf_with(name, None, text)
    }
    /// `<outer><inner>text</inner></outer>`.
    fn nested(
        &mut self,
        outer: &str,
        inner: &str,
        attr: Option<(&str, &str)>,
        text: &str,
    ) -> Result<()> {
        self.open(outer)?;
        self.leaf_with(inner, attr, text)?;
        self.close(outer)
    }
    fn date(&mut self, outer: &str, d: Date, qualified: bool) -> Result<()> {
        let inner = if qualified {
            "qdt:DateTimeString"
        } else {
            "udt:DateTimeString"
        };
        self.nested(outer, inner, Some(("format", "102")), &ymd(d))
    }
}

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Cents as an amount with two decimals: `67.50`.
pub fn amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

/// Minutes as hours with four decimals at most: `1.5`, `0.2167`.
fn hours(minutes: i64) -> String {
    let tenthousandths = (minutes * 10_000 + 30) / 60;
    let s = format!("{}.{:04}", tenthousandths / 10_000, tenthousandths % 10_000);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn category(doc: &InvoiceDoc) -> (&'static str, String) {
    match doc.vat.percent() {
        0 => ("E", "0".to_owned()),
        p => ("S", p.to_string()),
    }
}

/// The XRechnung (CII) of an invoice or credit note.
pub fn invoice(doc: &InvoiceDoc) -> Result<String> {
    doc.check()?;
    let mut x = Xml {
        w: Writer::new_with_indent(Vec::new(), b' ', 1),
    };
    x.ev(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = BytesStart::new("rsm:CrossIndustryInvoice");
    for (k, v) in [
        (
            "xmlns:rsm",
            "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
        ),
        (
            "xmlns:ram",
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
        ),
        (
            "xmlns:qdt",
            "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
        ),
        (
            "xmlns:udt",
            "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
        ),
    ] {
        root.push_attribute((k, v));
    }
    x.ev(Event::Start(root))?;

    x.open("rsm:ExchangedDocumentContext")?;
    x.nested(
        "ram:BusinessProcessSpecifiedDocumentContextParameter",
        "ram:ID",
        None,
        PROCESS,
    )?;
    x.nested(
        "ram:GuidelineSpecifiedDocumentContextParameter",
        "ram:ID",
        None,
        GUIDELINE,
    )?;
    x.close("rsm:ExchangedDocumentContext")?;

    x.open("rsm:ExchangedDocument")?;
    x.leaf("ram:ID", &doc.number)?;
    x.leaf(
        "ram:TypeCode",
        match doc.kind {
            DocKind::Invoice => "380",
            DocKind::CreditNote { .. } => "381",
        },
    )?;
    x.date("ram:IssueDateTime", doc.issued_on, false)?;
    if let DocKind::CreditNote { of, reason, .. } = &doc.kind {
        x.nested(
            "ram:IncludedNote",
            "ram:Content",
            None,
            &format!("Gutschrift zur Rechnung {of}: {reason}"),
        )?;
    }
    x.close("rsm:ExchangedDocument")?;

    x.open("rsm:SupplyChainTradeTransaction")?;
    let (cat, pct) = category(doc);
    for (i, l) in doc.lines.iter().enumerate() {
        x.open("ram:IncludedSupplyChainTradeLineItem")?;
        x.nested(
            "ram:AssociatedDocumentLineDocument",
            "ram:LineID",
            None,
            &(i + 1).to_string(),
        )?;
        x.open("ram:SpecifiedTradeProduct")?;
        x.leaf("ram:Name", &l.title)?;
        x.leaf("ram:Description", &l.detail)?;
        x.close("ram:SpecifiedTradeProduct")?;
        // Quantity in hours; the price per hour where it is exact, else the line's amount
        // per its quantity (BasisQuantity), so that quantity × price is the amount exactly.
        let (unit, qty) = if l.minutes > 0 {
            ("HUR", hours(l.minutes))
        } else {
            ("C62", "1".to_owned())
        };
        let exact = l.minutes > 0 && l.minutes % 3 == 0 && (l.total_cents * 60) % l.minutes == 0;
        x.open("ram:SpecifiedLineTradeAgreement")?;
        x.open("ram:NetPriceProductTradePrice")?;
        if exact {
            x.leaf("ram:ChargeAmount", &amount(l.total_cents * 60 / l.minutes))?;
        } else {
            x.leaf("ram:ChargeAmount", &amount(l.total_cents))?;
            x.leaf_with("ram:BasisQuantity", Some(("unitCode", unit)), &qty)?;
        }
        x.close("ram:NetPriceProductTradePrice")?;
        x.close("ram:SpecifiedLineTradeAgreement")?;
        x.nested(
            "ram:SpecifiedLineTradeDelivery",
            "ram:BilledQuantity",
            Some(("unitCode", unit)),
            &qty,
        )?;
        x.open("ram:SpecifiedLineTradeSettlement")?;
        x.open("ram:ApplicableTradeTax")?;
        x.leaf("ram:TypeCode", "VAT")?;
        x.leaf("ram:CategoryCode", cat)?;
        x.leaf("ram:RateApplicablePercent", &pct)?;
        x.close("ram:ApplicableTradeTax")?;
        x.nested(
            "ram:SpecifiedTradeSettlementLineMonetarySummation",
            "ram:LineTotalAmount",
            None,
            &amount(l.total_cents),
        )?;
        x.close("ram:SpecifiedLineTradeSettlement")?;
        x.close("ram:IncludedSupplyChainTradeLineItem")?;
    }

    let s = &doc.seller;
    let b = &doc.buyer;
    x.open("ram:ApplicableHeaderTradeAgreement")?;
    x.leaf("ram:BuyerReference", &doc.buyer_reference)?;
    x.open("ram:SellerTradeParty")?;
    if s.vat_id.is_none()
        && let Some(tax) = &s.tax_number
    {
        // BR-CO-26 needs an identifier of the seller besides a tax number: the tax number.
        x.leaf("ram:ID", tax)?;
    }
    x.leaf("ram:Name", &s.legal_name)?;
    x.open("ram:DefinedTradeContact")?;
    x.leaf("ram:PersonName", &s.contact_name)?;
    x.nested(
        "ram:TelephoneUniversalCommunication",
        "ram:CompleteNumber",
        None,
        &s.phone,
    )?;
    x.nested(
        "ram:EmailURIUniversalCommunication",
        "ram:URIID",
        None,
        &s.email,
    )?;
    x.close("ram:DefinedTradeContact")?;
    address(&mut x, &s.postcode, &s.street, &s.city, &s.country)?;
    x.nested(
        "ram:URIUniversalCommunication",
        "ram:URIID",
        Some(("schemeID", "EM")),
        &s.email,
    )?;
    if let Some(tax) = &s.tax_number {
        x.nested(
            "ram:SpecifiedTaxRegistration",
            "ram:ID",
            Some(("schemeID", "FC")),
            tax,
        )?;
    }
    if let Some(vat) = &s.vat_id {
        x.nested(
            "ram:SpecifiedTaxRegistration",
            "ram:ID",
            Some(("schemeID", "VA")),
            vat,
        )?;
    }
    x.close("ram:SellerTradeParty")?;
    x.open("ram:BuyerTradeParty")?;
    x.leaf("ram:Name", &b.name)?;
    address(&mut x, &b.postcode, &b.street, &b.city, &b.country)?;
    x.nested(
        "ram:URIUniversalCommunication",
        "ram:URIID",
        Some(("schemeID", "EM")),
        &b.email,
    )?;
    if let Some(vat) = &b.vat_id {
        x.nested(
            "ram:SpecifiedTaxRegistration",
            "ram:ID",
            Some(("schemeID", "VA")),
            vat,
        )?;
    }
    x.close("ram:BuyerTradeParty")?;
    x.close("ram:ApplicableHeaderTradeAgreement")?;
    x.ev(Event::Empty(BytesStart::new(
        "ram:ApplicableHeaderTradeDelivery",
    )))?;

    x.open("ram:ApplicableHeaderTradeSettlement")?;
    x.leaf("ram:InvoiceCurrencyCode", "EUR")?;
    x.open("ram:SpecifiedTradeSettlementPaymentMeans")?;
    match doc.kind {
        DocKind::Invoice => {
            x.leaf("ram:TypeCode", "58")?;
            x.nested(
                "ram:PayeePartyCreditorFinancialAccount",
                "ram:IBANID",
                None,
                &s.iban,
            )?;
            x.nested(
                "ram:PayeeSpecifiedCreditorFinancialInstitution",
                "ram:BICID",
                None,
                &s.bic,
            )?;
        }
        DocKind::CreditNote { .. } => {
            x.leaf("ram:TypeCode", "1")?;
            x.leaf(
                "ram:Information",
                "Erstattung oder Verrechnung durch den Rechnungssteller",
            )?;
        }
    }
    x.close("ram:SpecifiedTradeSettlementPaymentMeans")?;
    x.open("ram:ApplicableTradeTax")?;
    x.leaf("ram:CalculatedAmount", &amount(doc.vat_cents))?;
    x.leaf("ram:TypeCode", "VAT")?;
    if let mittler_domain::billing::Vat::Exempt { note } = &doc.vat {
        x.leaf("ram:ExemptionReason", note)?;
    }
    x.leaf("ram:BasisAmount", &amount(doc.net_cents))?;
    x.leaf("ram:CategoryCode", cat)?;
    x.leaf("ram:RateApplicablePercent", &pct)?;
    x.close("ram:ApplicableTradeTax")?;
    x.open("ram:BillingSpecifiedPeriod")?;
    let last = doc
        .period
        .next()
        .first_day()
        .yesterday()
        .unwrap_or(doc.period.first_day());
    x.date("ram:StartDateTime", doc.period.first_day(), false)?;
    x.date("ram:EndDateTime", last, false)?;
    x.close("ram:BillingSpecifiedPeriod")?;
    x.open("ram:SpecifiedTradePaymentTerms")?;
    match doc.kind {
        DocKind::Invoice => {
            x.leaf(
                "ram:Description",
                &format!(
                    "Zahlbar ohne Abzug bis {} unter Angabe der Rechnungsnummer.",
                    crate::german_date(doc.due_on())
                ),
            )?;
            x.date("ram:DueDateDateTime", doc.due_on(), false)?;
        }
        DocKind::CreditNote { .. } => {
            x.leaf(
                "ram:Description",
                "Der Betrag wird erstattet oder verrechnet.",
            )?;
        }
    }
    x.close("ram:SpecifiedTradePaymentTerms")?;
    x.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation")?;
    x.leaf("ram:LineTotalAmount", &amount(doc.net_cents))?;
    x.leaf("ram:TaxBasisTotalAmount", &amount(doc.net_cents))?;
    x.leaf_with(
        "ram:TaxTotalAmount",
        Some(("currencyID", "EUR")),
        &amount(doc.vat_cents),
    )?;
    x.leaf("ram:GrandTotalAmount", &amount(doc.total_cents))?;
    x.leaf("ram:DuePayableAmount", &amount(doc.total_cents))?;
    x.close("ram:SpecifiedTradeSettlementHeaderMonetarySummation")?;
    if let DocKind::CreditNote { of, of_date, .. } = &doc.kind {
        x.open("ram:InvoiceReferencedDocument")?;
        x.leaf("ram:IssuerAssignedID", of)?;
        x.date("ram:FormattedIssueDateTime", *of_date, true)?;
        x.close("ram:InvoiceReferencedDocument")?;
    }
    x.close("ram:ApplicableHeaderTradeSettlement")?;
    x.close("rsm:SupplyChainTradeTransaction")?;
    x.close("rsm:CrossIndustryInvoice")?;
    String::from_utf8(x.w.into_inner()).map_err(|e| DocError::Xml(e.to_string()))
}

fn address(x: &mut Xml, postcode: &str, street: &str, city: &str, country: &str) -> Result<()> {
    x.open("ram:PostalTradeAddress")?;
    x.leaf("ram:PostcodeCode", postcode)?;
    x.leaf("ram:LineOne", street)?;
    x.leaf("ram:CityName", city)?;
    x.leaf("ram:CountryID", country)?;
    x.close("ram:PostalTradeAddress")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_hours() {
        assert_eq!(amount(6750), "67.50");
        assert_eq!(amount(5), "0.05");
        assert_eq!(amount(-120), "-1.20");
        assert_eq!(hours(90), "1.5");
        assert_eq!(hours(60), "1");
        assert_eq!(hours(13), "0.2167");
    }
}
