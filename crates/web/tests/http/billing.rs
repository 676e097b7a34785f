//! The month's close through the API on both databases: tariffs, a draft, recomputing,
//! issuing with gapless numbers, the XRechnung through the official validator, the mail
//! with both files through a real SMTP server, credit notes, who sees what, and a failure
//! in the middle of issuing that leaves nothing behind.

use crate::common::{World, worlds};
use axum::http::StatusCode;
use jiff::SignedDuration;
use mittler_app::billing::Renderer;
use mittler_app::mail::{Mailer, deliver_due};
use mittler_documents::{DocError, InvoiceDoc, StatementDoc};
use mittler_domain::Role;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn card(cents_per_hour: i64, flat_cents: i64, travel_cents_per_hour: i64) -> Value {
    json!({ "cents_per_hour": cents_per_hour, "minimum_min": 60, "step_min": 30, "flat_cents": flat_cents,
            "per_km_cents": 30, "travel_cents_per_hour": travel_cents_per_hour, "travel_step_min": 30,
            "night_pct": 25, "sunday_pct": 50, "holiday_pct": 125, "cancel_pct": 100 })
}

/// The example tariff of `billing.md`, on site only, for every category.
pub fn tariff_body(from: &str) -> Value {
    json!({ "name": "Vor Ort", "categories": ["authority", "health", "school", "social", "court", "other"],
            "modes": ["onsite"], "valid_from": from, "client": card(4500, 0, 0), "mediator": card(2500, 600, 1000) })
}

fn seller() -> Value {
    json!({ "legal_name": "Stadt Beispielstadt, Kommunales Integrationszentrum", "street": "Rathausplatz 1",
            "postcode": "45127", "city": "Beispielstadt", "country": "DE", "tax_number": "112/5000/1234",
            "iban": "DE02120300000000202051", "bic": "BYLADEM1001", "contact_name": "Team Sprachmittlung",
            "phone": "0201 123456", "email": "sprachmittlung@ki.example" })
}

fn billing_address() -> Value {
    json!({ "name": "Jobcenter Beispielstadt", "street": "Am Markt 3", "postcode": "45127", "city": "Beispielstadt",
            "country": "DE", "email": "rechnung@jobcenter.example", "leitweg_id": "05315-12345-85" })
}

