#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use jiff::tz::TimeZone;

fn berlin() -> TimeZone {
    TimeZone::get("Europe/Berlin").unwrap()
}

fn input() -> OfferInput {
    OfferInput {
        texts: vec![TextInput {
            lang: "de".into(),
            title: "Schwimmkurs".into(),
            description: "In den Ferien".into(),
        }],
        category: "swimming".into(),
        target_groups: vec!["children".into()],
        age_min: Some(6),
        age_max: Some(10),
        languages: vec!["deu".into(), "ara".into()],
        place_name: "Hallenbad".into(),
        address: "Badstraße 1".into(),
        lat: Some(51.45),
        lon: Some(7.01),
        schedule: ScheduleInput {
            kind: "block".into(),
            from: "2027-07-05".into(),
            until: "2027-07-16".into(),
            start_time: "10:00".into(),
            end_time: "11:30".into(),
            ..Default::default()
        },
        capacity: Some(12),
        registration: "first_come".into(),
        ..Default::default()
    }
}

#[test]
fn a_schedule_with_more_sessions_than_allowed_is_refused() {
    let mut i = input();
    i.schedule = ScheduleInput {
        kind: "block".into(),
        from: "2027-01-01".into(),
        until: "2027-12-31".into(),
        start_time: "10:00".into(),
        end_time: "11:00".into(),
        weekends: true,
        ..Default::default()
    };
    assert_eq!(
        i.validate(&berlin()).unwrap_err().get("sessions"),
        Some("too-many-items")
    );
}

#[test]
fn a_holiday_block_has_ten_weekday_sessions() {
    let d = input().validate(&berlin()).unwrap();
    assert_eq!(d.sessions.len(), 10);
    assert_eq!(d.languages, vec!["deu", "ara"]);
    assert_eq!(
        d.sessions[0].start.to_string(),
        "2027-07-05T08:00:00Z",
        "10:00 summer time"
    );
}

#[test]
fn weekly_over_a_term_skips_holidays_and_keeps_local_time_across_dst() {
    let mut i = input();
    i.schedule = ScheduleInput {
        kind: "weekly".into(),
        weekdays: vec!["we".into()],
        from: "2027-03-01".into(),
        until: "2027-04-30".into(),
        start_time: "16:00".into(),
        end_time: "17:00".into(),
        except: vec!["2027-03-24".into(), "2027-03-31".into()],
        ..Default::default()
    };
    let d = i.validate(&berlin()).unwrap();
    assert_eq!(d.sessions.len(), 7);
    let first = d.sessions[0].start.to_zoned(berlin());
    let last = d.sessions[6].start.to_zoned(berlin());
    assert_eq!((first.hour(), last.hour()), (16, 16));
    assert_ne!(first.offset(), last.offset());
}

#[test]
fn errors_name_the_fields() {
    let mut i = input();
    i.texts[0].title = " ".into();
    i.texts.push(TextInput {
        lang: "xx".into(),
        title: "a".into(),
        description: "b".into(),
    });
    i.category = "chess".into();
    i.age_max = Some(3);
    i.capacity = Some(0);
    i.registration = "lottery".into();
    i.quotas = vec![("newly_arrived".into(), 20)];
    let e = i.validate(&berlin()).unwrap_err();
    for (f, r) in [
        ("title.de", "required"),
        ("title.xx", "unknown-language"),
        ("category", "invalid"),
        ("age_max", "out-of-range"),
        ("capacity", "out-of-range"),
        ("lottery_at", "required"),
        ("quotas", "out-of-range"),
    ] {
        assert_eq!(e.get(f), Some(r), "{f}: {e:?}");
    }
}

#[test]
fn a_lottery_must_be_drawn_before_the_first_session() {
    let mut i = input();
    i.registration = "lottery".into();
    i.lottery_at = Some("2027-07-06T12:00".into());
    assert_eq!(
        i.validate(&berlin()).unwrap_err().get("lottery_at"),
        Some("after-start")
    );
    i.lottery_at = Some("2027-06-20T12:00".into());
    i.quotas = vec![("newly_arrived".into(), 4)];
    let d = i.validate(&berlin()).unwrap();
    assert_eq!(d.quotas, vec![(TargetGroup::NewlyArrived, 4)]);
}

#[test]
fn a_german_change_marks_translations_outdated_until_they_are_updated() {
    let mut edit = BTreeMap::new();
    edit.insert("de".to_owned(), ("Schwimmen".to_owned(), "A".to_owned()));
    edit.insert("ar".to_owned(), ("سباحة".to_owned(), "أ".to_owned()));
    let t = Texts::default().apply_edit(&edit);
    assert!(!t.is_outdated("ar"));
    edit.insert("de".to_owned(), ("Schwimmen".to_owned(), "B".to_owned()));
    let t2 = t.apply_edit(&edit);
    assert!(t2.is_outdated("ar"), "German changed, Arabic did not");
    let shown = t2.show("ar").unwrap();
    assert!(shown.outdated && !shown.fallback);
    edit.insert("ar".to_owned(), ("سباحة".to_owned(), "ب".to_owned()));
    let t3 = t2.apply_edit(&edit);
    assert!(!t3.is_outdated("ar"));
    let mut t4 = t2.clone();
    t4.confirm_current("ar");
    assert!(!t4.is_outdated("ar"));
    let fb = t3.show("uk").unwrap();
    assert!(fb.fallback && fb.lang == "de");
    // Changing only a translation leaves the others current.
    edit.insert("ar".to_owned(), ("سباحة".to_owned(), "ج".to_owned()));
    assert!(!t3.apply_edit(&edit).is_outdated("ar"));
}

#[test]
fn workflow() {
    assert_eq!(next(Status::Draft, Event::Submit), Some(Status::InReview));
    assert_eq!(
        next(Status::InReview, Event::Publish),
        Some(Status::Published)
    );
    assert_eq!(
        next(Status::Published, Event::ProviderEdit),
        Some(Status::InReview)
    );
    assert_eq!(next(Status::Archived, Event::Publish), None);
    assert_eq!(next(Status::Published, Event::Submit), None);
}

#[test]
fn retention_after_the_days() {
    let end: Timestamp = "2027-07-16T10:00:00Z".parse().unwrap();
    let now: Timestamp = "2027-10-13T10:00:00Z".parse().unwrap();
    assert!(end > retention_cutoff(now, 90), "89 days ago: kept");
    assert!(end <= retention_cutoff(now, 89));
    assert!(age_fits(Some(6), Some(10), 10) && !age_fits(Some(6), None, 5));
}

#[test]
fn seats_never_fall_below_the_taken_and_the_mode_stays_while_people_wait() {
    assert!(may_change_seats(10, 10, false, 3).is_ok());
    assert_eq!(
        may_change_seats(9, 10, false, 0)
            .unwrap_err()
            .get("capacity"),
        Some("below-taken")
    );
    assert_eq!(
        may_change_seats(10, 0, true, 1)
            .unwrap_err()
            .get("registration"),
        Some("has-registrations")
    );
    assert!(may_change_seats(10, 0, true, 0).is_ok());
}
