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

password-title = Change password
password-old = Current password
password-new = New password
password-confirm = Repeat the new password
password-rules = At least 12 characters. A sentence of several words is easy to remember and safe.
password-submit = Change password
password-changed = The password was changed. All other sessions were ended.

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
institution-category = Kind of institution
institution-details = Details
institution-places = Places
institution-places-hint = Empty rows are ignored. Emptying a row removes the place.
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
object-user = User account
object-institution = Institution
object-mediator = Mediator
pager-newer = Newer
pager-older = Older

error-title = Error
error-forbidden = Your role may not do this.
error-not-found = This page or entry does not exist.
error-conflict = This conflicts with the current state. Please reload the page.
error-too-many = Too many attempts. Please wait a moment.
error-internal = An internal error occurred. Please give support this id
error-csrf = The form has expired. Please reload the page and send it again.
error-invalid = This value is invalid.
error-required = This field is required.
error-too-long = The text is too long.
error-too-short = Too short: at least 12 characters.
error-invalid-email = Please enter a valid e-mail address.
error-out-of-range = The value is out of the allowed range.
error-invalid-number = Please enter a number.
error-invalid-time = Please enter a time like 08:30.
error-invalid-date = Please enter a date like 2026-12-24.
error-not-after-start = The end must be after the start.
error-before-start = The end must not be before the start.
error-overlaps = Overlaps another period on the same day.
error-unknown-language = Unknown language. Please use a name or an ISO 639-3 code.
error-duplicate = This language is already listed.
error-taken = This e-mail address is already in use.
error-mismatch = The two entries do not match.
error-wrong-password = The current password is wrong.
error-unknown = This entry does not exist.
error-unknown-id = A place does not belong to this institution.
error-not-allowed = Not meant for this role.
error-not-allowed-self = You cannot lock yourself out or remove your own administration role.
error-wrong-type = Wrong type of value.
error-cross-site = Requests from other websites are refused.
error-internal-id = Internal error (id { $id }).
error-too-many-items = Too many entries.
