# Planning the day: the bound, and planning a started day anew.
event-replan = re-planned
mail-replanned-subject = No longer planned: { $language }, { $when }
mail-replanned-body =
    Hello,

    the coordination has planned the day anew. Someone else takes the assignment { $language } on { $when } ({ $institution }); you need not come.
    Request: { $link }
plan-summary-optimal = This plan is proven to be the best possible.
plan-summary-bound = This plan is at most { $pct } % from the best possible.
plan-summary-replan = Re-planned: { $kept ->
    [one] one confirmed appointment stays
   *[other] { $kept } confirmed appointments stay
}, { $moved ->
    [0] none moves
    [one] one moves
   *[other] { $moved } move
}.
plan-row-stays = stays as confirmed
plan-row-moves = moves from { $from }
plan-replan-title = Someone is out?
plan-replan-hint = Plan the day anew: appointments already begun stay; confirmed ones move only where they must. Invitations go out only for the changes.
plan-replan-without = Out today
plan-replan-submit = Plan the day anew
error-unknown-mediator = There is no such mediator here.
