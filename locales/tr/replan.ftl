# Günün planı: alt sınır ve başlamış bir günün yeniden planlanması.
event-replan = yeniden planlandı
mail-replanned-subject = Artık planda değilsiniz: { $language }, { $when }
mail-replanned-body =
    Merhaba,

    koordinasyon günü yeniden planladı. { $when } tarihindeki { $language } görevini ({ $institution }) başka biri üstleniyor; gelmenize gerek yok.
    Talep: { $link }
plan-summary-optimal = Bu planın mümkün olan en iyi plan olduğu kanıtlandı.
plan-summary-bound = Bu plan, mümkün olan en iyi plandan en fazla % { $pct } uzakta.
plan-summary-replan = Yeniden planlandı: { $kept } onaylı randevu kalıyor, { $moved } randevu el değiştiriyor.
plan-row-stays = onaylandığı gibi kalıyor
plan-row-moves = { $from } kişisinden geçiyor
plan-replan-title = Biri gelemiyor mu?
plan-replan-hint = Günü yeniden planlayın: başlamış randevular kalır; onaylı randevular yalnızca gerektiğinde değişir. Davetler yalnızca değişiklikler için gönderilir.
plan-replan-without = Bugün yok
plan-replan-submit = Günü yeniden planla
error-unknown-mediator = Burada böyle bir dil aracısı yok.
