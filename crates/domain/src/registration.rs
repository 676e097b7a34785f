//! Registrations for offers: what a family types, double opt-in, seats and the waiting list.

use crate::offer::{Consent, Registration, TargetGroup, age_fits, is_text_lang};
use crate::validation::{FieldErrors, Validated, email};
use uuid::Uuid;

/// Where a registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Waiting for the e-mail link to be followed (double opt-in).
    Pending,
    /// Has its seats.
    Confirmed,
    /// On the waiting list, in the order of confirmation.
    Waitlisted,
    /// Confirmed by e-mail and taking part in the coming lottery.
    Entered,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Pending,
        Status::Confirmed,
        Status::Waitlisted,
        Status::Entered,
        Status::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Confirmed => "confirmed",
            Status::Waitlisted => "waitlisted",
            Status::Entered => "entered",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Registrations accepted from one network address per hour (a school or library shares
/// one address, so the limit is generous) and confirmation mails to one e-mail address per
/// hour (nobody's mailbox can be flooded through the form).
pub const PER_ADDRESS_PER_HOUR: i64 = 30;
pub const PER_EMAIL_PER_HOUR: i64 = 5;

/// The most persons one registration may bring.
pub const MAX_PERSONS: i64 = 10;

/// A registration as typed.
#[derive(Debug, Clone, Default)]
pub struct RegistrationInput {
    pub name: String,
    pub email: String,
    pub persons: Option<i64>,
    /// Ages of the children a parent registers; empty when adults register themselves.
    pub children: Vec<Option<i64>>,
    pub consents: Vec<String>,
    /// The registrant's language for mails (any offer text language).
    pub lang: String,
    /// The target group the registration counts for in a lottery quota.
    pub group: Option<String>,
}

/// A checked registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationDraft {
    pub name: String,
    pub email: String,
    pub persons: u32,
    pub children_ages: Vec<u8>,
    pub consents: Vec<Consent>,
    pub lang: String,
    pub group: Option<TargetGroup>,
}

/// What the offer asks of a registration.
#[derive(Debug, Clone, Copy)]
pub struct Requirements<'a> {
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub capacity: u32,
    pub groups: &'a [TargetGroup],
}

impl RegistrationInput {
    pub fn validate(&self, req: Requirements<'_>) -> Validated<RegistrationDraft> {
        let mut e = FieldErrors::new();
        let name = crate::validation::person_name(&mut e, "name", &self.name, 100);
        let email = email(&mut e, "email", &self.email);
        let mut ages = Vec::new();
        for (i, a) in self.children.iter().enumerate() {
            let field = format!("children.{i}.age");
            match a.map(u8::try_from) {
                None => e.add(field, "required"),
                Some(Ok(age)) if age <= 17 => {
                    if age_fits(req.age_min, req.age_max, age) {
                        ages.push(age);
                    } else {
                        e.add(field, "age-out-of-range");
                    }
                }
                Some(_) => e.add(field, "out-of-range"),
            }
        }
        let persons = match (self.persons, self.children.len()) {
            (None, 0) => 1,
            (None, n) => u32::try_from(n).unwrap_or(u32::MAX),
            (Some(p), n) if n > 0 && usize::try_from(p).ok() != Some(n) => {
                e.add("persons", "children-mismatch");
                1
            }
            (Some(p), _) => u32::try_from(p)
                .ok()
                .filter(|p| (1..=MAX_PERSONS).contains(&i64::from(*p)))
                .unwrap_or_else(|| {
                    e.add("persons", "out-of-range");
                    1
                }),
        };
        if i64::from(persons) > MAX_PERSONS {
            e.add("persons", "out-of-range");
        } else if persons > req.capacity && e.get("persons").is_none() {
            e.add("persons", "more-than-capacity");
        }
        let mut consents = Vec::new();
        for c in &self.consents {
            match Consent::parse(c) {
                Some(c) if !consents.contains(&c) => consents.push(c),
                Some(_) => {}
                None => e.add("consents", "invalid"),
            }
        }
        if !consents.contains(&Consent::Participation) {
            e.add("consents.participation", "consent-required");
        }
        let lang = self.lang.trim();
        let lang = if lang.is_empty() { "de" } else { lang };
        if !is_text_lang(lang) {
            e.add("lang", "unknown-language");
        }
        let group = match self
            .group
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty())
        {
            None => None,
            Some(g) => match TargetGroup::parse(g) {
                Some(g) if req.groups.contains(&g) => Some(g),
                _ => {
                    e.add("group", "invalid");
                    None
                }
            },
        };
        e.finish(RegistrationDraft {
            name,
            email,
            persons,
            children_ages: ages,
            consents,
            lang: lang.to_owned(),
            group,
        })
    }
}

