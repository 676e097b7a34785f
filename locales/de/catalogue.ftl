# Der öffentliche Angebotskatalog, Anmeldungen und die Werkzeuge der Träger.

cat-title = Angebote
cat-count = { $count ->
    [0] Kein Angebot gefunden
    [one] Ein Angebot
   *[other] { $count } Angebote
}
cat-search = Suche
cat-search-placeholder = z. B. Schwimmkurs, Fußball, Sprachcafé
cat-filter = Anzeigen
cat-more-filters = Weitere Filter
cat-category = Art
cat-any = alle
cat-target = Für wen
cat-age = Alter
cat-spoken = Gesprochene Sprachen
cat-district = Stadtteil
cat-from = Ab Datum
cat-to = Bis Datum
cat-only-free = Nur kostenlose Angebote
cat-in-german = Noch nicht übersetzt: Text auf Deutsch
cat-outdated = Die Übersetzung ist vielleicht nicht mehr aktuell; maßgeblich ist der deutsche Text.
cat-when = Wann
cat-where = Wo
cat-for = Für
cat-cost = Kosten
cat-seats = Plätze
cat-pages = Seiten
cat-prev = Vorherige Seite
cat-next = Nächste Seite
cat-open-data = Alle Angebote als offene Daten (JSON)
cat-back = Zurück zu allen Angeboten
cat-accessibility = Barrierefreiheit
cat-provider = Anbieter
cat-sessions = Termine
cat-calendar = Termine in den Kalender übernehmen (iCalendar)
cat-register = Anmelden
reg-check-fields = Die Anmeldung ist noch nicht abgeschickt. Bitte prüfen Sie:
cat-register-waitlist = Alle Plätze sind vergeben. Wenn Sie sich anmelden, kommen Sie auf die Warteliste und rücken nach, sobald ein Platz frei wird.
cat-ages-range = { $min } bis { $max } Jahre
cat-ages-from = ab { $min } Jahren
cat-ages-to = bis { $max } Jahre
cat-ages-all = jedes Alter
cat-when-series = ab { $first }, { $count } Termine
cat-no-registration = ohne Anmeldung, einfach kommen
cat-full = ausgebucht – Warteliste
cat-lottery = { $seats } Plätze, Verlosung am { $at }
cat-seats-left = { $seats ->
    [one] noch ein Platz frei
   *[other] noch { $seats } Plätze frei
}
cat-free = kostenlos
cat-check-mail = Bitte bestätigen Sie Ihre Anmeldung
cat-check-mail-text = Wir haben eine E-Mail an { $email } geschickt. Erst wenn Sie den Link darin öffnen und bestätigen, gilt Ihre Anmeldung für „{ $title }“.

offer-cat-sport = Sport
offer-cat-swimming = Schwimmen
offer-cat-play = Spiel und Bewegung
offer-cat-language = Sprache
offer-cat-counselling = Beratung
offer-cat-school = Schule
offer-cat-culture = Kultur
offer-cat-professionals = Fortbildung für Fachkräfte
offer-cat-meeting = Begegnung
target-children = Kinder
target-youth = Jugendliche
target-adults = Erwachsene
target-families = Familien
target-women = Frauen
target-seniors = Ältere Menschen
target-professionals = Fachkräfte
target-newly_arrived = Neu zugewanderte Kinder und Familien