/// Sets up tenant A to close November 2026: the seller, the on-site tariff, the billing
/// address of the own institution; the fixture's on-site appointment (30 Nov, 10:00)
/// worked 61 minutes and 12.5 km, a phone appointment (no tariff) worked too.
/// Returns the phone request's id.
async fn november(w: &World) -> String {
    let admin = w.token(Role::Admin).await;
    let coord = w.token(Role::Coordinator).await;
    let inst = w.token(Role::Institution).await;
    let (s, b) = w
        .api(
            "PATCH",
            "/api/v1/settings",
            Some(&admin),
            Some(json!({ "seller": seller() })),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let (s, b) = w
        .api(
            "POST",
            "/api/v1/tariffs",
            Some(&admin),
            Some(tariff_body("2026-01-01")),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let path = format!("/api/v1/institutions/{}", w.a.inst_own);
    let (s, b) = w
        .api(
            "PATCH",
            &path,
            Some(&admin),
            Some(json!({ "billing": billing_address() })),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert_eq!(b["billing"]["leitweg_id"], "05315-12345-85");
    let (s, phone) = w
        .api("POST", "/api/v1/requests", Some(&inst), Some(json!({ "institution_id": w.a.inst_own, "mode": "phone",
            "language": "prs", "sector": "authority", "start": "2026-11-30T14:00", "duration_min": 45 })))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{phone}");
    let phone = phone["id"].as_str().unwrap().to_owned();
    let (s, b) = w
        .api(
            "POST",
            &format!("/api/v1/requests/{phone}/assign"),
            Some(&coord),
            Some(json!({ "mediator_id": w.a.med_own })),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    w.clock.advance(SignedDuration::from_hours(6 * 24 + 1));
    // Sessions do not outlive the week that passed.
    let inst = w.token(Role::Institution).await;
    let med = w.token(Role::Mediator).await;
    for (id, start, end, km) in [
        (
            w.a.req_own.to_string(),
            "2026-11-30T10:00",
            "2026-11-30T11:01",
            json!(12.5),
        ),
        (
            phone.clone(),
            "2026-11-30T14:00",
            "2026-11-30T14:40",
            Value::Null,
        ),
    ] {
        let (s, b) = w
            .api("POST", &format!("/api/v1/requests/{id}/timesheet"), Some(&med),
                Some(json!({ "start": start, "end": end, "waiting_min": 0, "travel_min": 40, "travel_km": km })))
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let (s, b) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{id}/timesheet/confirm"),
                Some(&inst),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
    }
    phone
}

fn validator() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/einvoice/validate")
}

/// Every XML through the official XRechnung rules in one call.
fn assert_valid_xrechnung(files: &[(String, String)]) {
    let dir = std::env::temp_dir().join(format!("mittler-billing-xml-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(name, xml)| {
            let p = dir.join(name);
            std::fs::write(&p, xml).unwrap();
            p
        })
        .collect();
    let out = std::process::Command::new(validator())
        .arg("-q")
        .args(&paths)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(report.matches("VALID:").count(), files.len(), "{report}");
    std::fs::remove_dir_all(&dir).ok();
}

async fn text(w: &World, path: &str, token: &str) -> (StatusCode, String, Vec<u8>) {
    let req = axum::http::Request::builder()
        .uri(path)
        .header(axum::http::header::AUTHORIZATION, format!("Bearer {token}"))
        .body(axum::body::Body::empty())
        .unwrap();
    let resp = tower::ServiceExt::oneshot(w.router.clone(), req)
        .await
        .unwrap();
    let status = resp.status();
    let kind = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = http_body_util::BodyExt::collect(resp.into_body())
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, kind, body)
}

#[tokio::test]
async fn a_month_is_drafted_recomputed_issued_validated_mailed_and_corrected() {
    for w in worlds().await {
        let phone = november(&w).await;
        let coord = w.token(Role::Coordinator).await;
        let (s, b) = w
            .api(
                "POST",
                "/api/v1/billing/runs",
                Some(&coord),
                Some(json!({ "month": "2026-13" })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(b.to_string().contains("month"), "{b}");

        let (s, first) = w
            .api(
                "POST",
                "/api/v1/billing/runs",
                Some(&coord),
                Some(json!({ "month": "2026-11" })),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{first}");
        assert_eq!(first["status"], "draft");
        // The phone appointment has no tariff: listed, not billed as zero.
        assert_eq!(first["without_tariff"], json!([phone]), "{first}");
        let inv = &first["invoices"][0];
        assert_eq!(first["invoices"].as_array().unwrap().len(), 1, "{first}");
        assert_eq!(inv["institution_id"], w.a.inst_own.to_string());
        // 61 min → 90 min × 45 €/h = 67,50 €; 12.5 km × 0,30 € = 3,75 €; exempt from VAT.
        let line = &inv["lines"][0];
        assert_eq!(
            (
                line["minutes"].as_i64(),
                line["time_cents"].as_i64(),
                line["travel_cents"].as_i64()
            ),
            (Some(90), Some(6750), Some(375))
        );
        assert_eq!(
            (
                inv["net_cents"].as_i64(),
                inv["vat_cents"].as_i64(),
                inv["total_cents"].as_i64()
            ),
            (Some(7125), Some(0), Some(7125))
        );
        assert_eq!(inv["number"], Value::Null);
        let st = &first["statements"][0];
        // 90 min × 25 €/h + 6 € flat + 3,75 € + 40 min → 60 min × 10 €/h.
        assert_eq!(st["total_cents"], 3750 + 600 + 375 + 1000);
        assert_eq!(st["year_to_date_cents"], st["total_cents"]);
        assert_eq!(st["allowance_left_cents"].as_i64(), Some(96_000 - 5725));

        // Recomputing supersedes the first draft, which can no longer be issued.
        let first_id = first["id"].as_str().unwrap();
        let (s, run) = w
            .api(
                "POST",
                &format!("/api/v1/billing/runs/{first_id}/recompute"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{run}");
        let (_, old) = w
            .api(
                "GET",
                &format!("/api/v1/billing/runs/{first_id}"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(old["status"], "superseded");
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/billing/runs/{first_id}/issue"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);

        let id = run["id"].as_str().unwrap();
        let (s, issued) = w
            .api(
                "POST",
                &format!("/api/v1/billing/runs/{id}/issue"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{issued}");
        assert_eq!(issued["status"], "issued");
        let inv = &issued["invoices"][0];
        assert_eq!(inv["number"], "2026-0001", "{issued}");
        assert_eq!(inv["status"], "issued");
        let inv_id = inv["id"].as_str().unwrap().to_owned();
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/billing/runs/{id}/issue"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "issuing twice");

        // Who sees it: the institution its own, the other tenant nothing.
        let inst = w.token(Role::Institution).await;
        let (_, mine) = w
            .api("GET", "/api/v1/invoices?month=2026-11", Some(&inst), None)
            .await;
        assert_eq!(mine.as_array().map(Vec::len), Some(1), "{mine}");
        let (s, _) = w
            .api("GET", "/api/v1/invoices?month=2026/11", Some(&inst), None)
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let foreign = w.token_of(&w.b, Role::Admin).await;
        let (s, _) = w
            .api(
                "GET",
                &format!("/api/v1/invoices/{inv_id}"),
                Some(&foreign),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let med = w.token(Role::Mediator).await;
        let (_, sts) = w.api("GET", "/api/v1/statements", Some(&med), None).await;
        assert_eq!(sts.as_array().map(Vec::len), Some(1), "{sts}");
        let st_id = sts[0]["id"].as_str().unwrap();
        let (s, kind, pdf) = text(&w, &format!("/api/v1/statements/{st_id}/pdf"), &med).await;
        assert_eq!((s, kind.as_str()), (StatusCode::OK, "application/pdf"));
        assert!(pdf.starts_with(b"%PDF-"));

        let (s, kind, xml) = text(
            &w,
            &format!("/api/v1/invoices/{inv_id}/xrechnung.xml"),
            &inst,
        )
        .await;
        assert_eq!((s, kind.as_str()), (StatusCode::OK, "application/xml"));
        let xml = String::from_utf8(xml).unwrap();
        assert!(xml.contains("<ram:BuyerReference>05315-12345-85</ram:BuyerReference>"));
        let (s, _, pdf) = text(&w, &format!("/api/v1/invoices/{inv_id}/pdf"), &coord).await;
        assert_eq!(s, StatusCode::OK);
        assert!(pdf.starts_with(b"%PDF-"));

        // Issued documents are not changed: a credit note cancels the invoice and frees its line.
        let (s, b) = w
            .api(
                "POST",
                &format!("/api/v1/invoices/{inv_id}/cancel"),
                Some(&coord),
                Some(json!({ "reason": " " })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        let (s, credit) = w
            .api(
                "POST",
                &format!("/api/v1/invoices/{inv_id}/cancel"),
                Some(&coord),
                Some(json!({ "reason": "Falsche Einrichtung" })),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{credit}");
        assert_eq!(
            (credit["kind"].as_str(), credit["number"].as_str()),
            (Some("credit_note"), Some("2026-0002"))
        );
        assert_eq!(credit["refers_to"], inv_id.as_str());
        let (_, old) = w
            .api(
                "GET",
                &format!("/api/v1/invoices/{inv_id}"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(old["status"], "cancelled");
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/invoices/{inv_id}/cancel"),
                Some(&coord),
                Some(json!({ "reason": "again" })),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        let credit_id = credit["id"].as_str().unwrap();
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/invoices/{credit_id}/cancel"),
                Some(&coord),
                Some(json!({ "reason": "no" })),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "a credit note is not cancelled");
        let (_, _, credit_xml) = text(
            &w,
            &format!("/api/v1/invoices/{credit_id}/xrechnung.xml"),
            &coord,
        )
        .await;
        assert_valid_xrechnung(&[
            ("invoice.xml".into(), xml.clone()),
            (
                "credit-note.xml".into(),
                String::from_utf8(credit_xml).unwrap(),
            ),
        ]);

        // The freed line is invoiced again; the mediator was paid already.
        let (s, again) = w
            .api(
                "POST",
                "/api/v1/billing/runs",
                Some(&coord),
                Some(json!({ "month": "2026-11" })),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
        assert_eq!(
            again["invoices"].as_array().map(Vec::len),
            Some(1),
            "{again}"
        );
        assert_eq!(
            again["statements"].as_array().map(Vec::len),
            Some(0),
            "{again}"
        );
        let again_id = again["id"].as_str().unwrap();
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/billing/runs/{again_id}/discard"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT);
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/billing/runs/{again_id}/issue"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);

        // The mails go to the billing address with the PDF and the XRechnung attached.
        let (port, store) = crate::mail::smtp_sink().await;
        let mailer = Mailer::smtp(
            &format!("smtp://127.0.0.1:{port}"),
            "Mittler <mittler@ki.example>",
        )
        .unwrap();
        deliver_due(&w.app, &mailer).await.unwrap();
        let mails = store.lock().unwrap().clone();
        let to_buyer: Vec<&String> = mails
            .iter()
            .filter(|m| m.contains("To: rechnung@jobcenter.example"))
            .collect();
        assert_eq!(to_buyer.len(), 2, "invoice and credit note");
        assert!(
            to_buyer
                .iter()
                .any(|m| m.contains("2026-0001.pdf") && m.contains("2026-0001.xml"))
        );
        assert!(
            to_buyer
                .iter()
                .any(|m| m.contains("2026-0002.pdf") && m.contains("2026-0002.xml"))
        );
    }
}

#[tokio::test]
async fn bad_tariffs_and_settings_name_the_field() {
    for w in worlds().await {
        let admin = w.token(Role::Admin).await;
        let mut t = tariff_body("2026-01-01");
        t["client"]["cents_per_hour"] = json!(-5);
        t["mediator"]["step_min"] = json!(0);
        t["modes"] = json!(["fax"]);
        let (s, b) = w
            .api("POST", "/api/v1/tariffs", Some(&admin), Some(t))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        let text = b.to_string();
        for f in ["client.cents_per_hour", "mediator.step_min", "modes[0]"] {
            assert!(text.contains(f), "{f} in {text}");
        }
        let mut t = tariff_body("2026-01-01");
        t["client"]["flat_cents"] = json!(99_999_999_999_999_999_999u128.to_string());
        let (s, _) = w
            .api("POST", "/api/v1/tariffs", Some(&admin), Some(t))
            .await;
        assert!(
            s == StatusCode::UNPROCESSABLE_ENTITY || s == StatusCode::BAD_REQUEST,
            "{s}"
        );
        let mut t = tariff_body("2026-01-01");
        t.as_object_mut().unwrap().remove("mediator");
        let (s, b) = w
            .api("POST", "/api/v1/tariffs", Some(&admin), Some(t))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(b.to_string().contains("mediator"), "{b}");
        let (s, _) = w
            .api(
                "POST",
                "/api/v1/tariffs",
                Some(&admin),
                Some(tariff_body("2026-01-01")),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
        let (s, b) = w
            .api(
                "POST",
                "/api/v1/tariffs",
                Some(&admin),
                Some(tariff_body("2026-06-01")),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "overlap: {b}");
        assert!(b.to_string().contains("valid_from"), "{b}");
        let mut bad = seller();
        bad["iban"] = json!("DE00 1234");
        let (s, b) = w
            .api(
                "PATCH",
                "/api/v1/settings",
                Some(&admin),
                Some(json!({ "seller": bad, "allowance_cents": { "20x7": 1 } })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            b.to_string().contains("seller.iban") && b.to_string().contains("allowance_cents.20x7"),
            "{b}"
        );
        let med = w.token(Role::Mediator).await;
        let (s, b) = w
            .api("POST", &format!("/api/v1/requests/{}/timesheet", w.a.req_own), Some(&med),
                Some(json!({ "start": "2026-11-25T08:00", "end": "2026-11-25T09:00", "travel_km": 10000 })))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(b.to_string().contains("travel_km"), "{b}");
    }
}

/// Fails every statement PDF, as a full disk or a broken font would.
struct FailingStatements;

impl Renderer for FailingStatements {
    fn invoice_xml(&self, d: &InvoiceDoc) -> mittler_documents::Result<String> {
        mittler_documents::xrechnung::invoice(d)
    }
    fn invoice_pdf(&self, d: &InvoiceDoc) -> mittler_documents::Result<Vec<u8>> {
        mittler_documents::invoice_pdf(d)
    }
    fn statement_pdf(&self, _: &StatementDoc) -> mittler_documents::Result<Vec<u8>> {
        Err(DocError::Pdf("test: no PDF".into()))
    }
}

#[tokio::test]
async fn a_failure_in_the_middle_of_issuing_leaves_nothing_half_written() {
    for w in worlds().await {
        november(&w).await;
        let coord = w.token(Role::Coordinator).await;
        let (_, run) = w
            .api(
                "POST",
                "/api/v1/billing/runs",
                Some(&coord),
                Some(json!({ "month": "2026-11" })),
            )
            .await;
        let id: uuid::Uuid = run["id"].as_str().unwrap().parse().unwrap();
        let failing = w.app.clone().with_renderer(Arc::new(FailingStatements));
        let actor = w.actor(Role::Coordinator).await;
        let r = mittler_app::billing::issue(&failing, &actor, id).await;
        assert!(
            matches!(r, Err(mittler_app::AppError::Internal(_))),
            "{:?}",
            r.err()
        );
        // The invoice got no number, the run is a draft, no mail is queued.
        let (_, again) = w
            .api(
                "GET",
                &format!("/api/v1/billing/runs/{id}"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(again["status"], "draft");
        assert_eq!(again["invoices"][0]["number"], Value::Null);
        let queued = mittler_db::outbox::to_address(&w.app.db, "rechnung@jobcenter.example")
            .await
            .unwrap();
        assert!(queued.is_empty());
        // Issued properly, the invoice takes the first number: none was lost.
        let (s, issued) = w
            .api(
                "POST",
                &format!("/api/v1/billing/runs/{id}/issue"),
                Some(&coord),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{issued}");
        assert_eq!(issued["invoices"][0]["number"], "2026-0001");
    }
}

#[tokio::test]
async fn one_run_issued_sixteen_times_at_once_is_issued_once() {
    for w in worlds().await {
        november(&w).await;
        let coord = w.token(Role::Coordinator).await;
        let (_, run) = w
            .api(
                "POST",
                "/api/v1/billing/runs",
                Some(&coord),
                Some(json!({ "month": "2026-11" })),
            )
            .await;
        let path = format!("/api/v1/billing/runs/{}/issue", run["id"].as_str().unwrap());
        let calls = (0..16).map(|_| w.api("POST", &path, Some(&coord), None));
        let results = futures_util::future::join_all(calls).await;
        let ok = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
        let conflicts = results
            .iter()
            .filter(|(s, _)| *s == StatusCode::CONFLICT)
            .count();
        assert_eq!(
            (ok, conflicts),
            (1, 15),
            "{:?}",
            results.iter().map(|r| r.0).collect::<Vec<_>>()
        );
        let (_, all) = w.api("GET", "/api/v1/invoices", Some(&coord), None).await;
        assert_eq!(all.as_array().map(Vec::len), Some(1), "{all}");
    }
}

#[tokio::test]
async fn funds_commit_on_confirmation_release_on_cancellation_and_mark_the_unfunded() {
    for w in worlds().await {
        let admin = w.token(Role::Admin).await;
        let coord = w.token(Role::Coordinator).await;
        let inst = w.token(Role::Institution).await;
        let (s, _) = w
            .api(
                "POST",
                "/api/v1/tariffs",
                Some(&admin),
                Some(tariff_body("2026-01-01")),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
        let (s, b) = w
            .api("POST", "/api/v1/funds", Some(&coord), Some(json!({ "name": "Landesmittel", "budget_cents": 3500,
                "from": "2026-01-01", "to": "2026-12-31", "rules": { "modes": ["onsite"], "languages": ["prs"] } })))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{b}");
        let fund = b["id"].as_str().unwrap().to_owned();
        let (s, b) = w
            .api(
                "POST",
                "/api/v1/funds",
                Some(&coord),
                Some(json!({ "name": "", "budget_cents": -1, "from": "2026-13-01", "to": "" })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        for f in ["name", "budget_cents", "from", "to"] {
            assert!(b.to_string().contains(&format!("\"{f}\"")), "{f}: {b}");
        }
        let inst_detail = w
            .api(
                "GET",
                &format!("/api/v1/institutions/{}", w.a.inst_own),
                Some(&admin),
                None,
            )
            .await
            .1;
        let place = inst_detail["places"][0]["id"].as_str().unwrap().to_owned();
        let mut ids = Vec::new();
        for start in ["2026-11-30T12:00", "2026-11-30T14:00"] {
            let (s, b) = w
                .api("POST", "/api/v1/requests", Some(&inst), Some(json!({ "institution_id": w.a.inst_own, "place_id": place,
                    "mode": "onsite", "language": "prs", "sector": "authority", "start": start, "duration_min": 60 })))
                .await;
            assert_eq!(s, StatusCode::CREATED, "{b}");
            ids.push(b["id"].as_str().unwrap().to_owned());
        }
        let paths: Vec<String> = ids
            .iter()
            .map(|id| format!("/api/v1/requests/{id}"))
            .collect();
        let get = |i: usize| w.api("GET", &paths[i], Some(&coord), None);
        let (_, r) = get(0).await;
        assert_eq!(
            (r["fund_id"].clone(), r["unfunded"].clone()),
            (Value::Null, json!(false)),
            "{r}"
        );
        // Confirmed: 60 min × 25 €/h + 6 € flat = 31 € committed (88 % of 35 €).
        let (s, b) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{}/assign", ids[0]),
                Some(&coord),
                Some(json!({ "mediator_id": w.a.med_own })),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let (_, r) = get(0).await;
        assert_eq!(r["fund_id"], fund.as_str(), "{r}");
        let (_, funds) = w.api("GET", "/api/v1/funds", Some(&coord), None).await;
        assert_eq!(
            (
                funds[0]["committed_cents"].as_i64(),
                funds[0]["left_cents"].as_i64()
            ),
            (Some(3100), Some(400)),
            "{funds}"
        );
        let told = mittler_db::outbox::to_address(&w.app.db, &w.a.users[&Role::Coordinator].1)
            .await
            .unwrap();
        assert!(
            told.iter()
                .any(|m| m.subject.contains("Landesmittel") && m.subject.contains("80 %")),
            "{:?}",
            told.iter().map(|m| &m.subject).collect::<Vec<_>>()
        );
        // The second one cannot be paid: unfunded before anyone is invited.
        let (_, r) = get(1).await;
        assert_eq!(r["unfunded"], json!(true), "{r}");
        // Cancelled in time: the commitment is released and the second one is fundable again.
        let (s, b) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{}/cancel", ids[0]),
                Some(&inst),
                Some(json!({ "reason": "Termin entfällt" })),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        assert_eq!(b["billable"], json!(false));
        let (_, funds) = w.api("GET", "/api/v1/funds", Some(&coord), None).await;
        assert_eq!(funds[0]["committed_cents"].as_i64(), Some(0), "{funds}");
        let (_, r) = get(1).await;
        assert_eq!(r["unfunded"], json!(false), "{r}");
        // The second one confirmed and completed: its actual pay is spent.
        let (s, b) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{}/assign", ids[1]),
                Some(&coord),
                Some(json!({ "mediator_id": w.a.med_own })),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        w.clock.advance(SignedDuration::from_hours(6 * 24));
        let (coord, inst, med) = (
            w.token(Role::Coordinator).await,
            w.token(Role::Institution).await,
            w.token(Role::Mediator).await,
        );
        let (s, b) = w
            .api("POST", &format!("/api/v1/requests/{}/timesheet", ids[1]), Some(&med),
                Some(json!({ "start": "2026-11-30T14:00", "end": "2026-11-30T15:25", "waiting_min": 0, "travel_min": 0 })))
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let (s, _) = w
            .api(
                "POST",
                &format!("/api/v1/requests/{}/timesheet/confirm", ids[1]),
                Some(&inst),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let (_, funds) = w.api("GET", "/api/v1/funds", Some(&coord), None).await;
        // 85 min → 90 min × 25 €/h + 6 € flat = 43,50 €: more than committed, spent all the same.
        assert_eq!(
            (
                funds[0]["committed_cents"].as_i64(),
                funds[0]["spent_cents"].as_i64()
            ),
            (Some(0), Some(4350)),
            "{funds}"
        );
        // The coordinator's home page shows the live budget.
        let (session, _) = w.session(Role::Coordinator).await;
        let (_, _, home) = w
            .page("GET", "/", Some(&session), crate::common::ANON_CSRF, None)
            .await;
        assert!(
            home.contains("Landesmittel") && home.contains("-8,50 €"),
            "{home}"
        );
        // The institution does not see the centre's funds.
        let (_, r) = w
            .api(
                "GET",
                &format!("/api/v1/requests/{}", ids[1]),
                Some(&inst),
                None,
            )
            .await;
        assert_eq!(r["fund_id"], Value::Null);
        let (s, _) = w.api("GET", "/api/v1/funds", Some(&inst), None).await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn the_summary_counts_prices_explains_and_exports() {
    for w in worlds().await {
        november(&w).await;
        // The worker marks what nobody took as unfilled.
        mittler_app::requests::sweep(&w.app).await.unwrap();
        let coord = w.token(Role::Coordinator).await;
        let q = "/api/v1/reports/summary?from=2026-11-01&to=2026-11-30";
        let (s, b) = w
            .api("GET", &format!("{q}&by=language"), Some(&coord), None)
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let t = &b["total"];
        // Four appointments: two served, two left unfilled (speakers exist, booked days ahead).
        assert_eq!(
            (
                t["requests"].as_i64(),
                t["served"].as_i64(),
                t["unserved"].as_i64()
            ),
            (Some(4), Some(2), Some(2)),
            "{b}"
        );
        // Only the on-site one has a tariff: 71,25 € and 57,25 €; 1.5 h + 40 min.
        assert_eq!(
            (t["client_cents"].as_i64(), t["mediator_cents"].as_i64()),
            (Some(7125), Some(5725)),
            "{b}"
        );
        assert_eq!(t["hours"].as_f64(), Some(2.2), "{b}");
        assert_eq!(b["unserved_reasons"]["nobody_free"], 2, "{b}");
        assert_eq!(b["rows"][0]["key"], "prs");
        let (s, b) = w
            .api("GET", &format!("{q}&by=month"), Some(&coord), None)
            .await;
        assert_eq!(
            (s, b["rows"][0]["key"].as_str()),
            (StatusCode::OK, Some("2026-11"))
        );
        for (bad, field) in [
            ("?to=2026-11-30", "from"),
            ("?from=2026-11-01&to=2026-10-01", "to"),
            (&*format!("{}&by=colour", &q[23..]), "by"),
        ] {
            let (s, b) = w
                .api(
                    "GET",
                    &format!("/api/v1/reports/summary{bad}"),
                    Some(&coord),
                    None,
                )
                .await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {b}");
            assert!(b.to_string().contains(field), "{field}: {b}");
        }
        let (s, kind, csv) = text(&w, &format!("{q}&by=sector&format=csv"), &coord).await;
        assert_eq!(
            (s, kind.as_str()),
            (StatusCode::OK, "text/csv; charset=utf-8")
        );
        assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]), "a BOM for Excel");
        let csv = String::from_utf8(csv).unwrap();
        assert!(csv.contains("Behörden;4;2;2;0;0;2,2;71,25;57,25;"), "{csv}");
        assert!(csv.contains("Gesamt;4;2;2"), "{csv}");
        let (s, kind, pdf) = text(&w, &format!("{q}&format=pdf"), &coord).await;
        assert_eq!((s, kind.as_str()), (StatusCode::OK, "application/pdf"));
        assert!(pdf.starts_with(b"%PDF-"));
    }
}

#[tokio::test]
async fn the_pages_close_a_month_and_keep_what_was_typed() {
    use crate::common::{ANON_CSRF, enc};
    for w in worlds().await {
        november(&w).await;
        let (token, csrf) = w.session(Role::Coordinator).await;
        let c = format!("csrf={}", enc(&csrf));
        let (s, _, html) = w
            .page(
                "POST",
                "/billing/runs",
                Some(&token),
                ANON_CSRF,
                Some(format!("{c}&month=2026-13")),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            html.contains("value=\"2026-13\"") && html.contains("aria-invalid=\"true\""),
            "{html}"
        );
        let (s, h, _) = w
            .page(
                "POST",
                "/billing/runs",
                Some(&token),
                ANON_CSRF,
                Some(format!("{c}&month=2026-11")),
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let run = h["location"].to_str().unwrap().to_owned();
        let (s, _, html) = w.page("GET", &run, Some(&token), ANON_CSRF, None).await;
        assert_eq!(s, StatusCode::OK);
        for want in [
            "Jobcenter",
            "71,25 €",
            "57,25 €",
            "Ohne Tarif",
            "Ausstellen und versenden",
        ] {
            assert!(html.contains(want), "{want}");
        }
        let (s, h, _) = w
            .page(
                "POST",
                &format!("{run}/issue"),
                Some(&token),
                ANON_CSRF,
                Some(c.clone()),
            )
            .await;
        assert_eq!(
            (s, h["location"].to_str().unwrap()),
            (StatusCode::SEE_OTHER, run.as_str())
        );
        let (_, _, html) = w
            .page(
                "GET",
                "/billing?month=2026-11",
                Some(&token),
                ANON_CSRF,
                None,
            )
            .await;
        assert!(
            html.contains("2026-0001") && html.contains("/xrechnung.xml"),
            "{html}"
        );
        let (s, _, html) = w
            .page(
                "GET",
                "/reports?from=2026-11-01&to=2026-11-30&by=mode",
                Some(&token),
                ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("<svg") && html.contains("role=\"img\"") && html.contains("<desc"),
            "{html}"
        );
        assert!(
            html.contains("Vor Ort") || html.contains("vor Ort"),
            "{html}"
        );
        let (s, _, html) = w
            .page(
                "GET",
                "/reports?from=2026-11-01&to=gestern",
                Some(&token),
                ANON_CSRF,
                None,
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("value=\"gestern\""), "{html}");
        let (mt, _) = w.session(Role::Mediator).await;
        let (s, _, html) = w
            .page("GET", "/me/statements", Some(&mt), ANON_CSRF, None)
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("57,25 €") && html.contains("/billing/statements/"),
            "{html}"
        );
        let (at, acsrf) = w.session(Role::Admin).await;
        let form = format!(
            "csrf={}&name=Schulen&category=school&mode=video&valid_from=2027-01-01&valid_to=&client_cents_per_hour=abc",
            enc(&acsrf)
        );
        let (s, _, html) = w
            .page("POST", "/tariffs", Some(&at), ANON_CSRF, Some(form))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            html.contains("value=\"Schulen\"") && html.contains("value=\"abc\""),
            "kept what was typed"
        );
    }
}

#[tokio::test]
async fn a_time_sheet_cannot_end_in_the_future() {
    for w in worlds().await {
        // 30 November, 10:30 in Essen: the appointment began at 10:00 and is still going on.
        w.clock.advance(SignedDuration::from_mins(5 * 24 * 60 + 30));
        let med = w.token(Role::Mediator).await;
        let path = format!("/api/v1/requests/{}/timesheet", w.a.req_own);
        let (s, b) = w
            .api(
                "POST",
                &path,
                Some(&med),
                Some(json!({ "start": "2026-11-30T10:00", "end": "2026-11-30T11:00" })),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(b["error"]["fields"]["end"].is_string(), "{b}");
        let (s, b) = w
            .api(
                "POST",
                &path,
                Some(&med),
                Some(json!({ "start": "2026-11-30T10:00", "end": "2026-11-30T10:25" })),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
    }
}
