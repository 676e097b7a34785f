# Mittler – deutsche Oberfläche (Standardsprache)

nav-skip = Zum Inhalt springen
nav-main = Hauptnavigation
nav-language = Sprache
nav-home = Übersicht
nav-home-hint = Zurück zur Übersicht
nav-mediators = Sprachmittler:innen
nav-mediators-hint = Pool durchsuchen, Profile anlegen und pflegen
nav-institutions = Einrichtungen
nav-institutions-hint = Auftraggeber und ihre Standorte
nav-my-institution = Meine Einrichtung
nav-my-institution-hint = Daten und Standorte Ihrer Einrichtung
nav-my-schedule = Meine Verfügbarkeit
nav-my-schedule-hint = Wochenzeiten und Abwesenheiten aktuell halten
nav-users = Benutzerkonten
nav-users-hint = Zugänge anlegen, Rollen vergeben, sperren
nav-audit = Protokoll
nav-audit-hint = Wer hat wann was geändert
nav-password = Passwort
nav-sign-out = Abmelden

home-title = Übersicht
home-greeting = Willkommen, { $name }
desk-title = Was ansteht
desk-unstaffed = ohne Sprachmittlung in den nächsten 48 Stunden
desk-expiring = Einladungen laufen in 24 Stunden ab
desk-timesheets = Zeitnachweise warten auf Bestätigung
desk-disputes = beanstandete Zeitnachweise
desk-show-all = alle Anfragen zeigen
filter-title = Filter
home-invitations = { $count ->
    [0] Keine offene Einladung
    [one] Eine offene Einladung – bitte antworten
   *[other] { $count } offene Einladungen – bitte antworten
}

role-admin = Administration
role-coordinator = Koordination
role-institution = Einrichtung
role-mediator = Sprachmittler:in
role-provider = Anbieter
role-state = Landesebene

login-title = Anmelden
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-failed = E-Mail-Adresse oder Passwort ist falsch.
login-locked = { $minutes ->
    [one] Zu viele Fehlversuche. Bitte versuchen Sie es in einer Minute erneut.
   *[other] Zu viele Fehlversuche. Bitte versuchen Sie es in { $minutes } Minuten erneut.
}
login-demo = Demo-Zugänge
login-demo-hint = Diese Zugänge gibt es nur im Demo-Modus. Alle Daten sind erfunden.
login-centre = Zentrum
login-choose-centre = Diese Adresse gehört zu Konten in mehreren Zentren. Bitte wählen Sie das Zentrum und geben Sie das Passwort noch einmal ein.
login-code-title = Code eingeben
login-code = Code aus der Authenticator-App
login-code-hint = Sechs Ziffern. Ohne Telefon: einen Ihrer Wiederherstellungscodes.
login-start-again = Neu anmelden
login-sso = Mit dem Konto der Stadt anmelden
login-sso-submit = Weiter zur Anmeldung der Stadt
login-sso-no-account = Für diese Adresse gibt es in diesem Zentrum kein Konto. Bitte wenden Sie sich an die Administration.
login-sso-failed = Die Anmeldung über die Stadt hat nicht geklappt. Bitte noch einmal versuchen.
login-sso-unavailable = Die Anmeldung der Stadt ist gerade nicht erreichbar. Bitte mit Passwort anmelden.

password-title = Passwort ändern
password-old = Bisheriges Passwort
password-new = Neues Passwort
password-confirm = Neues Passwort wiederholen
password-rules = Mindestens 12 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und sicher.
password-submit = Passwort ändern
password-changed = Das Passwort wurde geändert. Alle anderen Sitzungen wurden beendet.
password-initial = Ihr Passwort wurde von der Administration vergeben. Bitte wählen Sie jetzt ein eigenes.
nav-security = Konto & Sicherheit
sessions-title = Meine Sitzungen
sessions-hint = Hier sehen Sie, wo Ihr Konto angemeldet ist: Browser und API-Schlüssel. Beenden Sie, was Sie nicht kennen, und ändern Sie dann Ihr Passwort.
sessions-kind = Art
sessions-kind-web = Browser
sessions-kind-api = API-Schlüssel
sessions-started = Angemeldet
sessions-last-seen = Zuletzt aktiv
sessions-address = Netzadresse
sessions-end = Beenden
sessions-this = diese
sessions-end-others = Alle anderen beenden
sessions-ended = Beendet.
sessions-end-all = Alle Sitzungen beenden
sessions-end-all-hint = Ein Telefon verloren, ein Konto in falschen Händen: hier enden alle Sitzungen und API-Schlüssel dieses Kontos.
two-factor-title = Zweiter Faktor
two-factor-required = Ihr Zentrum verlangt für Ihre Rolle einen zweiten Faktor. Bitte richten Sie ihn jetzt ein.
two-factor-intro = Mit einem zweiten Faktor braucht eine Anmeldung außer dem Passwort einen Code aus einer Authenticator-App auf Ihrem Telefon (z. B. FreeOTP, Aegis, Google oder Microsoft Authenticator).
two-factor-start = Einrichten
two-factor-step-app = Öffnen Sie Ihre Authenticator-App.
two-factor-step-scan = Scannen Sie diesen Code:
two-factor-qr-alt = QR-Code zum Einrichten der Authenticator-App
two-factor-secret = Ohne Kamera: diesen Schlüssel eintippen:
two-factor-step-code = Geben Sie den Code ein, den die App jetzt zeigt.
two-factor-confirm = Bestätigen
two-factor-codes = Ihre Wiederherstellungscodes
two-factor-codes-hint = Jeder Code gilt einmal, wenn Ihr Telefon fehlt. Drucken oder notieren Sie sie jetzt: Sie werden nur dieses eine Mal gezeigt.
two-factor-done = Fertig
two-factor-on = Der zweite Faktor ist eingerichtet. Unbenutzte Wiederherstellungscodes: { $left }.
two-factor-remove = Zweiten Faktor entfernen
home-second-factor-warning = Sicherheit: Noch ist für Administration und Koordination kein zweiter Faktor verpflichtend. Bitte in den Einstellungen einschalten.
passkey-title = Passkeys
passkey-intro = Ein Passkey ist ein zweiter Faktor auf Ihrem Telefon, Computer oder Sicherheitsschlüssel: nach dem Passwort bestätigen Sie mit Fingerabdruck, Gesicht oder PIN.
passkey-name = Name des Geräts (z. B. Diensthandy)
passkey-add = Passkey hinzufügen
passkey-use = Mit Passkey bestätigen
passkey-remove = Entfernen
passkey-added = hinzugefügt
passkey-last-used = zuletzt benutzt
passkey-failed = Das hat nicht geklappt. Bitte noch einmal versuchen oder den Code eingeben.
passkey-done = Passkey hinzugefügt.
passkey-unsupported = Dieser Browser kann keine Passkeys.
passkey-unavailable = Passkeys brauchen eine Adresse mit Namen (MITTLER_PUBLIC_URL), keine IP-Adresse.
error-passkeys-unavailable = Passkeys sind auf dieser Installation nicht eingerichtet.

