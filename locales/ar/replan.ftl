# تخطيط اليوم: الحد الأدنى وإعادة تخطيط يوم بدأ.
event-replan = أعيد التخطيط
mail-replanned-subject = لم تعد ضمن الخطة: { $language }، { $when }
mail-replanned-body =
    مرحبًا،

    أعاد فريق التنسيق تخطيط اليوم. سيتولى شخص آخر مهمة { $language } في { $when } ({ $institution })؛ لا داعي لحضورك.
    الطلب: { $link }
plan-summary-optimal = ثبت أن هذه الخطة هي الأفضل الممكنة.
plan-summary-bound = تبعد هذه الخطة عن الأفضل الممكنة { $pct } ٪ على الأكثر.
plan-summary-replan = أعيد التخطيط. مواعيد مؤكدة تبقى: { $kept }؛ مواعيد تنتقل: { $moved }.
plan-row-stays = يبقى كما أُكّد
plan-row-moves = ينتقل من { $from }
plan-replan-title = هل تغيّب أحد؟
plan-replan-hint = أعد تخطيط اليوم: تبقى المواعيد التي بدأت؛ ولا تنتقل المواعيد المؤكدة إلا عند الضرورة. لا تُرسل الدعوات إلا للتغييرات.
plan-replan-without = متغيّب اليوم
plan-replan-submit = أعد تخطيط اليوم
error-unknown-mediator = لا يوجد وسيط لغوي بهذا المعرّف هنا.
