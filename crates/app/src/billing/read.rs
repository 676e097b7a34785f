//! Reading issued documents: institutions see their own invoices, mediators their own
//! statements, the centre's staff all of them.

use super::*;

/// Institutions see their own institution's documents; others of the centre see all.
fn invoice_owner(actor: &Actor) -> Result<Option<Uuid>> {
    actor.require(Action::ReadInvoices)?;
    if actor.may(Action::CloseMonth) {
        Ok(None)
    } else {
        actor.institution_id.map(Some).ok_or(AppError::NotFound)
    }
}

fn statement_owner(actor: &Actor) -> Result<Option<Uuid>> {
    actor.require(Action::ReadStatements)?;
    if actor.may(Action::CloseMonth) {
        Ok(None)
    } else {
        actor.mediator_id.map(Some).ok_or(AppError::NotFound)
    }
}

fn month_filter(month: Option<&str>) -> Result<Option<String>> {
    month
        .filter(|m| !m.is_empty())
        .map(|m| parse_month(m).map(|m| m.to_string()))
        .transpose()
}

/// Issued invoices and credit notes (of a month).
pub async fn invoices(app: &App, actor: &Actor, month: Option<&str>) -> Result<Vec<InvoiceRow>> {
    let owner = invoice_owner(actor)?;
    let f = DocFilter {
        month: month_filter(month)?,
        owner,
        issued_only: true,
        run: None,
    };
    Ok(docs::invoices(&app.db, actor.tenant_id, &f).await?)
}

pub async fn invoice(app: &App, actor: &Actor, id: Uuid) -> Result<InvoiceRow> {
    let owner = invoice_owner(actor)?;
    let inv = docs::invoice(&app.db, actor.tenant_id, id)
        .await
        .map_err(AppError::from)?;
    if owner.is_some_and(|o| o != inv.institution_id) || (owner.is_some() && inv.status == "draft")
    {
        return Err(AppError::NotFound);
    }
    Ok(inv)
}

/// The XRechnung of an issued invoice: (file name, XML).
pub async fn invoice_xml(app: &App, actor: &Actor, id: Uuid) -> Result<(String, String)> {
    let inv = invoice(app, actor, id).await?;
    let (xml, _) = docs::invoice_files(&app.db, actor.tenant_id, id).await?;
    let number = inv.number.ok_or(AppError::NotFound)?;
    Ok((format!("{number}.xml"), xml.ok_or(AppError::NotFound)?))
}

pub async fn invoice_pdf(app: &App, actor: &Actor, id: Uuid) -> Result<(String, Vec<u8>)> {
    let inv = invoice(app, actor, id).await?;
    let (_, pdf) = docs::invoice_files(&app.db, actor.tenant_id, id).await?;
    let number = inv.number.ok_or(AppError::NotFound)?;
    Ok((format!("{number}.pdf"), pdf.ok_or(AppError::NotFound)?))
}

/// The files mailed with an issued invoice (for the mail worker).
pub(crate) async fn invoice_attachments(
    app: &App,
    tenant: Uuid,
    id: Uuid,
) -> Result<Vec<(String, String, Vec<u8>)>> {
    let inv = docs::invoice(&app.db, tenant, id).await?;
    let (xml, pdf) = docs::invoice_files(&app.db, tenant, id).await?;
    let number = inv.number.unwrap_or_default();
    let mut files = Vec::new();
    if let Some(pdf) = pdf {
        files.push((format!("{number}.pdf"), "application/pdf".to_owned(), pdf));
    }
    if let Some(xml) = xml {
        files.push((
            format!("{number}.xml"),
            "application/xml".to_owned(),
            xml.into_bytes(),
        ));
    }
    Ok(files)
}

pub async fn statements(
    app: &App,
    actor: &Actor,
    month: Option<&str>,
) -> Result<Vec<StatementRow>> {
    let owner = statement_owner(actor)?;
    let f = DocFilter {
        month: month_filter(month)?,
        owner,
        issued_only: true,
        run: None,
    };
    Ok(docs::statements(&app.db, actor.tenant_id, &f).await?)
}

pub async fn statement(app: &App, actor: &Actor, id: Uuid) -> Result<StatementRow> {
    let owner = statement_owner(actor)?;
    let st = docs::statement(&app.db, actor.tenant_id, id).await?;
    if owner.is_some_and(|o| o != st.mediator_id) || (owner.is_some() && st.status == "draft") {
        return Err(AppError::NotFound);
    }
    Ok(st)
}

pub async fn statement_pdf(app: &App, actor: &Actor, id: Uuid) -> Result<(String, Vec<u8>)> {
    let st = statement(app, actor, id).await?;
    let pdf = docs::statement_pdf(&app.db, actor.tenant_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((format!("abrechnung-{}.pdf", st.month), pdf))
}