search-label = Suche
search-submit = Suchen
search-include-inactive = Auch deaktivierte anzeigen
list-empty = Keine Einträge gefunden.
list-count = { $count ->
    [one] Ein Eintrag
   *[other] { $count } Einträge
}
status = Status
status-active = aktiv
status-inactive = deaktiviert
yes = ja
no = nein

form-save = Speichern
form-saved = Gespeichert.
form-choose = Bitte wählen
form-has-errors = Bitte prüfen Sie die markierten Felder.
form-deactivate = Deaktivieren
form-activate = Wieder aktivieren

institutions-title = Einrichtungen
institution-new = Neue Einrichtung
institution-new-title = Neue Einrichtung
institution-edit-title = Einrichtung
institution-name = Name
institution-contact = Ansprechperson
institution-contact-hint = Wen Sprachmittler:innen und Klient:innen anrufen, z. B. „Frau Beispiel, Zimmer 12“ oder „Empfang“.
institution-phone = Telefon
form-optional = freiwillig
form-add-row = Weitere Zeile
form-required-hint = Felder mit * müssen ausgefüllt werden.
slip-title = Ihr Termin
slip-when = Wann
slip-where = Wo
slip-by-phone = Am Telefon: Sie werden angerufen.
slip-by-video = Per Video: Sie bekommen einen Link.
slip-map = Karte
slip-mediator = Ihre Sprachmittlung (Vorname)
slip-bring = Bitte mitbringen
slip-cancel = Wenn Sie nicht kommen können, rufen Sie bitte an
slip-page-title = Terminzettel für die Klientin oder den Klienten
slip-page-hint = Für die Person, die die Sprachmittlung braucht: in ihrer Sprache zum Ausdrucken oder als PDF. Was Sie unter „Bitte mitbringen“ eintragen, wird nicht gespeichert.
slip-language = Sprache des Zettels
slip-show = Zettel zeigen
slip-print = Drucken
slip-pdf = Als PDF
slip-open = Terminzettel für die Klientin oder den Klienten
slip-reminder-subject = Erinnerung: { $title } morgen
slip-reminder-intro = Guten Tag, wir erinnern Sie an Ihren Termin morgen. Eine Sprachmittlung ist dabei.
slip-remind-title = Erinnerung am Tag vorher
slip-remind-hint = Wenn die Person einverstanden ist, bekommt sie am Tag vor dem Termin eine E-Mail in ihrer Sprache. Die Adresse wird mit dem Versand gelöscht, spätestens zum Termin.
slip-remind-contact = E-Mail-Adresse der Person
slip-remind-contact-sms = E-Mail-Adresse oder Handynummer der Person
error-no-sms = Für eine SMS ist kein Versand eingerichtet. Bitte geben Sie eine E-Mail-Adresse an.
slip-remind-consent = Die Person ist mit der Erinnerung einverstanden.
slip-remind-save = Erinnerung einrichten
slip-remind-active = Erinnerung an { $contact } ist eingerichtet.
slip-remind-delete = Erinnerung löschen
flash-reminder-saved = Die Erinnerung ist eingerichtet.
flash-reminder-deleted = Die Erinnerung und die Adresse sind gelöscht.
error-not-confirmed = Der Terminzettel ist erst da, wenn eine Sprachmittlung bestätigt ist.
error-invalid-phone = Bitte geben Sie eine Telefonnummer nur mit Ziffern, Leerzeichen und + - / ( ) an.
institution-category = Art der Einrichtung
institution-details = Angaben
institution-places = Standorte
institution-places-hint = Leere Zeilen werden ignoriert. Eine geleerte Zeile entfernt den Standort.
place-geocoded-hint = Breiten- und Längengrad können leer bleiben: Mittler ermittelt sie aus der Adresse.
place-name = Bezeichnung
place-address = Adresse
place-lat = Breitengrad
place-lon = Längengrad

category-authority = Behörde
category-health = Gesundheitswesen
category-school = Schule
category-social = Soziales und Beratung
category-court = Gericht
category-other = Sonstige

mediators-title = Sprachmittler:innen
mediator-new = Neue:r Sprachmittler:in
mediator-new-title = Neue:r Sprachmittler:in
mediator-edit-title = Sprachmittler:in
mediator-search-label = Suche nach Name, E-Mail, Sprache oder Bereich
mediator-person = Person
mediator-name = Name
mediator-email = E-Mail
mediator-phone = Telefon
mediator-home-place = Wohnort (Postleitzahl oder Stadtteil, für die Koordinaten)
mediator-gender = Geschlecht
mediator-languages = Sprachen
mediator-languages-hint = Sprache oder ISO-639-3-Code eingeben, z. B. „Tigrinya“ oder „tir“.
mediator-language = Sprache
mediator-level = Niveau
mediator-sectors = Einsatzbereiche
mediator-work = Einsatz
mediator-home-hint = Wohnort nur ungefähr (auf etwa einen Kilometer gerundet), für Fahrzeiten.
mediator-home-lat = Wohnort: Breitengrad
mediator-home-lon = Wohnort: Längengrad
mediator-speed = Reisegeschwindigkeit (km/h)
mediator-max-work = Höchstens Einsatzminuten pro Tag
mediator-remote = Telefon/Video
mediator-remote-long = Übernimmt auch Einsätze per Telefon oder Video
mediator-availability = Wöchentliche Verfügbarkeit
mediator-availability-hint = Zeiträume, in denen Einsätze möglich sind. Leere Zeilen werden ignoriert.
mediator-absences = Abwesenheiten
mediator-absences-hint = Urlaub, Krankheit oder andere Zeiten ohne Einsätze (jeweils einschließlich).
mediator-records = Qualifikation und Verschwiegenheit
mediator-qualified-on = Qualifizierung abgeschlossen am
mediator-pledge-on = Verschwiegenheitserklärung unterschrieben am

