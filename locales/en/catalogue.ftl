# The public offers catalogue, registrations and the providers' tools.

cat-title = Offers
cat-count = { $count ->
    [0] No offer found
    [one] One offer
   *[other] { $count } offers
}
cat-search = Search
cat-search-placeholder = e.g. swimming course, football, language café
cat-filter = Show
cat-more-filters = More filters
cat-category = Kind
cat-any = all
cat-target = For whom
cat-age = Age
cat-spoken = Languages spoken
cat-district = District
cat-from = From date
cat-to = To date
cat-only-free = Free of charge only
cat-in-german = Not translated yet: text in German
cat-outdated = This translation may be out of date; the German text applies.
cat-when = When
cat-where = Where
cat-for = For
cat-cost = Cost
cat-seats = Places
cat-pages = Pages
cat-prev = Previous page
cat-next = Next page
cat-open-data = All offers as open data (JSON)
cat-back = Back to all offers
cat-accessibility = Accessibility
cat-provider = Provider
cat-sessions = Dates
cat-calendar = Add the dates to your calendar (iCalendar)
cat-register = Register
reg-check-fields = The registration has not been sent yet. Please check:
cat-register-waitlist = All places are taken. If you register, you go on the waiting list and move up as soon as a place is free.
cat-ages-range = { $min } to { $max } years
cat-ages-from = from { $min } years
cat-ages-to = up to { $max } years
cat-ages-all = any age
cat-when-series = from { $first }, { $count } dates
cat-no-registration = no registration, just come
cat-full = fully booked – waiting list
cat-lottery = { $seats } places, drawn by lot on { $at }
cat-seats-left = { $seats ->
    [one] one place left
   *[other] { $seats } places left
}
cat-free = free of charge
cat-check-mail = Please confirm your registration
cat-check-mail-text = We have sent an e-mail to { $email }. Your registration for “{ $title }” counts once you open the link in it and confirm.

offer-cat-sport = Sport
offer-cat-swimming = Swimming
offer-cat-play = Play and movement
offer-cat-language = Language
offer-cat-counselling = Counselling
offer-cat-school = School
offer-cat-culture = Culture
offer-cat-professionals = Training for professionals
offer-cat-meeting = Meeting people
target-children = Children
target-youth = Young people
target-adults = Adults
target-families = Families
target-women = Women
target-seniors = Older people
target-professionals = Professionals
target-newly_arrived = Newly arrived children and families

reg-name = Name
reg-name-hint = Your first name is enough.
reg-email = E-mail address
reg-children = Children you register
reg-children-hint = Give each child's age. Siblings get a place together or go on the waiting list together.
reg-child-age = Age of child { $n }
reg-persons = Number of persons
reg-group = Does your family belong to this group?
reg-group-none = no / not stated
reg-group-hint = Places are kept for this group in the draw.
reg-consents = Consents
consent-participation = I want to take part. My details may be used for this (required).
consent-photos = Photos showing us may be used for public relations (optional).
consent-share_contact = My contact details may be passed to the provider so they can reach me directly (optional).
reg-consents-hint = You can withdraw each consent at any time with the link in the e-mail. Your details are deleted after the offer has ended.
reg-submit = Send registration
reg-status-pending = not confirmed yet
reg-status-confirmed = you have a place
reg-status-waitlisted = on the waiting list
reg-status-entered = taking part in the draw
reg-status-cancelled = cancelled
reg-waitlisted-at = on the waiting list, position { $position }
reg-confirm-title = Confirm your registration
reg-manage-title = Your registration
reg-child = Child { $n } ({ $age } years)
reg-now-confirmed = Thank you! Your registration is confirmed; you have a place.
reg-now-waitlisted = Thank you! All places are taken; you are number { $position } on the waiting list. We will write as soon as you move up.
reg-now-entered = Thank you! You are taking part in the draw. We will write to you with the result.
reg-now-cancelled = Your registration is cancelled.
reg-child-cancelled = The child is deregistered; the others keep their places.
reg-consent-revoked = The consent is withdrawn.
reg-offer = Offer
reg-status = Status
reg-confirm-button = Yes, confirm my registration
reg-cancel-child = Deregister one child
reg-cancel-this-child = Deregister this child
reg-cancel-all = Cancel the whole registration
reg-revoke = withdraw
reg-not-given = not given

mail-reg-confirm-subject = Please confirm: { $title }
mail-reg-confirm-body = Hello { $name },

    you registered for “{ $title }” ({ $persons } persons), starting { $when }, { $place }.
    Please confirm your registration with this link:
    { $confirm }

    To cancel or withdraw consents:
    { $cancel }

    If you did not register, you need not do anything.
