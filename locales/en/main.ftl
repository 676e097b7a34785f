# Mittler – English interface

nav-skip = Skip to content
nav-main = Main navigation
nav-language = Language
nav-home = Overview
nav-home-hint = Back to the overview
nav-mediators = Mediators
nav-mediators-hint = Search the pool, add and maintain profiles
nav-institutions = Institutions
nav-institutions-hint = Clients and their places
nav-my-institution = My institution
nav-my-institution-hint = Your institution's details and places
nav-my-schedule = My availability
nav-my-schedule-hint = Keep weekly times and absences current
nav-users = User accounts
nav-users-hint = Create accounts, assign roles, lock
nav-audit = Audit log
nav-audit-hint = Who changed what and when
nav-password = Password
nav-sign-out = Sign out

home-title = Overview
home-greeting = Welcome, { $name }
desk-title = What needs doing
desk-unstaffed = without a mediator in the next 48 hours
desk-expiring = invitations run out within 24 hours
desk-timesheets = time sheets waiting for confirmation
desk-disputes = disputed time sheets
desk-show-all = show all requests
filter-title = Filters
home-invitations = { $count ->
    [0] No open invitation
    [one] One open invitation – please answer
   *[other] { $count } open invitations – please answer
}

role-admin = Administration
role-coordinator = Coordination
role-institution = Institution
role-mediator = Mediator
role-provider = Provider
role-state = State level

login-title = Sign in
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-failed = The e-mail address or the password is wrong.
login-locked = { $minutes ->
    [one] Too many failed attempts. Please try again in one minute.
   *[other] Too many failed attempts. Please try again in { $minutes } minutes.
}
login-demo = Demo logins
login-demo-hint = These logins exist in demo mode only. All data is invented.
login-centre = Centre
login-choose-centre = This address belongs to accounts in several centres. Please choose the centre and enter the password again.
login-code-title = Enter code
login-code = Code from the authenticator app
login-code-hint = Six digits. Without your phone: one of your recovery codes.
login-start-again = Start again
login-sso = Sign in with the city's account
login-sso-submit = On to the city's sign-in
login-sso-no-account = There is no account for this address in this centre. Please ask the administration.
login-sso-failed = The sign-in through the city did not work. Please try again.
login-sso-unavailable = The city's sign-in cannot be reached right now. Please sign in with your password.

password-title = Change password
password-old = Current password
password-new = New password
password-confirm = Repeat the new password
password-rules = At least 12 characters. A sentence of several words is easy to remember and safe.
password-submit = Change password
password-changed = The password was changed. All other sessions were ended.
password-initial = Your password was set by the administration. Please choose your own now.
nav-security = Account & security
sessions-title = My sessions
sessions-hint = Here you see where your account is signed in: browsers and API tokens. End what you do not recognise, then change your password.
sessions-kind = Kind
sessions-kind-web = Browser
sessions-kind-api = API token
sessions-started = Signed in
sessions-last-seen = Last active
sessions-address = Network address
sessions-end = End
sessions-this = this one
sessions-end-others = End all others
sessions-ended = Ended.
sessions-end-all = End all sessions
sessions-end-all-hint = A lost phone, an account in the wrong hands: here every session and API token of this account ends.
two-factor-title = Second factor
two-factor-required = Your centre requires a second factor for your role. Please set it up now.
two-factor-intro = With a second factor, signing in needs a code from an authenticator app on your phone besides the password (FreeOTP, Aegis, Google or Microsoft Authenticator, for example).
two-factor-start = Set up
two-factor-step-app = Open your authenticator app.
two-factor-step-scan = Scan this code:
two-factor-qr-alt = QR code to set up the authenticator app
two-factor-secret = Without a camera: type this key:
two-factor-step-code = Enter the code the app shows now.
two-factor-confirm = Confirm
two-factor-codes = Your recovery codes
two-factor-codes-hint = Each code works once when your phone is missing. Print or write them down now: they are shown only this once.
two-factor-done = Done
two-factor-on = The second factor is set up. Unused recovery codes: { $left }.
two-factor-remove = Remove the second factor
home-second-factor-warning = Security: a second factor is not yet required for administration and coordination. Please switch it on in the settings.
passkey-title = Passkeys
passkey-intro = A passkey is a second factor on your phone, computer or security key: after the password you confirm with fingerprint, face or PIN.
passkey-name = Name of the device (e.g. work phone)
passkey-add = Add a passkey
passkey-use = Confirm with a passkey
passkey-remove = Remove
passkey-added = added
passkey-last-used = last used
passkey-failed = That did not work. Please try again or enter the code.
passkey-done = Passkey added.
passkey-unsupported = This browser cannot use passkeys.
passkey-unavailable = Passkeys need an address with a name (MITTLER_PUBLIC_URL), not an IP address.
error-passkeys-unavailable = Passkeys are not set up on this installation.