gender-f = weiblich
gender-m = männlich
gender-d = divers
mediator-level-required = Bitte wählen Sie, wie gut die Sprache gesprochen wird.
level-choose = – Niveau wählen –
level-native = Muttersprache
level-fluent = fließend
level-working = für Einsätze ausreichend
sector-authority = Behörden
sector-medical = Medizin
sector-psychotherapy = Psychotherapie
sector-school = Schule
sector-social = Soziales
sector-court = Gericht

weekday = Wochentag
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag
time-from = von
time-to = bis
date-from = vom
date-to = bis einschließlich

schedule-title = Meine Verfügbarkeit

users-title = Benutzerkonten
user-new = Neues Konto
user-new-title = Neues Benutzerkonto
user-edit-title = Benutzerkonto
user-name = Name
user-role = Rolle
user-lang = Sprache der Oberfläche
user-institution = Einrichtung (für die Rolle Einrichtung)
user-mediator = Sprachmittler:in (für die Rolle Sprachmittler:in)

audit-title = Protokoll
audit-at = Zeitpunkt
audit-actor = Wer
audit-action = Aktion
audit-object = Objekt
audit-detail = Einzelheiten
audit-address = Adresse
audit-pages = Seiten des Protokolls
audit-sign-in = Anmeldung
audit-sign-in-failed = Fehlgeschlagene Anmeldung
audit-sign-out = Abmeldung
audit-password-changed = Passwort geändert
audit-create = Angelegt
audit-update = Geändert
audit-deactivate = Deaktiviert
audit-session-ended = Sitzung beendet
audit-second-factor-added = Zweiter Faktor eingerichtet
audit-second-factor-removed = Zweiter Faktor entfernt
audit-view-denied = Ansicht verweigert
audit-export = Auskunft erteilt (Art. 15)
audit-erase = Gelöscht (Art. 17)
audit-expire = Frist abgelaufen, gelöscht
audit-object-id = Objekt-ID
audit-who-saw = Alle Einträge zu diesem Objekt: wer es angesehen oder geändert hat
error-invalid-id = Das ist keine gültige ID (z. B. 3f2a…-…, 36 Zeichen).
object-request = Anfrage
object-request-list = Liste der Anfragen
object-mediator-list = Liste der Sprachmittler:innen
object-user-list = Liste der Benutzerkonten
object-outbox = Postausgang
object-audit-log = Protokoll
object-client = Klient:innen-Kennung
object-email = E-Mail-Adresse
object-retention = Löschfristen
object-export = Datenschutz-Auskunft
object-user = Benutzerkonto
object-institution = Einrichtung
object-mediator = Sprachmittler:in
object-billing-run = Monatsabschluss
object-billing-settings = Abrechnungseinstellungen
object-credit-note = Gutschrift
object-offer = Angebot
object-offer-lottery = Verlosung
object-offer-registrations = Anmeldungen
object-offer-retention = Löschfrist der Anmeldungen
object-provider = Träger
object-request-fund = Förderung einer Anfrage
object-settings = Einstellungen
audit-view = Angesehen
audit-filter = Filtern
audit-any = alle
audit-from = Von (Tag)
audit-to = Bis (Tag)
audit-page-of = Seite { $page } von { $pages }
date-hint = Datum wie 24.12.2026 oder 24.12.26
audit-field-absences = Abwesenheiten
audit-field-active = aktiv
audit-field-allowances = Aufwandsentschädigungen
audit-field-availability = Verfügbarkeit
audit-field-budget_cents = Budget (Cent)
audit-field-category = Art
audit-field-count = Anzahl
audit-field-days = Tage
audit-field-discarded = verworfen
audit-field-email = E-Mail
audit-field-fund = Fördertopf
audit-field-invoice = Rechnung
audit-field-invoices = Rechnungen
audit-field-issued = ausgestellt
audit-field-month = Monat
audit-field-name = Name
audit-field-offer_id = Angebot
audit-field-places = Orte
audit-field-provider_id = Träger
audit-field-reason = Grund
audit-field-role = Rolle
audit-field-seed = Losnummer
audit-field-seller = Rechnungssteller
audit-field-statements = Abrechnungen
audit-field-status = Status
audit-field-vat = Umsatzsteuer
audit-field-was = vorher
audit-field-without_tariff = ohne Tarif
audit-field-via = über
pager-newer = Neuere
pager-older = Ältere