/// Where a newly confirmed registration goes on a first-come offer: seats are given in
/// the order of confirmation, and nobody overtakes a family already waiting.
pub fn place(capacity: u32, taken: u32, seats: u32, someone_waiting: bool) -> Status {
    if !someone_waiting && taken.saturating_add(seats) <= capacity {
        Status::Confirmed
    } else {
        Status::Waitlisted
    }
}

/// Who moves up from the waiting list (in its order) when seats are free: the first ones
/// while they fit; a family that does not fit yet keeps its place and the ones behind wait.
pub fn promotions(capacity: u32, taken: u32, waitlist: &[(Uuid, u32)]) -> Vec<Uuid> {
    let mut free = capacity.saturating_sub(taken);
    let mut out = Vec::new();
    for (id, seats) in waitlist {
        if *seats > free {
            break;
        }
        free -= seats;
        out.push(*id);
    }
    out
}

/// Whether an offer gives seats now or after its lottery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seating {
    /// Seats in the order of confirmation (no lottery, or the lottery was drawn).
    Open,
    /// Entries until the draw; nobody gets a seat before it.
    UntilDraw,
}

impl Seating {
    pub fn of(registration: Registration, drawn: bool) -> Seating {
        match registration {
            Registration::Lottery { .. } if !drawn => Seating::UntilDraw,
            _ => Seating::Open,
        }
    }
}

/// How following a confirmation link ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    /// Now in this status; `position` on the waiting list when waitlisted.
    Now(Status, Option<u32>),
    /// Was confirmed before (the link was followed again).
    Already(Status, Option<u32>),
}

/// What the seats of an offer look like at the moment of a decision (under its lock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seats {
    pub capacity: u32,
    /// Persons with confirmed seats.
    pub taken: u32,
    /// Registrations on the waiting list.
    pub waiting: u32,
    pub seating: Seating,
}

/// What confirming a registration now in `current` with `persons` does: nothing when
/// it was confirmed before, else its new status.
pub fn confirmation(current: Status, persons: u32, seats: Seats) -> Result<Status, Status> {
    match (current, seats.seating) {
        (Status::Pending, Seating::UntilDraw) => Ok(Status::Entered),
        (Status::Pending, Seating::Open) => Ok(place(
            seats.capacity,
            seats.taken,
            persons,
            seats.waiting > 0,
        )),
        (other, _) => Err(other),
    }
}

/// What to release of a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Release {
    All,
    /// One child (by its index in the registration), the others keep their seats.
    Child(usize),
}

/// What a cancellation changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancellation {
    /// Cancelled before (a link followed again): nothing changes.
    Nothing,
    /// The whole registration ends (also when its last child is released).
    Whole,
    /// One child leaves; the others keep their seats.
    Child(usize),
    /// The child does not exist: refused, nothing changes.
    NoSuchChild,
}

/// Decides a cancellation of a registration in `current` with `persons` and `children`.
pub fn cancellation(
    current: Status,
    release: Release,
    persons: u32,
    children: usize,
) -> Cancellation {
    match release {
        _ if current == Status::Cancelled => Cancellation::Nothing,
        Release::All => Cancellation::Whole,
        Release::Child(i) if i >= children => Cancellation::NoSuchChild,
        Release::Child(_) if persons <= 1 => Cancellation::Whole,
        Release::Child(i) => Cancellation::Child(i),
    }
}