search-label = Search
search-submit = Search
search-include-inactive = Include deactivated
list-empty = Nothing found.
list-count = { $count ->
    [one] One entry
   *[other] { $count } entries
}
status = Status
status-active = active
status-inactive = deactivated
yes = yes
no = no

form-save = Save
form-saved = Saved.
form-choose = Please choose
form-has-errors = Please check the marked fields.
form-deactivate = Deactivate
form-activate = Activate again

institutions-title = Institutions
institution-new = New institution
institution-new-title = New institution
institution-edit-title = Institution
institution-name = Name
institution-contact = Contact person
institution-contact-hint = Whom mediators and clients call, e.g. “Ms Example, room 12” or “Reception”.
institution-phone = Phone
form-optional = optional
form-add-row = Add a row
form-required-hint = Fields marked * are required.
slip-title = Your appointment
slip-when = When
slip-where = Where
slip-by-phone = By phone: you will be called.
slip-by-video = By video: you will get a link.
slip-map = Map
slip-mediator = Your language mediator (first name)
slip-bring = Please bring
slip-cancel = If you cannot come, please call
slip-page-title = Appointment slip for the client
slip-page-hint = For the person who needs the mediator: in their language, to print or as a PDF. What you enter under “Please bring” is not stored.
slip-language = Language of the slip
slip-show = Show the slip
slip-print = Print
slip-pdf = As PDF
slip-open = Appointment slip for the client
slip-reminder-subject = Reminder: { $title } tomorrow
slip-reminder-intro = Hello, this is a reminder of your appointment tomorrow. A language mediator will be there.
slip-remind-title = Reminder the day before
slip-remind-hint = If the person agrees, they get an e-mail in their language the day before the appointment. The address is deleted when it is sent, at the latest at the appointment.
slip-remind-contact = The person's e-mail address
slip-remind-contact-sms = The person's e-mail address or mobile number
error-no-sms = Text messages are not set up. Please give an e-mail address.
slip-remind-consent = The person agrees to be reminded.
slip-remind-save = Set up the reminder
slip-remind-active = A reminder to { $contact } is set up.
slip-remind-delete = Delete the reminder
flash-reminder-saved = The reminder is set up.
flash-reminder-deleted = The reminder and the address are deleted.
error-not-confirmed = The appointment slip is there once a mediator is confirmed.
error-invalid-phone = Please give a phone number with digits, spaces and + - / ( ) only.
institution-category = Kind of institution
institution-details = Details
institution-places = Places
institution-places-hint = Empty rows are ignored. Emptying a row removes the place.
place-geocoded-hint = Latitude and longitude may stay empty: Mittler finds them from the address.
place-name = Name
place-address = Address
place-lat = Latitude
place-lon = Longitude

category-authority = Authority
category-health = Health care
category-school = School
category-social = Social services and counselling
category-court = Court
category-other = Other

mediators-title = Mediators
mediator-new = New mediator
mediator-new-title = New mediator
mediator-edit-title = Mediator
mediator-search-label = Search by name, e-mail, language or sector
mediator-person = Person
mediator-name = Name
mediator-email = E-mail
mediator-phone = Phone
mediator-home-place = Home area (postcode or district, for the coordinates)
mediator-gender = Gender
mediator-languages = Languages
mediator-languages-hint = Type a language or its ISO 639-3 code, e.g. "Tigrinya" or "tir".
mediator-language = Language
mediator-level = Level
mediator-sectors = Sectors
mediator-work = Work
mediator-home-hint = Home location only roughly (rounded to about a kilometre), for travel times.
mediator-home-lat = Home: latitude
mediator-home-lon = Home: longitude
mediator-speed = Travel speed (km/h)
mediator-max-work = At most minutes of work per day
mediator-remote = Phone/video
mediator-remote-long = Also takes assignments by phone or video
mediator-availability = Weekly availability
mediator-availability-hint = Times when assignments are possible. Empty rows are ignored.
mediator-absences = Absences
mediator-absences-hint = Holidays, illness or other times without assignments (inclusive).
mediator-records = Qualification and confidentiality
mediator-qualified-on = Qualification completed on
mediator-pledge-on = Confidentiality pledge signed on