error-title = Fehler
error-invalid-date = Bitte geben Sie ein Datum wie 24.12.2026 ein.
error-invalid-datetime = Bitte geben Sie Datum und Uhrzeit an, z. B. 01.12.2026 09:00.
error-forbidden = Dazu ist Ihre Rolle nicht berechtigt.
error-not-found = Diese Seite oder dieser Eintrag existiert nicht.
error-conflict = Das passt nicht zum aktuellen Stand. Bitte laden Sie die Seite neu.
error-too-many = Zu viele Versuche. Bitte warten Sie einen Moment.
error-internal = Ein interner Fehler ist aufgetreten. Bitte nennen Sie dem Support diese Kennung
error-csrf = Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und senden Sie es erneut.
error-bad-form = Das Formular kam unvollständig an. Bitte laden Sie die Seite neu und senden Sie es erneut.
error-bad-link = Dieser Link ist unvollständig oder fehlerhaft. Bitte gehen Sie zurück und versuchen Sie es noch einmal.
error-control-characters = Dieses Feld enthält unsichtbare Steuerzeichen. Bitte tippen Sie den Text neu ein.
error-invalid = Dieser Wert ist ungültig.
error-required = Bitte füllen Sie dieses Feld aus.
error-too-long = Der Text ist zu lang.
error-too-short = Zu kurz: mindestens 12 Zeichen.
error-common-password = Dieses Passwort steht auf einer Liste oft benutzter Passwörter. Bitte wählen Sie ein anderes.
error-weak-password = Dieses Passwort ist zu leicht zu erraten. Tipp: mehrere ungewöhnliche Wörter aneinander.
error-invalid-email = Bitte geben Sie eine gültige E-Mail-Adresse an.
error-out-of-range = Der Wert liegt außerhalb des erlaubten Bereichs.
error-invalid-number = Bitte geben Sie eine Zahl ein.
error-invalid-time = Bitte geben Sie eine Uhrzeit wie 08:30 an.
error-not-after-start = Das Ende muss nach dem Beginn liegen.
error-before-start = Das Ende darf nicht vor dem Beginn liegen.
error-overlaps = Überschneidet sich mit einem anderen Zeitraum am selben Tag.
error-unknown-language = Diese Sprache ist unbekannt. Bitte Namen oder ISO-639-3-Code verwenden.
error-duplicate = Diese Sprache ist schon eingetragen.
error-taken = Diese E-Mail-Adresse wird schon verwendet.
error-mismatch = Die beiden Eingaben stimmen nicht überein.
error-wrong-password = Das bisherige Passwort ist falsch.
error-name-link = Bitte nur den Namen in einer Zeile angeben, ohne Links oder Adressen.
error-same-password = Das neue Passwort muss sich vom bisherigen unterscheiden.
error-wrong-code = Dieser Code stimmt nicht. Bitte geben Sie den aktuellen Code aus der App ein.
error-no-enrolment = Bitte beginnen Sie die Einrichtung neu.
error-second-factor-required = Ihr Zentrum verlangt für Ihre Rolle einen zweiten Faktor.
error-unknown = Dieser Eintrag existiert nicht.
error-unknown-id = Ein Standort gehört nicht zu dieser Einrichtung.
error-not-allowed = Für diese Rolle nicht vorgesehen.
error-not-allowed-self = Sie können sich nicht selbst sperren oder die Administration entziehen.
error-wrong-type = Falscher Datentyp.
error-cross-site = Anfragen von anderen Websites werden abgelehnt.
error-internal-id = Interner Fehler (Kennung { $id }).
error-too-many-items = Zu viele Einträge.

## Sprachmittlung: Anfragen, Einladungen, Einsätze