mail-reg-confirmed-subject = Your place: { $title }
mail-reg-confirmed-body = Your registration for “{ $title }” is confirmed. Starting { $when }, { $place }.

    If you cannot come, please cancel so that someone from the waiting list can move up:
    { $cancel }
mail-reg-waitlisted-subject = Waiting list: { $title }
mail-reg-waitlisted-body = All places for “{ $title }” are taken. You are number { $position } on the waiting list. We will write as soon as a place is free.

    Cancel: { $cancel }
mail-reg-entered-subject = Draw: { $title }
mail-reg-entered-body = Your registration for “{ $title }” is confirmed. The places are drawn by lot on { $lottery }; we will write to you with the result.

    Cancel: { $cancel }
mail-reg-cancelled-subject = Cancelled: { $title }
mail-reg-cancelled-body = Your registration for “{ $title }” is cancelled.
mail-reg-promoted-subject = A place is free: { $title }
mail-reg-promoted-body = Good news: a place in “{ $title }” became free and you have moved up. Starting { $when }, { $place }.

    If you can no longer come, please cancel with the link from your first e-mail.
mail-reg-won-subject = You have a place: { $title }
mail-reg-won-body = The draw for “{ $title }” is done: you have a place. Starting { $when }, { $place }.
mail-reg-lost-subject = Waiting list: { $title }
mail-reg-lost-body = The draw for “{ $title }” is done. Unfortunately it did not work out this time; you are number { $position } on the waiting list and move up as soon as a place is free.

csv-status = Status
csv-name = Name
csv-email = E-mail
csv-persons = Persons
csv-ages = Ages of children
csv-language = Language
csv-group = Group
csv-photos = Photos allowed
csv-share-contact = Passing contact on allowed
csv-registered = Registered on
csv-yes = yes
csv-no = no
csv-present = present
csv-absent = absent

error-age-out-of-range = This age does not fit the offer.
error-children-mismatch = The number does not match the children given.
error-more-than-capacity = That is more persons than the offer has places.
error-consent-required = Registration is not possible without this consent.
error-after-start = The draw must be before the first date.
error-lottery-only = Places can only be kept for a group in a draw.
error-end-before-start = The end must be after the start.

nav-offers = Offers
nav-offers-hint = Maintain, review and publish providers' offers; registrations and attendance
nav-providers = Providers
offer-status-draft = draft
offer-status-in_review = in review
offer-status-published = published
offer-status-archived = archived
offer-new = New offer
offer-edit = Edit offer
offer-title = Title
offer-status = Status
offer-capacity = Places
offer-outdated = outdated translation
offer-actions = Actions
offer-registrations = Registrations
offer-publish = Publish
offer-submit = Submit for review
offer-return = Return to the provider
offer-archive = Archive
offer-review-note = Review note
offer-texts = Title and description
offer-texts-hint = German is required. Translations are optional; when the German text changes they are marked outdated until they are updated.
offer-description = Description
offer-what = What and for whom
offer-age-min = Age from
offer-age-max = Age to
offer-languages-hint = ISO 639-3 codes, separated by commas, e.g. deu, ara, ukr
offer-schedule-kind = Kind of dates
offer-kind-dates = single dates
offer-kind-weekly = weekly over a period
offer-kind-block = every weekday of a holiday block
offer-dates = Single dates
offer-dates-hint = One date per line: 2027-07-06 10:00-11:30
offer-weekdays = Weekdays
offer-start-time = Start
offer-end-time = End
offer-except = Exceptions (holidays): dates separated by commas
offer-cost = Cost in euros (empty = free)
offer-cost-note = Note on the cost
offer-registration = Registration
offer-reg-none = no registration
offer-reg-first-come = in the order of confirmation, then a waiting list
offer-reg-lottery = a draw at a deadline
offer-lottery-at = Draw on
offer-quota = Places kept per group in a draw
offer-weekends = Holiday block on weekends too
error-offer-changed = Someone else changed the offer meanwhile. Please reload it; what you typed is below.
error-has-attendance = Attendance is recorded for a date that would go or move; it must stay.
error-below-taken = More places are taken already; it cannot be fewer.
error-has-registrations = The kind of registration cannot change any more: there are registrations.
offer-workflow = Review and publication
offer-taken = Places taken
offer-export = Download as CSV for Excel
offer-save-attendance = Save attendance
offer-message = Message to everyone registered
offer-message-hint = Everyone gets the message in their language if you wrote it in that language, otherwise in German.
offer-subject = Subject
offer-body = Text
offer-send = Send
offer-message-sent = Message written to { $count } registrations.
user-provider = Provider (for provider accounts)
provider-name = Name of the provider
provider-add = Add provider