reg-name = Name
reg-name-hint = Der Vorname genügt.
reg-email = E-Mail-Adresse
reg-children = Kinder, die Sie anmelden
reg-children-hint = Geben Sie für jedes Kind das Alter an. Geschwister bekommen gemeinsam einen Platz oder kommen gemeinsam auf die Warteliste.
reg-child-age = Alter Kind { $n }
reg-persons = Anzahl Personen
reg-group = Gehört Ihre Familie zu dieser Gruppe?
reg-group-none = nein / keine Angabe
reg-group-hint = Für diese Gruppe sind bei der Verlosung Plätze reserviert.
reg-consents = Einwilligungen
consent-participation = Ich möchte teilnehmen. Meine Angaben dürfen dafür verwendet werden (erforderlich).
consent-photos = Fotos, auf denen wir zu sehen sind, dürfen für die Öffentlichkeitsarbeit verwendet werden (freiwillig).
consent-share_contact = Meine Kontaktdaten dürfen an den Anbieter weitergegeben werden, damit er mich direkt erreichen kann (freiwillig).
reg-consents-hint = Jede Einwilligung können Sie jederzeit über den Link in der E-Mail widerrufen. Nach dem Ende des Angebots werden Ihre Angaben gelöscht.
reg-submit = Anmeldung absenden
reg-status-pending = noch nicht bestätigt
reg-status-confirmed = Sie haben einen Platz
reg-status-waitlisted = auf der Warteliste
reg-status-entered = nimmt an der Verlosung teil
reg-status-cancelled = abgemeldet
reg-waitlisted-at = auf der Warteliste, Platz { $position }
reg-confirm-title = Anmeldung bestätigen
reg-manage-title = Ihre Anmeldung
reg-child = Kind { $n } ({ $age } Jahre)
reg-now-confirmed = Danke! Ihre Anmeldung ist bestätigt, Sie haben einen Platz.
reg-now-waitlisted = Danke! Alle Plätze sind vergeben; Sie stehen auf Platz { $position } der Warteliste. Wir schreiben Ihnen, sobald Sie nachrücken.
reg-now-entered = Danke! Sie nehmen an der Verlosung teil. Wir schreiben Ihnen das Ergebnis.
reg-now-cancelled = Ihre Anmeldung ist storniert.
reg-child-cancelled = Das Kind ist abgemeldet; die anderen behalten ihren Platz.
reg-consent-revoked = Die Einwilligung ist widerrufen.
reg-offer = Angebot
reg-status = Stand
reg-confirm-button = Ja, Anmeldung bestätigen
reg-cancel-child = Ein Kind abmelden
reg-cancel-this-child = Dieses Kind abmelden
reg-cancel-all = Ganze Anmeldung stornieren
reg-revoke = widerrufen
reg-not-given = nicht erteilt

mail-reg-confirm-subject = Bitte bestätigen: { $title }
mail-reg-confirm-body = Hallo { $name },

    Sie haben sich für „{ $title }“ angemeldet ({ $persons } Personen), Beginn { $when }, { $place }.
    Bitte bestätigen Sie Ihre Anmeldung über diesen Link:
    { $confirm }

    Abmelden oder Einwilligungen widerrufen:
    { $cancel }

    Wenn Sie sich nicht angemeldet haben, müssen Sie nichts tun.
mail-reg-confirmed-subject = Ihr Platz: { $title }
mail-reg-confirmed-body = Ihre Anmeldung für „{ $title }“ ist bestätigt. Beginn { $when }, { $place }.

    Wenn Sie nicht kommen können, melden Sie sich bitte ab, damit jemand von der Warteliste nachrücken kann:
    { $cancel }
mail-reg-waitlisted-subject = Warteliste: { $title }
mail-reg-waitlisted-body = Alle Plätze für „{ $title }“ sind vergeben. Sie stehen auf Platz { $position } der Warteliste. Wir schreiben Ihnen, sobald ein Platz frei wird.

    Abmelden: { $cancel }
mail-reg-entered-subject = Verlosung: { $title }
mail-reg-entered-body = Ihre Anmeldung für „{ $title }“ ist bestätigt. Die Plätze werden am { $lottery } verlost; wir schreiben Ihnen das Ergebnis.

    Abmelden: { $cancel }
mail-reg-cancelled-subject = Abgemeldet: { $title }
mail-reg-cancelled-body = Ihre Anmeldung für „{ $title }“ ist storniert.
mail-reg-promoted-subject = Ein Platz ist frei geworden: { $title }
mail-reg-promoted-body = Gute Nachricht: Für „{ $title }“ ist ein Platz frei geworden, Sie sind nachgerückt. Beginn { $when }, { $place }.

    Wenn Sie nicht mehr kommen können, melden Sie sich bitte über den Link aus Ihrer ersten E-Mail ab.
mail-reg-won-subject = Sie haben einen Platz: { $title }
mail-reg-won-body = Die Verlosung für „{ $title }“ ist entschieden: Sie haben einen Platz. Beginn { $when }, { $place }.
mail-reg-lost-subject = Warteliste: { $title }
mail-reg-lost-body = Die Verlosung für „{ $title }“ ist entschieden. Leider hat es diesmal nicht geklappt; Sie stehen auf Platz { $position } der Warteliste und rücken nach, sobald ein Platz frei wird.