nav-requests = Anfragen
nav-requests-hint = Eingang nach Tag und Status, Kandidaten, Einladungen
nav-book = Sprachmittlung anfragen
nav-book-hint = Einen Termin mit Sprachmittlung buchen
nav-invitations = Einladungen
nav-invitations-hint = Offene Anfragen annehmen oder ablehnen
nav-assignments = Meine Einsätze
nav-assignments-hint = Termine und Zeitnachweise
requests-title = Anfragen
request-new = Neue Anfrage
request-new-title = Sprachmittlung anfragen
request-title = Anfrage
filter-from = Von
filter-to = Bis
filter-any = alle
filter-submit = Filtern
request-language = Sprache
request-sector = Bereich
request-institution = Einrichtung
request-institution-from-place = aus dem Ort
request-start = Beginn
request-mediator = Sprachmittler:in
request-urgent = dringend
request-where = Wo
mode-onsite = vor Ort
mode-phone = Telefon
mode-video = Video
request-place = Ort
request-what = Was und wann
request-duration = Dauer (Minuten)
request-wishes = Wünsche
request-gender = Geschlecht der Sprachmittler:in
request-gender-none = egal
request-gender-wish-label = Wunsch
request-gender-must-label = zwingend
request-gender-wish = Wunsch: { $gender }
request-gender-must = zwingend: { $gender }
priority-1 = normal
priority-2 = hoch
priority-3 = dringend
request-priority = Priorität
request-client-ref = Klientenkennung
request-client-ref-hint = Ein Pseudonym wie K-2026-0042, kein Name. Leer lassen: Mittler vergibt eine Kennung.
request-notes = Hinweise
request-notes-warning = Bitte keine Gesundheitsdaten, Diagnosen oder Namen eintragen. Nur, was für die Einsatzplanung nötig ist.
request-submit = Anfrage senden
request-cancel-reason = Abgesagt
request-billable = kostenpflichtig
timesheet-title = Zeitnachweis
timesheet-none = keiner
timesheet-submitted = eingereicht, wartet auf Bestätigung
timesheet-confirmed = bestätigt
timesheet-disputed = beanstandet
timesheet-confirm = Zeitnachweis bestätigen
timesheet-dispute-reason = Grund der Beanstandung
timesheet-dispute = Beanstanden
timesheet-summary = { $start } bis { $end }, Wartezeit { $waiting } min, Fahrtzeit { $travel } min, Strecke { $km } km
candidates-title = Kandidat:innen
candidates-none = Niemand kann diese Anfrage übernehmen. Die Gründe stehen unten.
candidates-pick = Auswahl
candidates-score = Eignung
candidates-travel = Fahrtzeit
candidates-week = Diese Woche
candidates-continuity = bekannt
candidates-why = Warum
candidates-why-known = kennt die Person schon
candidates-why-travel = Anfahrt { $min } Min.
candidates-why-week = diese Woche { $hours } Std. gebucht
candidates-past-open = schon eingeladen, Antwort steht aus
candidates-past-accepted = hat angenommen
candidates-past-declined = hat abgelehnt
candidates-past-expired = hat nicht rechtzeitig geantwortet
candidates-past-withdrawn = Einladung zurückgezogen
candidates-past-dropped = ist abgesprungen
candidates-invite-anyway = trotzdem einladen
hours = { $n ->
    [one] 1 Stunde
   *[other] { $n } Stunden
}
candidates-excluded = { $count ->
    [one] Eine Person ausgeschlossen
   *[other] { $count } Personen ausgeschlossen
}
invite-expires = Einladung gilt
invite-submit = Ausgewählte einladen
assign-label = Direkt zuweisen (nach Telefonat)
assign-submit = Zuweisen
invitations-sent = Einladungen
invitation-until = bis
invitation-open = offen
invitation-accepted = angenommen
invitation-declined = abgelehnt
invitation-expired = abgelaufen
invitation-withdrawn = zurückgezogen
cancel-title = Absagen
cancel-reason = Grund
cancel-hint = Eine Absage der Einrichtung kurz vor dem Termin kann kostenpflichtig sein.
cancel-submit = Anfrage absagen
history-title = Verlauf
history-invited = { $count ->
    [one] eine Person eingeladen
   *[other] { $count } Personen eingeladen
}
history-declined = abgelehnt
history-expired = Antwortfrist abgelaufen
history-start-passed = Beginn verstrichen, niemand hat zugesagt
history-moved = neu: { $when }, { $minutes } Minuten
event-create = angelegt
event-invite = eingeladen
event-invitations_closed = Einladungen beendet
event-accept = angenommen
event-assign = zugewiesen
event-drop_out = abgesprungen
event-cancel = abgesagt
event-complete = abgeschlossen
event-start_passed = ohne Sprachmittlung verstrichen
event-timesheet = Zeitnachweis eingereicht
event-timesheet_disputed = Zeitnachweis beanstandet
status-open = offen
status-invited = eingeladen
status-confirmed = bestätigt
status-completed = erledigt
status-cancelled = abgesagt
status-unfilled = unbesetzt
reason-language = Sprache
reason-sector = Bereich
reason-gender = Geschlecht
reason-remote = kein Telefon/Video
reason-availability = nicht verfügbar
reason-absence = abwesend
reason-excluded = ausgeschlossen
reason-overlap = schon gebucht
reason-travel = Fahrtzeit reicht nicht
reason-workload = Tageslimit
dispatch-unavailable = Diese Person kann die Anfrage nicht übernehmen: { $reasons }.
flash-invited = Die Einladungen sind verschickt.
flash-choose-mediator = Bitte wählen Sie mindestens eine Person aus.
flash-assigned = Zugewiesen und bestätigt.
flash-cancelled = Die Anfrage ist abgesagt.
flash-reason-required = Bitte geben Sie einen Grund an.
flash-timesheet-confirmed = Zeitnachweis bestätigt. Der Einsatz ist abgeschlossen.
flash-timesheet-disputed = Zeitnachweis beanstandet.
flash-accepted = Angenommen. Der Einsatz steht in Ihrem Kalender.
flash-accepted-listed = Angenommen. Der Einsatz steht unten unter „Ihre nächsten Einsätze“. Wer ihn im eigenen Kalender sehen möchte, kann den Kalender abonnieren.
flash-confirm-no-conflict = Bitte bestätigen Sie, dass kein Interessenkonflikt besteht.
flash-too-late = Diese Anfrage ist schon vergeben oder hat sich geändert.
flash-declined = Abgelehnt.
flash-timesheet-sent = Zeitnachweis gesendet.
flash-timesheet-invalid = Bitte prüfen Sie Beginn, Ende und Minuten.
flash-dropped-out = Sie sind vom Einsatz zurückgetreten. Die Koordination sucht Ersatz.
invitations-title = Einladungen
invitations-none = Zurzeit keine offenen Einladungen.
invitation-known-client = Sie haben diese Person schon begleitet.
invitation-no-conflict = Ich kenne die Person nicht privat; es besteht kein Interessenkonflikt.
invitation-accept = Annehmen
invitation-decline = Ablehnen
invitation-answer-by = Antwort bis
minutes = { $n } Min.
map-link = Karte
decline-why = Warum lehnen Sie ab?
decline-note = Bemerkung für die Koordination (freiwillig)
decline-confirm = Einladung ablehnen
decline-reason-no-time = Ich habe zu der Zeit keine Zeit
decline-reason-too-far = Der Weg ist zu weit
decline-reason-conflict = Ich kenne die Person oder bin befangen
decline-reason-other = Anderer Grund
flash-decline-reason = Bitte wählen Sie einen Grund, bevor Sie ablehnen.
assignments-title = Meine Einsätze
assignments-report = Zeitnachweis fällig
assignments-upcoming = Kommende Einsätze
timesheet-start = Tatsächlicher Beginn
timesheet-end = Tatsächliches Ende
timesheet-waiting = Wartezeit (Minuten)
timesheet-travel = Fahrtzeit (Minuten)
timesheet-km = Gefahrene Kilometer (hin und zurück)
timesheet-km-flagged = Die Strecke liegt weit über der geschätzten Fahrt: bitte prüfen.
timesheet-send = Zeitnachweis senden
dropout-title = Ich kann nicht
dropout-reason = Grund
dropout-submit = Vom Einsatz zurücktreten
error-not-in-future = Der Beginn muss in der Zukunft liegen.
error-duration-range = Die Dauer muss zwischen 15 und 480 Minuten liegen.
error-in-future = Das liegt noch in der Zukunft.

## E-Mails

mail-remote = per Telefon oder Video
mail-ics-summary = Sprachmittlung { $language }
mail-password-changed-subject = Ihr Passwort wurde geändert
mail-password-changed-body =
    Guten Tag,

    das Passwort Ihres Mittler-Kontos wurde am { $when } geändert. Alle anderen Sitzungen wurden beendet.

    Waren Sie das nicht, melden Sie sich bitte sofort bei der Administration Ihres Zentrums.
    Ihre Sitzungen: { $link }