gender-f = female
gender-m = male
gender-d = diverse
mediator-level-required = Please choose how well the language is spoken.
level-choose = – choose a level –
level-native = native
level-fluent = fluent
level-working = working knowledge
sector-authority = Authorities
sector-medical = Medical
sector-psychotherapy = Psychotherapy
sector-school = School
sector-social = Social services
sector-court = Court

weekday = Weekday
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
time-from = from
time-to = to
date-from = from
date-to = to (inclusive)

schedule-title = My availability

users-title = User accounts
user-new = New account
user-new-title = New user account
user-edit-title = User account
user-name = Name
user-role = Role
user-lang = Interface language
user-institution = Institution (for the institution role)
user-mediator = Mediator (for the mediator role)

audit-title = Audit log
audit-at = When
audit-actor = Who
audit-action = Action
audit-object = Object
audit-detail = Details
audit-address = Address
audit-pages = Pages of the audit log
audit-sign-in = Sign-in
audit-sign-in-failed = Failed sign-in
audit-sign-out = Sign-out
audit-password-changed = Password changed
audit-create = Created
audit-update = Changed
audit-deactivate = Deactivated
audit-session-ended = Session ended
audit-second-factor-added = Second factor added
audit-second-factor-removed = Second factor removed
audit-view-denied = View refused
audit-export = Data exported (Art. 15)
audit-erase = Erased (Art. 17)
audit-expire = Expired and removed
audit-object-id = Object id
audit-who-saw = Every entry about this object: who saw or changed it
error-invalid-id = That is not a valid id (36 characters such as 3f2a…-…).
object-request = Request
object-request-list = List of requests
object-mediator-list = List of mediators
object-user-list = List of accounts
object-outbox = Outbox
object-audit-log = Audit log
object-client = Client reference
object-email = E-mail address
object-retention = Retention periods
object-export = Data protection export
object-user = User account
object-institution = Institution
object-mediator = Mediator
object-billing-run = Month's close
object-billing-settings = Billing settings
object-credit-note = Credit note
object-offer = Offer
object-offer-lottery = Lottery
object-offer-registrations = Registrations
object-offer-retention = Retention of registrations
object-provider = Provider
object-request-fund = Funding of a request
object-settings = Settings
audit-view = Viewed
audit-filter = Filter
audit-any = all
audit-from = From (day)
audit-to = To (day)
audit-page-of = Page { $page } of { $pages }
date-hint = A date like 24.12.2026 or 24.12.26
audit-field-absences = Absences
audit-field-active = active
audit-field-allowances = Allowances
audit-field-availability = Availability
audit-field-budget_cents = Budget (cents)
audit-field-category = Kind
audit-field-count = Count
audit-field-days = Days
audit-field-discarded = discarded
audit-field-email = E-mail
audit-field-fund = Fund
audit-field-invoice = Invoice
audit-field-invoices = Invoices
audit-field-issued = issued
audit-field-month = Month
audit-field-name = Name
audit-field-offer_id = Offer
audit-field-places = Places
audit-field-provider_id = Provider
audit-field-reason = Reason
audit-field-role = Role
audit-field-seed = Draw number
audit-field-seller = Seller
audit-field-statements = Statements
audit-field-status = Status
audit-field-vat = VAT
audit-field-was = before
audit-field-without_tariff = without tariff
audit-field-via = via
pager-newer = Newer
pager-older = Older

