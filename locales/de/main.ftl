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

password-title = Passwort ändern
password-old = Bisheriges Passwort
password-new = Neues Passwort
password-confirm = Neues Passwort wiederholen
password-rules = Mindestens 12 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und sicher.
password-submit = Passwort ändern
password-changed = Das Passwort wurde geändert. Alle anderen Sitzungen wurden beendet.

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
institution-category = Art der Einrichtung
institution-details = Angaben
institution-places = Standorte
institution-places-hint = Leere Zeilen werden ignoriert. Eine geleerte Zeile entfernt den Standort.
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
object-user = Benutzerkonto
object-institution = Einrichtung
object-mediator = Sprachmittler:in
pager-newer = Neuere
pager-older = Ältere

error-title = Fehler
error-forbidden = Dazu ist Ihre Rolle nicht berechtigt.
error-not-found = Diese Seite oder dieser Eintrag existiert nicht.
error-conflict = Das passt nicht zum aktuellen Stand. Bitte laden Sie die Seite neu.
error-too-many = Zu viele Versuche. Bitte warten Sie einen Moment.
error-internal = Ein interner Fehler ist aufgetreten. Bitte nennen Sie dem Support diese Kennung
error-csrf = Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und senden Sie es erneut.
error-invalid = Dieser Wert ist ungültig.
error-required = Bitte füllen Sie dieses Feld aus.
error-too-long = Der Text ist zu lang.
error-too-short = Zu kurz: mindestens 12 Zeichen.
error-invalid-email = Bitte geben Sie eine gültige E-Mail-Adresse an.
error-out-of-range = Der Wert liegt außerhalb des erlaubten Bereichs.
error-invalid-number = Bitte geben Sie eine Zahl ein.
error-invalid-time = Bitte geben Sie eine Uhrzeit wie 08:30 an.
error-invalid-date = Bitte geben Sie ein Datum wie 2026-12-24 an.
error-not-after-start = Das Ende muss nach dem Beginn liegen.
error-before-start = Das Ende darf nicht vor dem Beginn liegen.
error-overlaps = Überschneidet sich mit einem anderen Zeitraum am selben Tag.
error-unknown-language = Diese Sprache ist unbekannt. Bitte Namen oder ISO-639-3-Code verwenden.
error-duplicate = Diese Sprache ist schon eingetragen.
error-taken = Diese E-Mail-Adresse wird schon verwendet.
error-mismatch = Die beiden Eingaben stimmen nicht überein.
error-wrong-password = Das bisherige Passwort ist falsch.
error-unknown = Dieser Eintrag existiert nicht.
error-unknown-id = Ein Standort gehört nicht zu dieser Einrichtung.
error-not-allowed = Für diese Rolle nicht vorgesehen.
error-not-allowed-self = Sie können sich nicht selbst sperren oder die Administration entziehen.
error-wrong-type = Falscher Datentyp.
error-cross-site = Anfragen von anderen Websites werden abgelehnt.
error-internal-id = Interner Fehler (Kennung { $id }).
error-too-many-items = Zu viele Einträge.