mail-request-received-subject = Anfrage eingegangen: { $language }, { $when }
mail-request-received-body =
    Guten Tag,

    Ihre Anfrage für eine Sprachmittlung ist eingegangen.

    Sprache: { $language }
    Termin: { $when } ({ $duration } Minuten)
    Ort: { $place }
    Kennung: { $client }

    Sobald eine Sprachmittlerin oder ein Sprachmittler zugesagt hat, erhalten Sie eine Bestätigung.
    Anfrage ansehen: { $link }
mail-invitation-subject = Einladung: { $language }, { $when }
mail-invitation-body =
    Guten Tag,

    Sie sind zu einem Einsatz eingeladen.

    Sprache: { $language }
    Termin: { $when } ({ $duration } Minuten)
    Ort: { $place }
    Einrichtung: { $institution }

    Die Einladung gilt bis { $expires }. Annehmen oder ablehnen: { $invitations }
mail-confirmed-subject = Bestätigt: { $language }, { $when }
mail-confirmed-body =
    Guten Tag,

    der Einsatz ist bestätigt.

    Sprache: { $language }
    Termin: { $when } ({ $duration } Minuten)
    Ort: { $place }
    Einrichtung: { $institution }
    Kennung: { $client }

    Den Termin finden Sie im Anhang für Ihren Kalender.
mail-cancelled-subject = Abgesagt: { $language }, { $when }
mail-cancelled-body =
    Guten Tag,

    der Termin am { $when } ({ $language }, { $place }) ist abgesagt.
    Grund: { $reason }
mail-declined-subject = Abgelehnt: { $language }, { $when }
mail-declined-body =
    { $mediator } hat die Einladung für { $language } am { $when } ({ $institution }) abgelehnt.
    Anfrage: { $link }
mail-expired-subject = Einladung abgelaufen: { $language }, { $when }
mail-expired-body =
    Niemand hat die Einladung für { $language } am { $when } ({ $institution }) rechtzeitig angenommen. Die Anfrage ist wieder offen.
    Anfrage: { $link }
mail-dropped-out-subject = Ausfall: { $language }, { $when }
mail-dropped-out-body =
    { $mediator } kann den Einsatz { $language } am { $when } ({ $institution }) nicht übernehmen. Die Anfrage ist wieder offen; Kandidaten stehen bereit.
    Anfrage: { $link }
mail-timesheet-subject = Zeitnachweis bitte bestätigen: { $when }
mail-timesheet-body =
    Guten Tag,

    für den Einsatz { $language } am { $when } liegt ein Zeitnachweis vor. Bitte bestätigen oder beanstanden Sie ihn:
    { $link }
mail-reminder-subject = Erinnerung: morgen { $language }, { $when }
mail-reminder-body =
    Guten Tag,

    zur Erinnerung: { $when } ({ $duration } Minuten), { $language }, { $place }.
mail-unfilled-subject = Nicht besetzt: { $when }
mail-unfilled-body = Für { $when } ({ $language }) fand sich leider niemand.

nav-outbox = Postausgang
outbox-title = Postausgang
outbox-hint = E-Mails, die noch nicht versandt sind oder endgültig fehlschlugen. Fehlgeschlagene Versuche werden mit wachsendem Abstand wiederholt.
outbox-empty = Alle E-Mails sind versandt.
outbox-to = An
outbox-subject = Betreff
outbox-attempts = Versuche
outbox-next = Nächster Versuch
outbox-error = Letzter Fehler
outbox-pending = wartet
outbox-sending = wird gesendet
outbox-sent = versandt
outbox-failed = fehlgeschlagen

nav-calendar = Kalender
nav-calendar-hint = Einsätze im eigenen Kalender
calendar-title = Kalender abonnieren
calendar-hint = Mit dieser geheimen Adresse zeigen Outlook, Google Kalender oder das Telefon Ihre bestätigten Einsätze an. Geben Sie sie nicht weiter.
calendar-new = Ihre neue Adresse. Sie wird nur jetzt angezeigt; die alte gilt nicht mehr.
calendar-url = Kalenderadresse
calendar-active = Ein Kalender-Abo ist eingerichtet.
calendar-create = Adresse erzeugen
calendar-renew = Neue Adresse erzeugen (die alte wird ungültig)
calendar-revoke = Abo beenden

series-title = Wiederholung
series-hint = Zum Beispiel Sprachbegleitung in der Schule: jede Woche zur selben Uhrzeit, auch über die Zeitumstellung hinweg.
series-none = einmalig
series-weekly = wöchentlich
series-fortnightly = alle zwei Wochen
series-count = Anzahl der Termine
series-until = oder bis einschließlich
series-scope = Welche Termine der Reihe?
series-scope-one = nur dieser
series-scope-following = dieser und alle folgenden
series-scope-all = alle

requests-live = Die Liste aktualisiert sich von selbst, wenn Anfragen eingehen oder Einladungen beantwortet werden.

nav-settings = Einstellungen
settings-title = Einstellungen des Zentrums
settings-notice = Kostenfreie Absage bis (Stunden vor dem Termin)
settings-fee-hour = Aufwandsentschädigung je Stunde (€)
settings-fee-minimum = Mindestens vergütete Minuten
settings-fee-increment = Danach je angefangene Minuten
settings-fee-travel = Fahrtkostenpauschale vor Ort (€)
settings-retention = Tage nach dem Ende eines Angebots, bis seine Anmeldungen anonymisiert werden
settings-keep = Löschfristen (Tage)
settings-keep-hint = Was älter ist, löscht Mittler selbst. Rechnungen und Abrechnungen bleiben 10 Jahre (§ 147 AO).
settings-keep-notes_days = Notizen zu Anfragen, nach dem Termin
settings-keep-unserved_days = Nicht bediente Anfragen (abgesagt, unbesetzt)
settings-keep-client_refs_days = Klient:innen-Kennungen erledigter Anfragen
settings-keep-failed_mail_days = Nicht zustellbare E-Mails
settings-keep-audit_days = Protokolleinträge
settings-keep-inactive_accounts_days = Deaktivierte Benutzerkonten
settings-idle-timeout = Minuten ohne Aktivität, bis eine Sitzung im Browser endet
settings-second-factor = Zweiter Faktor verpflichtend für
settings-second-factor-hint = Wer eine dieser Rollen hat, richtet bei der nächsten Anmeldung eine Authenticator-App ein und braucht danach immer deren Code. Empfohlen für Administration und Koordination.
settings-sso = Anmeldung über das Konto der Stadt (Single Sign-on, OpenID Connect)
settings-sso-hint = Die IT der Stadt trägt Mittler in ihrem Identitätsdienst (Keycloak, ADFS, Entra ID) als Client mit dieser Rücksprungadresse ein:
settings-sso-issuer = Aussteller-Adresse (Issuer URL)
settings-sso-client = Client-ID
settings-sso-secret = Client-Geheimnis
settings-sso-secret-set = Ein Geheimnis ist gespeichert; leer lassen, um es zu behalten.
settings-sso-secret-none = Noch kein Geheimnis gespeichert.
error-invalid-issuer = Bitte eine https-Adresse ohne Schrägstrich am Ende angeben.
settings-hint = Sprachmittler:innen sehen die zu erwartende Entschädigung schon in der Einladung.
invitation-fee = Voraussichtliche Entschädigung