error-title = Error
error-invalid-date = Please enter a date like 24.12.2026.
error-invalid-datetime = Please give a date and time, e.g. 01.12.2026 09:00.
error-forbidden = Your role may not do this.
error-not-found = This page or entry does not exist.
error-conflict = This conflicts with the current state. Please reload the page.
error-too-many = Too many attempts. Please wait a moment.
error-internal = An internal error occurred. Please give support this id
error-csrf = The form has expired. Please reload the page and send it again.
error-bad-form = The form arrived incomplete. Please reload the page and send it again.
error-bad-link = This link is incomplete or faulty. Please go back and try again.
error-control-characters = This field contains invisible control characters. Please type the text again.
error-invalid = This value is invalid.
error-required = This field is required.
error-too-long = The text is too long.
error-too-short = Too short: at least 12 characters.
error-common-password = This password is on a list of commonly used passwords. Please choose another.
error-weak-password = This password is too easy to guess. Tip: several unusual words in a row.
error-invalid-email = Please enter a valid e-mail address.
error-out-of-range = The value is out of the allowed range.
error-invalid-number = Please enter a number.
error-invalid-time = Please enter a time like 08:30.
error-not-after-start = The end must be after the start.
error-before-start = The end must not be before the start.
error-overlaps = Overlaps another period on the same day.
error-unknown-language = Unknown language. Please use a name or an ISO 639-3 code.
error-duplicate = This language is already listed.
error-taken = This e-mail address is already in use.
error-mismatch = The two entries do not match.
error-wrong-password = The current password is wrong.
error-name-link = Please give just the name on one line, without links or addresses.
error-same-password = The new password must differ from the current one.
error-wrong-code = This code is not right. Please enter the current code from the app.
error-no-enrolment = Please start the set-up again.
error-second-factor-required = Your centre requires a second factor for your role.
error-unknown = This entry does not exist.
error-unknown-id = A place does not belong to this institution.
error-not-allowed = Not meant for this role.
error-not-allowed-self = You cannot lock yourself out or remove your own administration role.
error-wrong-type = Wrong type of value.
error-cross-site = Requests from other websites are refused.
error-internal-id = Internal error (id { $id }).
error-too-many-items = Too many entries.

## Language mediation: requests, invitations, assignments

