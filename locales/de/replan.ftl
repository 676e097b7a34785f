# Tagesplanung: die Schranke und das Neuplanen eines begonnenen Tages.
event-replan = neu geplant
mail-replanned-subject = Nicht mehr eingeplant: { $language }, { $when }
mail-replanned-body =
    Guten Tag,

    die Koordination hat den Tag neu geplant. Den Einsatz { $language } am { $when } ({ $institution }) übernimmt jemand anderes; Sie müssen nicht kommen.
    Anfrage: { $link }
plan-summary-optimal = Dieser Plan ist nachweislich der bestmögliche.
plan-summary-bound = Dieser Plan ist höchstens { $pct } % vom bestmöglichen entfernt.
plan-summary-replan = Neu geplant: { $kept ->
    [one] ein bestätigter Termin bleibt
   *[other] { $kept } bestätigte Termine bleiben
}, { $moved ->
    [0] keiner wechselt
    [one] einer wechselt
   *[other] { $moved } wechseln
}.
plan-row-stays = bleibt wie bestätigt
plan-row-moves = wechselt von { $from }
plan-replan-title = Jemand fällt aus?
plan-replan-hint = Den Tag neu planen: Begonnene Termine bleiben; bestätigte Termine wechseln nur, wo es nötig ist. Eingeladen wird nur bei Änderungen.
plan-replan-without = Fällt heute aus
plan-replan-submit = Tag neu planen
error-unknown-mediator = Diese Sprachmittlerin oder diesen Sprachmittler gibt es hier nicht.