reschedule-title = Uhrzeit oder Dauer ändern
reschedule-time = Neue Uhrzeit
reschedule-hint = Offene Einladungen werden zurückgezogen; die Anfrage ist danach wieder offen. Bestätigte Termine bleiben unverändert.
reschedule-submit = Ändern
flash-rescheduled = Geändert. Bitte laden Sie erneut ein.
flash-reschedule-invalid = Bitte prüfen Sie Uhrzeit und Dauer (15 bis 480 Minuten).
event-reschedule = verlegt
event-decline = Einladung abgelehnt

nav-plans = Tagesplanung
plan-title = Tagesplanung
plan-hint = Mittler schlägt für jede offene Anfrage des Tages eine Sprachmittlerin oder einen Sprachmittler vor. Bestätigte Termine bleiben, wie sie sind.
plan-date = Tag
plan-submit = Vorschlag berechnen
plan-cost = Kosten (nach plan-format.md)
plan-cost-unserved = Unbesetzt (Gewicht)
plan-cost-travel = Fahrtzeit
plan-cost-continuity = Wechsel trotz bekannter Person
plan-applied = Dieser Vorschlag ist angewendet; die Einladungen sind verschickt.
plan-open-request = Anfrage
plan-apply = Ausgewählte einladen
plan-unserved = Ohne Vorschlag
plan-why-language = Niemand im Pool spricht diese Sprache.
plan-why-qualified = Niemand mit dieser Sprache hat die nötige Qualifikation (Bereich, Geschlecht, Telefon/Video).
plan-why-unavailable = Alle, die in Frage kommen, sind zu dieser Zeit nicht verfügbar, abwesend oder schon gebucht.
plan-why-busy = Alle, die in Frage kommen, werden am selben Tag für andere Anfragen gebraucht.
plan-why-nobody = Im Pool ist niemand aktiv.
plan-changed = Anfragen haben sich seit dem Vorschlag geändert. Bitte berechnen Sie einen neuen Vorschlag.