nav-requests = Requests
nav-requests-hint = Inbox by day and status, candidates, invitations
nav-book = Request a mediator
nav-book-hint = Book an appointment with language mediation
nav-invitations = Invitations
nav-invitations-hint = Accept or decline open requests
nav-assignments = My assignments
nav-assignments-hint = Appointments and time sheets
requests-title = Requests
request-new = New request
request-new-title = Request a mediator
request-title = Request
filter-from = From
filter-to = To
filter-any = any
filter-submit = Filter
request-language = Language
request-sector = Sector
request-institution = Institution
request-institution-from-place = from the place
request-start = Start
request-mediator = Mediator
request-urgent = urgent
request-where = Where
mode-onsite = on site
mode-phone = phone
mode-video = video
request-place = Place
request-what = What and when
request-duration = Duration (minutes)
request-wishes = Wishes
request-gender = Gender of the mediator
request-gender-none = no preference
request-gender-wish-label = wish
request-gender-must-label = required
request-gender-wish = wish: { $gender }
request-gender-must = required: { $gender }
priority-1 = normal
priority-2 = high
priority-3 = urgent
request-priority = Priority
request-client-ref = Client reference
request-client-ref-hint = A pseudonym such as K-2026-0042, never a name. Leave it empty and Mittler makes one.
request-notes = Notes
request-notes-warning = Please enter no health details, diagnoses or names. Only what planning needs.
request-submit = Send request
request-cancel-reason = Cancelled
request-billable = billable
timesheet-title = Time sheet
timesheet-none = none
timesheet-submitted = sent, waiting for confirmation
timesheet-confirmed = confirmed
timesheet-disputed = disputed
timesheet-confirm = Confirm time sheet
timesheet-dispute-reason = Reason for the dispute
timesheet-dispute = Dispute
timesheet-summary = { $start } to { $end }, waiting { $waiting } min, travel { $travel } min, distance { $km } km
candidates-title = Candidates
candidates-none = Nobody can serve this request. The reasons are below.
candidates-pick = Pick
candidates-score = Score
candidates-travel = Travel
candidates-week = This week
candidates-continuity = known
candidates-why = Why
candidates-why-known = knows the client already
candidates-why-travel = { $min } min to get there
candidates-why-week = { $hours } h booked this week
candidates-past-open = already invited, no answer yet
candidates-past-accepted = accepted
candidates-past-declined = declined
candidates-past-expired = did not answer in time
candidates-past-withdrawn = invitation withdrawn
candidates-past-dropped = dropped out
candidates-invite-anyway = invite anyway
hours = { $n ->
    [one] 1 hour
   *[other] { $n } hours
}
candidates-excluded = { $count ->
    [one] One person excluded
   *[other] { $count } people excluded
}
invite-expires = Invitation valid for
invite-submit = Invite the selected
assign-label = Assign directly (after a phone call)
assign-submit = Assign
invitations-sent = Invitations
invitation-until = until
invitation-open = open
invitation-accepted = accepted
invitation-declined = declined
invitation-expired = expired
invitation-withdrawn = withdrawn
cancel-title = Cancel
cancel-reason = Reason
cancel-hint = A cancellation by the institution shortly before the appointment may be billed.
cancel-submit = Cancel the request
history-title = History
history-invited = { $count ->
    [one] one person invited
   *[other] { $count } people invited
}
history-declined = declined
history-expired = time to answer ran out
history-start-passed = start passed, nobody accepted
history-moved = now: { $when }, { $minutes } minutes
event-create = created
event-invite = invited
event-invitations_closed = invitations ended
event-accept = accepted
event-assign = assigned
event-drop_out = dropped out
event-cancel = cancelled
event-complete = completed
event-start_passed = passed without a mediator
event-timesheet = time sheet sent
event-timesheet_disputed = time sheet disputed
status-open = open
status-invited = invited
status-confirmed = confirmed
status-completed = completed
status-cancelled = cancelled
status-unfilled = unfilled
reason-language = language
reason-sector = sector
reason-gender = gender
reason-remote = no phone/video
reason-availability = not available
reason-absence = absent
reason-excluded = excluded
reason-overlap = already booked
reason-travel = not enough travel time
reason-workload = daily limit
dispatch-unavailable = This person cannot serve the request: { $reasons }.
flash-invited = The invitations are sent.
flash-choose-mediator = Please pick at least one person.
flash-assigned = Assigned and confirmed.
flash-cancelled = The request is cancelled.
flash-reason-required = Please give a reason.
flash-timesheet-confirmed = Time sheet confirmed. The assignment is completed.
flash-timesheet-disputed = Time sheet disputed.
flash-accepted = Accepted. The assignment is in your calendar.
flash-accepted-listed = Accepted. The assignment is listed below under your next assignments. To see it in your own calendar, subscribe to the calendar.
flash-confirm-no-conflict = Please confirm that there is no conflict of interest.
flash-too-late = This request was taken by someone else or has changed.
flash-declined = Declined.
flash-timesheet-sent = Time sheet sent.
flash-timesheet-invalid = Please check start, end and minutes.
flash-dropped-out = You dropped out. The coordination looks for a replacement.
invitations-title = Invitations
invitations-none = No open invitations right now.
invitation-known-client = You have accompanied this person before.
invitation-no-conflict = I do not know the person privately; there is no conflict of interest.
invitation-accept = Accept
invitation-decline = Decline
invitation-answer-by = Answer by
minutes = { $n } min
map-link = Map
decline-why = Why do you decline?
decline-note = Note for the coordination (optional)
decline-confirm = Decline the invitation
decline-reason-no-time = I am not free at that time
decline-reason-too-far = It is too far to travel
decline-reason-conflict = I know the person or am not impartial
decline-reason-other = Another reason
flash-decline-reason = Please choose a reason before you decline.
assignments-title = My assignments
assignments-report = Time sheet due
assignments-upcoming = Upcoming assignments
timesheet-start = Actual start
timesheet-end = Actual end
timesheet-waiting = Waiting time (minutes)
timesheet-travel = Travel time (minutes)
timesheet-km = Kilometres driven (there and back)
timesheet-km-flagged = The distance is far above the estimated journey: please check.
timesheet-send = Send time sheet
dropout-title = I cannot make it
dropout-reason = Reason
dropout-submit = Drop out of the assignment
error-not-in-future = The start must lie in the future.
error-duration-range = The duration must be between 15 and 480 minutes.
error-in-future = That lies in the future.

## E-mails

mail-remote = by phone or video
mail-ics-summary = Language mediation { $language }
mail-password-changed-subject = Your password was changed
mail-password-changed-body =
    Hello,

    the password of your Mittler account was changed on { $when }. All other sessions were ended.

    If this was not you, please tell your centre's administration at once.
    Your sessions: { $link }
mail-request-received-subject = Request received: { $language }, { $when }
mail-request-received-body =
    Hello,

    your request for language mediation has arrived.

    Language: { $language }
    Appointment: { $when } ({ $duration } minutes)
    Place: { $place }
    Reference: { $client }

    You will get a confirmation as soon as a mediator has accepted.
    See the request: { $link }