/// Whether the waiting list moves after seats were freed: not before a lottery's draw.
pub fn queue_moves(seating: Seating) -> bool {
    seating == Seating::Open
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const REQ: Requirements<'static> = Requirements {
        age_min: Some(6),
        age_max: Some(10),
        capacity: 12,
        groups: &[TargetGroup::Children, TargetGroup::NewlyArrived],
    };

    fn input() -> RegistrationInput {
        RegistrationInput {
            name: "Samira".into(),
            email: "samira@example.org".into(),
            persons: None,
            children: vec![Some(7), Some(9)],
            consents: vec!["participation".into(), "photos".into()],
            lang: "ar".into(),
            group: Some("newly_arrived".into()),
        }
    }

    #[test]
    fn a_parent_registers_two_children() {
        let d = input().validate(REQ).unwrap();
        assert_eq!(d.persons, 2);
        assert_eq!(d.children_ages, vec![7, 9]);
        assert_eq!(d.consents, vec![Consent::Participation, Consent::Photos]);
        assert_eq!(d.group, Some(TargetGroup::NewlyArrived));
    }

    #[test]
    fn errors_name_the_fields() {
        let mut i = input();
        i.children = vec![Some(4), None];
        i.persons = Some(3);
        i.consents = vec!["photos".into()];
        i.email = "x".into();
        i.lang = "xx".into();
        let e = i.validate(REQ).unwrap_err();
        for (f, r) in [
            ("children.0.age", "age-out-of-range"),
            ("children.1.age", "required"),
            ("persons", "children-mismatch"),
            ("consents.participation", "consent-required"),
            ("email", "invalid-email"),
            ("lang", "unknown-language"),
        ] {
            assert_eq!(e.get(f), Some(r), "{f}: {e:?}");
        }
        let mut i = input();
        i.children.clear();
        i.persons = Some(11);
        assert_eq!(
            i.validate(REQ).unwrap_err().get("persons"),
            Some("out-of-range")
        );
    }

    #[test]
    fn seats_in_order_and_nobody_overtakes_the_waiting_list() {
        assert_eq!(place(10, 8, 2, false), Status::Confirmed);
        assert_eq!(place(10, 9, 2, false), Status::Waitlisted);
        assert_eq!(place(10, 0, 1, true), Status::Waitlisted);
        let (a, b, c) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        assert_eq!(promotions(10, 8, &[(a, 1), (b, 1), (c, 1)]), vec![a, b]);
        assert_eq!(promotions(10, 8, &[(a, 3), (b, 1)]), Vec::<Uuid>::new());
    }

    #[test]
    fn a_confirmation_waits_for_the_draw_and_counts_once() {
        let open = Seats {
            capacity: 10,
            taken: 9,
            waiting: 0,
            seating: Seating::Open,
        };
        assert_eq!(
            confirmation(Status::Pending, 1, open),
            Ok(Status::Confirmed)
        );
        assert_eq!(
            confirmation(Status::Pending, 2, open),
            Ok(Status::Waitlisted)
        );
        let queue = Seats {
            waiting: 1,
            taken: 0,
            ..open
        };
        assert_eq!(
            confirmation(Status::Pending, 1, queue),
            Ok(Status::Waitlisted)
        );
        let draw = Seats {
            seating: Seating::UntilDraw,
            taken: 0,
            ..open
        };
        assert_eq!(confirmation(Status::Pending, 1, draw), Ok(Status::Entered));
        assert_eq!(
            confirmation(Status::Confirmed, 1, open),
            Err(Status::Confirmed)
        );
        assert_eq!(
            confirmation(Status::Cancelled, 1, draw),
            Err(Status::Cancelled)
        );
        let at = jiff::Timestamp::UNIX_EPOCH;
        assert_eq!(
            Seating::of(Registration::Lottery { at }, false),
            Seating::UntilDraw
        );
        assert_eq!(
            Seating::of(Registration::Lottery { at }, true),
            Seating::Open
        );
        assert_eq!(Seating::of(Registration::FirstCome, false), Seating::Open);
        assert!(!queue_moves(Seating::UntilDraw));
    }

    #[test]
    fn a_cancellation_releases_what_exists() {
        use Cancellation as C;
        assert_eq!(
            cancellation(Status::Confirmed, Release::All, 2, 2),
            C::Whole
        );
        assert_eq!(
            cancellation(Status::Confirmed, Release::Child(1), 2, 2),
            C::Child(1)
        );
        assert_eq!(
            cancellation(Status::Confirmed, Release::Child(2), 2, 2),
            C::NoSuchChild
        );
        assert_eq!(
            cancellation(Status::Waitlisted, Release::Child(0), 1, 1),
            C::Whole
        );
        assert_eq!(
            cancellation(Status::Cancelled, Release::All, 1, 0),
            C::Nothing
        );
    }
}