plan-pick = Sprachmittler:in für diese Anfrage
plan-skip = nicht einladen
plan-days-open = Tage mit offenen Anfragen
plan-days-none = In den nächsten zwei Wochen gibt es keine offenen Anfragen.
plan-open-count = { $count ->
    [one] eine offene Anfrage
   *[other] { $count } offene Anfragen
}
plan-other-days = Andere Tage planen
plan-summary-staffed = { $staffed } von { $all } Anfragen bekommen einen Vorschlag.
plan-summary-travel = Fahrzeit aller Vorschläge zusammen: { $min } Minuten.
plan-summary-continuity-kept = Wo jemand die Person schon kennt, ist diese Person vorgeschlagen.
plan-summary-continuity = { $n }-mal ist nicht die Person vorgeschlagen, die den Menschen schon kennt.
nav-privacy = Datenschutz
privacy-title = Datenschutz: Auskunft und Löschung
privacy-intro = Was Mittler über eine Person speichert und wer es gelesen hat (Art. 15 DSGVO), und die Löschung (Art. 17 DSGVO).
privacy-find = Suchen
privacy-kind = Person
privacy-kind-mediator = Sprachmittler:in (ID)
privacy-kind-user = Benutzerkonto (ID)
privacy-kind-client = Klient:in (Kennung)
privacy-kind-email = E-Mail-Adresse (z. B. Anmeldung)
privacy-value = ID, Kennung oder Adresse
privacy-value-hint = Die ID steht in der Adresszeile der Seite der Person, z. B. /mediators/…
privacy-held = Gespeicherte Daten
privacy-json = Als JSON herunterladen (für die Person)
privacy-erase = Löschen (Art. 17)
privacy-erase-hint = Name, Kontaktdaten, Notizen, Anmeldungen, E-Mails und Protokolldetails werden überall gelöscht. Ausgestellte Rechnungen und Abrechnungen bleiben 10 Jahre (§ 147 AO) und sind dann gesperrt.
privacy-reason = Grund (z. B. Antrag der Person vom …)
privacy-confirm = Ich habe geprüft, dass diese Person gelöscht werden soll. Das lässt sich nicht rückgängig machen.
privacy-erase-button = Endgültig löschen
flash-erased = Gelöscht. Das Protokoll hält die Löschung fest, nicht die gelöschten Daten.
error-nothing-held = Über diese Person ist nichts gespeichert.
error-invalid-subject = Wählen Sie die Art und geben Sie eine gültige ID, Kennung oder E-Mail-Adresse ein.
error-confirm-erase = Bitte bestätigen Sie die Löschung.
records-title = Verzeichnis der Verarbeitungstätigkeiten (Art. 30)
records-intro = Aus den Einstellungen dieses Zentrums erzeugt; ändert sich mit ihnen.
records-controller = Verantwortlich
records-data = Datenkategorien
records-purpose = Zweck
records-basis = Rechtsgrundlage
records-recipients = Empfänger
records-retention = Löschfristen
records-measures = Technische und organisatorische Maßnahmen
records-days = { $days } Tage
records-mediation = Sprachmittlung
records-mediation-data = Pseudonyme Klient:innen-Kennung, Sprache, Termin, Ort, Notizen (können Gesundheit oder Aufenthalt betreffen, Art. 9)
records-mediation-purpose = Vermittlung von Sprachmittler:innen an Einrichtungen
records-mediation-basis = Art. 6 Abs. 1 lit. e, Art. 9 Abs. 2 lit. g DSGVO mit dem Teilhabe- und Integrationsgesetz NRW
records-to-institutions = die anfragende Einrichtung
records-to-mediators = eingeladene und eingesetzte Sprachmittler:innen (Notizen nur nach Zusage)
records-to-sms = SMS-Dienst der Stadt (Erinnerungen an Klient:innen)
records-pool = Pool der Sprachmittler:innen
records-pool-data = Name, E-Mail, Telefon, Sprachen, Wohnort (Koordinaten), Verfügbarkeit, Qualifizierung
records-pool-purpose = Einsatzplanung, Kontakt, Abrechnung der Aufwandsentschädigung
records-pool-basis = Art. 6 Abs. 1 lit. b DSGVO (Vereinbarung über die Mitwirkung)
records-pool-retention = bis zur Löschung auf Wunsch; Abrechnungen 10 Jahre
records-to-institutions-assigned = die Einrichtung eines zugesagten Termins (Name)
records-catalogue = Angebotskatalog und Anmeldungen
records-catalogue-data = Name, E-Mail, Zahl und Alter der Kinder, Einwilligungen
records-catalogue-purpose = Teilnahme an Angeboten, Nachrichten zum Angebot
records-catalogue-basis = Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)
records-to-providers = der Träger des Angebots
records-billing = Abrechnung
records-billing-data = Rechnungsanschrift der Einrichtung, Einsätze, Stunden, Fahrtkosten; Abrechnungen der Sprachmittler:innen
records-billing-purpose = Rechnungen an Einrichtungen, Aufwandsentschädigungen
records-billing-basis = Art. 6 Abs. 1 lit. c DSGVO mit § 147 AO
records-billing-retention = 10 Jahre, danach gesperrt
records-accounts = Benutzerkonten und Protokoll
records-accounts-data = Name, E-Mail, Rolle, Anmeldungen, Netzadresse, wer wann welche Daten gelesen oder geändert hat
records-accounts-purpose = Zugang, Nachvollziehbarkeit, Sicherheit
records-accounts-basis = Art. 6 Abs. 1 lit. c und e, Art. 32 DSGVO
records-to-nobody = niemand außerhalb des Zentrums
records-to-sso = Anmeldedienst { $issuer }
records-measure-1 = Notizen, Klient:innen-Kennungen, Telefonnummern, Erinnerungskontakte und E-Mail-Texte verschlüsselt (AES-256-GCM); der Schlüssel liegt außerhalb der Datenbank
records-measure-2 = Jedes Lesen personenbezogener Daten protokolliert; das Protokoll ist eine Hash-Kette (manipulationssicher prüfbar)
records-measure-3 = Rollen mit geringsten Rechten; Sprachmittler:innen sehen Notizen erst nach Zusage
records-measure-4 = Anmeldung mit Passwortregeln, zweitem Faktor oder Passkey; Sitzungen laufen ab
records-measure-5 = Datenbank- und Schlüsseldateien nur für den Dienst lesbar; Sicherungen mit Prüfsumme und optional verschlüsselt (age)
records-measure-6 = Auskunft und Löschung je Person auf dieser Seite; Löschfristen wendet Mittler selbst an
records-measure-mail = Nicht zustellbare E-Mails nach { $days } Tagen gelöscht
privacy-section-mediator = Profil
privacy-section-assignments = Einsätze
privacy-section-invitations = Einladungen
privacy-section-statements_kept_by_law = Abrechnungen (gesetzlich aufzubewahren)
privacy-section-requests = Anfragen
privacy-section-registrations = Anmeldungen
privacy-section-accounts = Benutzerkonten
privacy-section-activity = Tätigkeit im System
privacy-section-mails = E-Mails
privacy-section-read_by = Wer die Daten gelesen hat
privacy-field-id = ID
privacy-field-name = Name
privacy-field-email = E-Mail
privacy-field-phone = Telefon
privacy-field-gender = Geschlecht
privacy-field-languages = Sprachen
privacy-field-sectors = Bereiche
privacy-field-home = Wohnort
privacy-field-remote = Auch per Telefon/Video
privacy-field-availability = Verfügbarkeit
privacy-field-absences = Abwesenheiten
privacy-field-qualified_on = Qualifiziert am
privacy-field-pledge_signed_on = Verpflichtung unterschrieben am
privacy-field-active = Aktiv
privacy-field-request = Anfrage
privacy-field-start = Beginn
privacy-field-language = Sprache
privacy-field-status = Status
privacy-field-sent_at = Gesendet
privacy-field-duration_min = Dauer (Min.)
privacy-field-sector = Bereich
privacy-field-mode = Art
privacy-field-client_ref = Klient:innen-Kennung
privacy-field-notes = Notizen
privacy-field-institution_id = Einrichtung
privacy-field-mediator_id = Sprachmittler:in
privacy-field-history = Verlauf
privacy-field-reminder = Erinnerung
privacy-field-offer = Angebot
privacy-field-persons = Personen
privacy-field-children = Kinder
privacy-field-lang = Sprache der Oberfläche
privacy-field-registered_at = Angemeldet am
privacy-field-role = Rolle
privacy-field-at = Zeitpunkt
privacy-field-action = Aktion
privacy-field-object = Objekt
privacy-field-object_id = Objekt-ID
privacy-field-subject = Betreff
privacy-field-queued_at = Erstellt
privacy-field-who = Wer
requests-more = Weitere Anfragen
requests-first-shown = Die ersten { $count } Anfragen ab hier; mit den Filtern eingrenzen oder weiterblättern.