mail-invitation-subject = Invitation: { $language }, { $when }
mail-invitation-body =
    Hello,

    you are invited to an assignment.

    Language: { $language }
    Appointment: { $when } ({ $duration } minutes)
    Place: { $place }
    Institution: { $institution }

    The invitation is valid until { $expires }. Accept or decline: { $invitations }
mail-confirmed-subject = Confirmed: { $language }, { $when }
mail-confirmed-body =
    Hello,

    the assignment is confirmed.

    Language: { $language }
    Appointment: { $when } ({ $duration } minutes)
    Place: { $place }
    Institution: { $institution }
    Reference: { $client }

    The appointment is attached for your calendar.
mail-cancelled-subject = Cancelled: { $language }, { $when }
mail-cancelled-body =
    Hello,

    the appointment on { $when } ({ $language }, { $place }) is cancelled.
    Reason: { $reason }
mail-declined-subject = Declined: { $language }, { $when }
mail-declined-body =
    { $mediator } declined the invitation for { $language } on { $when } ({ $institution }).
    Request: { $link }
mail-expired-subject = Invitation expired: { $language }, { $when }
mail-expired-body =
    Nobody accepted the invitation for { $language } on { $when } ({ $institution }) in time. The request is open again.
    Request: { $link }
mail-dropped-out-subject = Drop-out: { $language }, { $when }
mail-dropped-out-body =
    { $mediator } cannot serve { $language } on { $when } ({ $institution }). The request is open again; candidates are ready.
    Request: { $link }
mail-timesheet-subject = Please confirm the time sheet: { $when }
mail-timesheet-body =
    Hello,

    there is a time sheet for { $language } on { $when }. Please confirm or dispute it:
    { $link }
mail-reminder-subject = Reminder: tomorrow { $language }, { $when }
mail-reminder-body =
    Hello,

    a reminder: { $when } ({ $duration } minutes), { $language }, { $place }.
mail-unfilled-subject = Not filled: { $when }
mail-unfilled-body = Nobody could be found for { $when } ({ $language }).

nav-outbox = Outbox
outbox-title = Outbox
outbox-hint = E-mails not sent yet or failed for good. Failed attempts are retried at growing intervals.
outbox-empty = Every e-mail is sent.
outbox-to = To
outbox-subject = Subject
outbox-attempts = Attempts
outbox-next = Next attempt
outbox-error = Last error
outbox-pending = waiting
outbox-sending = sending
outbox-sent = sent
outbox-failed = failed

nav-calendar = Calendar
nav-calendar-hint = Assignments in your own calendar
calendar-title = Subscribe to your calendar
calendar-hint = With this secret address Outlook, Google Calendar or your phone show your confirmed assignments. Do not share it.
calendar-new = Your new address. It is shown only now; the old one no longer works.
calendar-url = Calendar address
calendar-active = A calendar subscription is set up.
calendar-create = Create the address
calendar-renew = Create a new address (the old one stops working)
calendar-revoke = End the subscription

series-title = Repeat
series-hint = For example a language companion at school: every week at the same time, also across the change to summer time.
series-none = once
series-weekly = weekly
series-fortnightly = every two weeks
series-count = Number of appointments
series-until = or until (inclusive)
series-scope = Which appointments of the series?
series-scope-one = only this one
series-scope-following = this and all following
series-scope-all = all

requests-live = The list updates itself when requests arrive or invitations are answered.