csv-status = Stand
csv-name = Name
csv-email = E-Mail
csv-persons = Personen
csv-ages = Alter der Kinder
csv-language = Sprache
csv-group = Gruppe
csv-photos = Fotos erlaubt
csv-share-contact = Kontakt weitergeben erlaubt
csv-registered = Angemeldet am
csv-yes = ja
csv-no = nein
csv-present = anwesend
csv-absent = fehlt

error-age-out-of-range = Dieses Alter passt nicht zum Angebot.
error-children-mismatch = Die Anzahl passt nicht zu den angegebenen Kindern.
error-more-than-capacity = Das sind mehr Personen, als das Angebot Plätze hat.
error-consent-required = Ohne diese Einwilligung ist keine Anmeldung möglich.
error-after-start = Die Verlosung muss vor dem ersten Termin liegen.
error-lottery-only = Reservierte Plätze gibt es nur bei einer Verlosung.
error-end-before-start = Das Ende muss nach dem Beginn liegen.

nav-offers = Angebote
nav-offers-hint = Angebote der Träger pflegen, prüfen und veröffentlichen; Anmeldungen und Anwesenheit
nav-providers = Träger
offer-status-draft = Entwurf
offer-status-in_review = in Prüfung
offer-status-published = veröffentlicht
offer-status-archived = archiviert
offer-new = Neues Angebot
offer-edit = Angebot bearbeiten
offer-title = Titel
offer-status = Stand
offer-capacity = Plätze
offer-outdated = veraltete Übersetzung
offer-actions = Aktionen
offer-registrations = Anmeldungen
offer-publish = Veröffentlichen
offer-submit = Zur Prüfung einreichen
offer-return = Zurück an den Träger
offer-archive = Archivieren
offer-review-note = Hinweis zur Prüfung
offer-texts = Titel und Beschreibung
offer-texts-hint = Deutsch ist Pflicht. Übersetzungen sind freiwillig; ändert sich der deutsche Text, werden sie als veraltet markiert, bis sie angepasst sind.
offer-description = Beschreibung
offer-what = Was und für wen
offer-age-min = Alter ab
offer-age-max = Alter bis
offer-languages-hint = ISO-639-3-Codes, durch Komma getrennt, z. B. deu, ara, ukr
offer-schedule-kind = Art der Termine
offer-kind-dates = einzelne Termine
offer-kind-weekly = wöchentlich über einen Zeitraum
offer-kind-block = jeden Werktag eines Ferienblocks
offer-dates = Einzelne Termine
offer-dates-hint = Ein Termin pro Zeile: 2027-07-06 10:00-11:30
offer-weekdays = Wochentage
offer-start-time = Beginn
offer-end-time = Ende
offer-except = Ausnahmen (Ferien, Feiertage): Daten mit Komma getrennt
offer-cost = Kosten in Euro (leer = kostenlos)
offer-cost-note = Hinweis zu den Kosten
offer-registration = Anmeldung
offer-reg-none = ohne Anmeldung
offer-reg-first-come = in Reihenfolge der Bestätigung, dann Warteliste
offer-reg-lottery = Verlosung zu einem Stichtag
offer-lottery-at = Verlosung am
offer-quota = Bei einer Verlosung reservierte Plätze je Gruppe
offer-weekends = Ferienblock auch an Wochenenden
error-offer-changed = Das Angebot wurde inzwischen von jemand anderem geändert. Bitte laden Sie es neu; Ihre Eingaben stehen unten.
error-has-attendance = Für diesen Termin ist schon Anwesenheit erfasst; er kann nicht entfallen oder sich verschieben.
error-below-taken = So viele Plätze sind schon vergeben; weniger geht nicht.
error-has-registrations = Die Art der Anmeldung lässt sich nicht mehr ändern, weil es schon Anmeldungen gibt.
offer-workflow = Prüfung und Veröffentlichung
offer-taken = Belegte Plätze
offer-export = Als CSV für Excel herunterladen
offer-save-attendance = Anwesenheit speichern
offer-message = Nachricht an alle Angemeldeten
offer-message-hint = Jede Person erhält die Nachricht in ihrer Sprache, wenn Sie sie in dieser Sprache geschrieben haben, sonst auf Deutsch.
offer-subject = Betreff
offer-body = Text
offer-send = Senden
offer-message-sent = Nachricht an { $count } Anmeldungen geschrieben.
user-provider = Träger (für Träger-Konten)
provider-name = Name des Trägers
provider-add = Träger anlegen
