//! The roles of `domain.md` and the one permission model: which actions each role may
//! take at all. Which objects an action reaches (the own institution, the own
//! assignments, the own provider's offers) the use-cases in `app` decide after asking
//! [`Role::may`]; pages, navigation, home cards and the API all ask the same question.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Coordinator,
    Institution,
    Mediator,
    Provider,
    State,
    Superadmin,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Admin,
        Role::Coordinator,
        Role::Institution,
        Role::Mediator,
        Role::Provider,
        Role::State,
        Role::Superadmin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Institution => "institution",
            Role::Mediator => "mediator",
            Role::Provider => "provider",
            Role::State => "state",
            Role::Superadmin => "superadmin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether the role belongs to the installation rather than to a centre (`state`,
    /// `superadmin`): such users see nothing inside a centre.
    pub fn installation_wide(self) -> bool {
        matches!(self, Role::State | Role::Superadmin)
    }

    /// Whether the role may take the action at all.
    pub fn may(self, action: Action) -> bool {
        use Action::*;
        match self {
            Role::Admin => !matches!(
                action,
                ServeAsMediator
                    | SeeOwnInstitution
                    | SettleTimesheets
                    | ReadStateFigures
                    | ManageCentres
            ),
            Role::Coordinator => matches!(
                action,
                RunMediation
                    | FollowRequests
                    | BookRequests
                    | RunCatalogue
                    | WriteOffers
                    | CloseMonth
                    | ReadInvoices
                    | ReadStatements
            ),
            Role::Institution => matches!(
                action,
                FollowRequests | BookRequests | SeeOwnInstitution | SettleTimesheets | ReadInvoices
            ),
            Role::Mediator => matches!(action, ServeAsMediator | ReadStatements),
            Role::Provider => matches!(action, WriteOffers),
            Role::State => matches!(action, ReadStateFigures),
            Role::Superadmin => matches!(action, ManageCentres),
        }
    }
}

/// What a role may be allowed to do. Each names a part of the service, not a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Run the mediation service of the centre: institutions, the mediator pool,
    /// candidates, invitations, assignments and day plans.
    RunMediation,
    /// See requests and follow them live (institutions: their own institution's).
    FollowRequests,
    /// Request a mediator (institutions for themselves, the centre on their behalf).
    BookRequests,
    /// See and keep the own institution (institution users).
    SeeOwnInstitution,
    /// Confirm or dispute time sheets of the own institution's requests.
    SettleTimesheets,
    /// Serve as a mediator: invitations, assignments, time sheets, calendar feed and the
    /// own availability.
    ServeAsMediator,
    /// Run the catalogue of the centre: review and publish offers, manage providers.
    RunCatalogue,
    /// Write offers (providers: those of their own organisation).
    WriteOffers,
    /// Create and change user accounts.
    ManageUsers,
    /// Read the audit log.
    ReadAudit,
    /// See the outbox of e-mails that could not be sent.
    ReadOutbox,
    /// Change the centre's settings.
    ChangeSettings,
    /// Billing runs, issuing, credit notes, funds and reports (the month's close).
    CloseMonth,
    /// Invoices: all of the centre's, or an institution's own.
    ReadInvoices,
    /// Mediators' statements: all of the centre's, or a mediator's own.
    ReadStatements,
    /// Answer a person's requests under the GDPR: export everything held (Art. 15) and
    /// erase it (Art. 17); read the records of processing (Art. 30).
    HandleDataSubjects,
    /// Read the figures of every centre that shares them, without personal data.
    ReadStateFigures,
    /// Add centres to the installation with their first administrator.
    ManageCentres,
}

impl Action {
    pub const ALL: [Action; 18] = [
        Action::RunMediation,
        Action::FollowRequests,
        Action::BookRequests,
        Action::SeeOwnInstitution,
        Action::SettleTimesheets,
        Action::ServeAsMediator,
        Action::RunCatalogue,
        Action::WriteOffers,
        Action::ManageUsers,
        Action::ReadAudit,
        Action::ReadOutbox,
        Action::ChangeSettings,
        Action::CloseMonth,
        Action::ReadInvoices,
        Action::ReadStatements,
        Action::HandleDataSubjects,
        Action::ReadStateFigures,
        Action::ManageCentres,
    ];
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }

    /// The whole model as a table: a change of a right shows here first.
    #[test]
    fn the_permission_table() {
        let table: Vec<(Role, Vec<Action>)> = Role::ALL
            .into_iter()
            .map(|r| (r, Action::ALL.into_iter().filter(|a| r.may(*a)).collect()))
            .collect();
        use Action::*;
        assert_eq!(
            table,
            vec![
                (
                    Role::Admin,
                    vec![
                        RunMediation,
                        FollowRequests,
                        BookRequests,
                        RunCatalogue,
                        WriteOffers,
                        ManageUsers,
                        ReadAudit,
                        ReadOutbox,
                        ChangeSettings,
                        CloseMonth,
                        ReadInvoices,
                        ReadStatements,
                        HandleDataSubjects
                    ]
                ),
                (
                    Role::Coordinator,
                    vec![
                        RunMediation,
                        FollowRequests,
                        BookRequests,
                        RunCatalogue,
                        WriteOffers,
                        CloseMonth,
                        ReadInvoices,
                        ReadStatements
                    ]
                ),
                (
                    Role::Institution,
                    vec![
                        FollowRequests,
                        BookRequests,
                        SeeOwnInstitution,
                        SettleTimesheets,
                        ReadInvoices
                    ]
                ),
                (Role::Mediator, vec![ServeAsMediator, ReadStatements]),
                (Role::Provider, vec![WriteOffers]),
                (Role::State, vec![ReadStateFigures]),
                (Role::Superadmin, vec![ManageCentres]),
            ]
        );
    }

    #[test]
    fn only_admins_reach_accounts_audit_outbox_settings_and_data_subjects() {
        for r in Role::ALL {
            for a in [
                Action::ManageUsers,
                Action::ReadAudit,
                Action::ReadOutbox,
                Action::ChangeSettings,
                Action::HandleDataSubjects,
            ] {
                assert_eq!(r.may(a), r == Role::Admin, "{r} {a:?}");
            }
        }
    }
}