nav-settings = Settings
settings-title = Settings of the centre
settings-notice = Free cancellation until (hours before the appointment)
settings-fee-hour = Allowance per hour (€)
settings-fee-minimum = Minutes paid at least
settings-fee-increment = Then per started minutes
settings-fee-travel = Travel flat rate on site (€)
settings-retention = Days after an offer ends until its registrations are anonymised
settings-keep = Retention periods (days)
settings-keep-hint = Mittler removes what is older by itself. Invoices and statements stay 10 years (§ 147 AO).
settings-keep-notes_days = Request notes, after the appointment
settings-keep-unserved_days = Requests nobody served (cancelled, unfilled)
settings-keep-client_refs_days = Client references of completed requests
settings-keep-failed_mail_days = Mails that could not be sent
settings-keep-audit_days = Audit log entries
settings-keep-inactive_accounts_days = Deactivated accounts
settings-idle-timeout = Minutes without activity until a browser session ends
settings-second-factor = Second factor required for
settings-second-factor-hint = Whoever has one of these roles sets up an authenticator app at the next sign-in and needs its code from then on. Recommended for administration and coordination.
settings-sso = Sign-in with the city's account (single sign-on, OpenID Connect)
settings-sso-hint = The city's IT registers Mittler in its identity service (Keycloak, ADFS, Entra ID) as a client with this return address:
settings-sso-issuer = Issuer URL
settings-sso-client = Client ID
settings-sso-secret = Client secret
settings-sso-secret-set = A secret is stored; leave empty to keep it.
settings-sso-secret-none = No secret stored yet.
error-invalid-issuer = Please give an https address without a slash at the end.
settings-hint = Mediators see the expected allowance in the invitation already.
invitation-fee = Expected allowance

reschedule-title = Change time or duration
reschedule-time = New time
reschedule-hint = Open invitations are withdrawn; the request is open again. Confirmed appointments stay as they are.
reschedule-submit = Change
flash-rescheduled = Changed. Please invite again.
flash-reschedule-invalid = Please check time and duration (15 to 480 minutes).
event-reschedule = moved
event-decline = invitation declined

nav-plans = Plan the day
plan-title = Plan the day
plan-hint = Mittler proposes a mediator for every open request of the day. Confirmed appointments stay as they are.
plan-date = Day
plan-submit = Compute a proposal
plan-cost = Cost (as in plan-format.md)
plan-cost-unserved = Unserved (weight)
plan-cost-travel = Travel
plan-cost-continuity = Changes despite a known person
plan-applied = This proposal is applied; the invitations are sent.
plan-open-request = Request
plan-apply = Invite the selected
plan-unserved = Without a proposal
plan-why-language = Nobody in the pool speaks this language.
plan-why-qualified = Nobody with this language has what is needed (sector, gender, phone/video).
plan-why-unavailable = Everyone who could serve it is unavailable, absent or booked at that time.
plan-why-busy = Everyone who could serve it is needed for other requests of the same day.
plan-why-nobody = Nobody in the pool is active.
plan-changed = Requests changed since the proposal. Please compute a new one.

plan-pick = Mediator for this request
plan-skip = do not invite
plan-days-open = Days with open requests
plan-days-none = There are no open requests in the next two weeks.
plan-open-count = { $count ->
    [one] one open request
   *[other] { $count } open requests
}
plan-other-days = Plan other days
plan-summary-staffed = { $staffed } of { $all } requests get a proposal.
plan-summary-travel = Travel of all proposals together: { $min } minutes.
plan-summary-continuity-kept = Where someone already knows the client, that person is proposed.
plan-summary-continuity = { $n } times the person who already knows the client is not proposed.
nav-privacy = Data protection
privacy-title = Data protection: access and erasure
privacy-intro = What Mittler holds about a person and who read it (GDPR Art. 15), and its erasure (Art. 17).
privacy-find = Find
privacy-kind = Person
privacy-kind-mediator = Mediator (id)
privacy-kind-user = Account (id)
privacy-kind-client = Client (reference)
privacy-kind-email = E-mail address (e.g. a registrant)
privacy-value = Id, reference or address
privacy-value-hint = The id is in the address of the person's page, e.g. /mediators/…
privacy-held = Data held
privacy-json = Download as JSON (for the person)
privacy-erase = Erase (Art. 17)
privacy-erase-hint = Name, contact data, notes, registrations, mails and audit details are erased everywhere. Issued invoices and statements stay 10 years (§ 147 AO) and are then restricted.
privacy-reason = Reason (e.g. the person's request of …)
privacy-confirm = I have checked that this person is to be erased. This cannot be undone.
privacy-erase-button = Erase for good
flash-erased = Erased. The audit log records the erasure, not the erased data.
error-nothing-held = Nothing is held about this person.
error-invalid-subject = Choose the kind and enter a valid id, reference or e-mail address.
error-confirm-erase = Please confirm the erasure.
records-title = Records of processing (Art. 30)
records-intro = Generated from this centre's settings; it changes with them.
records-controller = Controller
records-data = Data categories
records-purpose = Purpose
records-basis = Legal basis
records-recipients = Recipients
records-retention = Retention
records-measures = Technical and organisational measures
records-days = { $days } days
records-mediation = Language mediation
records-mediation-data = Pseudonymous client reference, language, appointment, place, notes (may concern health or residence, Art. 9)
records-mediation-purpose = Arranging mediators for institutions
records-mediation-basis = GDPR Art. 6(1)(e), Art. 9(2)(g) with the NRW participation and integration act
records-to-institutions = the requesting institution
records-to-mediators = invited and assigned mediators (notes only once assigned)
records-to-sms = the city's text message service (clients' reminders)
records-pool = The mediators' pool
records-pool-data = Name, e-mail, phone, languages, home (coordinates), availability, qualification
records-pool-purpose = Planning, contact, paying allowances
records-pool-basis = GDPR Art. 6(1)(b) (the agreement to serve)
records-pool-retention = until erased on request; statements 10 years
records-to-institutions-assigned = the institution of an assigned appointment (name)
records-catalogue = The offers catalogue and registrations
records-catalogue-data = Name, e-mail, number and ages of children, consents
records-catalogue-purpose = Taking part in offers, messages about the offer
records-catalogue-basis = GDPR Art. 6(1)(a) (consent)
records-to-providers = the offer's provider
records-billing = Billing
records-billing-data = Institution's billing address, appointments, hours, travel; mediators' statements
records-billing-purpose = Invoices to institutions, allowances
records-billing-basis = GDPR Art. 6(1)(c) with § 147 AO
records-billing-retention = 10 years, then restricted
records-accounts = Accounts and audit log
records-accounts-data = Name, e-mail, role, sign-ins, network address, who read or changed which data when
records-accounts-purpose = Access, accountability, security
records-accounts-basis = GDPR Art. 6(1)(c) and (e), Art. 32
records-to-nobody = nobody outside the centre
records-to-sso = sign-in service { $issuer }
records-measure-1 = Notes, client references, phone numbers, reminder contacts and mail texts encrypted (AES-256-GCM); the key lies outside the database
records-measure-2 = Every read of personal data logged; the log is a hash chain (tampering is detectable)
records-measure-3 = Least-privilege roles; mediators see notes only once assigned
records-measure-4 = Sign-in with password rules, a second factor or passkeys; sessions expire
records-measure-5 = Database and key files readable by the service only; backups with a checksum, optionally encrypted (age)
records-measure-6 = Access and erasure per person on this page; Mittler applies the retention periods itself
records-measure-mail = Undeliverable mails removed after { $days } days
privacy-section-mediator = Profile
privacy-section-assignments = Assignments
privacy-section-invitations = Invitations
privacy-section-statements_kept_by_law = Statements (kept by law)
privacy-section-requests = Requests
privacy-section-registrations = Registrations
privacy-section-accounts = Accounts
privacy-section-activity = Activity in the system
privacy-section-mails = Mails
privacy-section-read_by = Who read the data
privacy-field-id = Id
privacy-field-name = Name
privacy-field-email = E-mail
privacy-field-phone = Phone
privacy-field-gender = Gender
privacy-field-languages = Languages
privacy-field-sectors = Sectors
privacy-field-home = Home
privacy-field-remote = Also by phone/video
privacy-field-availability = Availability
privacy-field-absences = Absences
privacy-field-qualified_on = Qualified on
privacy-field-pledge_signed_on = Pledge signed on
privacy-field-active = Active
privacy-field-request = Request
privacy-field-start = Start
privacy-field-language = Language
privacy-field-status = Status
privacy-field-sent_at = Sent
privacy-field-duration_min = Duration (min)
privacy-field-sector = Sector
privacy-field-mode = Mode
privacy-field-client_ref = Client reference
privacy-field-notes = Notes
privacy-field-institution_id = Institution
privacy-field-mediator_id = Mediator
privacy-field-history = History
privacy-field-reminder = Reminder
privacy-field-offer = Offer
privacy-field-persons = Persons
privacy-field-children = Children
privacy-field-lang = Interface language
privacy-field-registered_at = Registered on
privacy-field-role = Role
privacy-field-at = When
privacy-field-action = Action
privacy-field-object = Object
privacy-field-object_id = Object id
privacy-field-subject = Subject
privacy-field-queued_at = Queued
privacy-field-who = Who
requests-more = More requests
requests-first-shown = The first { $count } requests from here; narrow them with the filters or go on.
