# وساطة لغوية فورية: مكالمات عبر الفيديو أو الهاتف، والمناوبة، والبديل عندما يتعذّر الحضور.

nav-calls = وساطة لغوية فورية
nav-calls-hint = وسيط لغوي عبر الفيديو أو الهاتف خلال دقائق
nav-on-call = المناوبة
nav-on-call-hint = استقبال المكالمات الآن، والمكالمات التي ترنّ، وأوقات المناوبة الأسبوعية
calls-title = وساطة لغوية فورية
calls-intro = يُبلَّغ فورًا كل من هو في المناوبة ويتحدث اللغة. لا يُسجَّل أي شيء من المحادثة.
call-title = مكالمة
call-start = بدء مكالمة
call-mode = الطريقة
call-client-hint = اسم مستعار مثل K-2026-0042، وليس اسمًا حقيقيًا أبدًا (اختياري).
call-callback = رقم ليعاود الوسيط اللغوي الاتصال عليه (المكالمات الهاتفية)
call-callback-hint = اتركوه فارغًا لاستخدام رقم مؤسستكم.
call-start-button = اتصل الآن
call-nobody = لا يوجد الآن أحد في المناوبة يمكنه استقبال هذه المكالمة.
call-nobody-book = حجز موعد بدلًا من ذلك
call-on-call-now = في المناوبة الآن
call-on-call-none = لا يوجد أحد في المناوبة الآن.
call-on-call-until = { $name } حتى { $until }
call-in-call = في مكالمة
call-recent = المكالمات الأخيرة
call-recent-none = لا توجد مكالمات بعد.
call-status-ringing = جارٍ الرنين …
call-status-connected = متصل
call-status-missed = لم يُجب أحد
call-status-ended = انتهت
call-status-nobody = لم يكن أحد في المناوبة
call-started = البداية
call-mediator = الوسيط اللغوي
call-duration = المدة
call-duration-value = { $minutes }:{ $seconds } دقيقة
call-ringing-told = { $count ->
    [zero] لم يُبلَّغ أي وسيط لغوي؛ يستمر الرنين حتى { $until }.
    [one] أُبلغ وسيط لغوي واحد؛ يستمر الرنين حتى { $until }.
    [two] أُبلغ وسيطان لغويان؛ يستمر الرنين حتى { $until }.
    [few] أُبلغ { $count } وسطاء لغويين؛ يستمر الرنين حتى { $until }.
    [many] أُبلغ { $count } وسيطًا لغويًا؛ يستمر الرنين حتى { $until }.
   *[other] أُبلغ { $count } وسيط لغوي؛ يستمر الرنين حتى { $until }.
}
call-phone-mediator = اتصلوا بالمؤسسة الآن:
call-phone-caller = سيتصل بكم الوسيط اللغوي الآن على الرقم
call-remote-video = فيديو الطرف الآخر
call-local-video = الفيديو الخاص بكم
call-connecting = جارٍ توصيل الفيديو …
call-live = متصل: ترون وتسمعون بعضكم بعضًا.
call-media-failed = تعذّر توصيل الفيديو. اسمحوا باستخدام الكاميرا والميكروفون، أو أنهوا المكالمة واتصلوا عبر الهاتف.
call-mute = كتم الميكروفون
call-camera-off = إيقاف الكاميرا
call-end = إنهاء المكالمة
call-cancel = إيقاف الرنين
call-request-link = الموعد المحجوز بدلًا من المكالمة
call-record-link = سجلّ هذه المكالمة (تُحتسب بالدقائق)
call-missed-next = ماذا الآن؟
call-ring-again = متابعة الرنين
call-book-later = أو احجزوا موعدًا
call-book-video = عبر الفيديو، لاحقًا
call-book-onsite = حضوريًا، مع حضور وسيط لغوي
call-book-place = المكان (للموعد الحضوري)
call-book = حجز
call-accept = الرد على المكالمة
call-push-title = مكالمة: { $language }
call-push-body = { $institution } · { $mode } · الآن
oncall-title = المناوبة
oncall-not-remote = لستم مسجَّلين للعمل عبر الهاتف والفيديو. اسألوا جهة التنسيق إذا كنتم ترغبون في استقبال المكالمات.
oncall-state = الآن
oncall-on-until = في المناوبة حتى { $until }
oncall-off = لستم في المناوبة.
oncall-until = المناوبة حتى (الساعة اليوم)
oncall-go-on = بدء المناوبة
oncall-go-off = إنهاء المناوبة
oncall-ringing = المكالمات التي ترنّ
oncall-ringing-none = لا توجد مكالمة ترنّ لكم الآن.
oncall-rings-until = يستمر الرنين حتى
oncall-push = الإشعارات على هذا الهاتف
oncall-push-hint = عند تفعيل الإشعارات يرنّ هذا الهاتف حتى عندما تكون هذه الصفحة مغلقة (إذا أُضيف Mittler إلى الشاشة الرئيسية).
oncall-push-on = تفعيل الإشعارات
oncall-push-off = إيقاف الإشعارات على جميع الأجهزة
oncall-push-on-devices = الإشعارات مفعّلة على جهاز واحد على الأقل.
oncall-push-done = الإشعارات مفعّلة على هذا الهاتف.
oncall-push-failed = تعذّر تفعيل الإشعارات (غير مسموح بها، أو أن المتصفح لا يدعمها).
oncall-plan = أوقات المناوبة الأسبوعية
oncall-plan-hint = في هذه الأوقات تكونون في المناوبة دون أن تفعلوا شيئًا. «إنهاء المناوبة» ينهي الفترة الحالية فقط.
oncall-plan-save = حفظ أوقات المناوبة
flash-on-call = أنتم الآن في المناوبة.
flash-off-call = انتهت مناوبتكم.
flash-not-remote = لا يستطيع المناوبة إلا الوسطاء اللغويون الذين يعملون عبر الهاتف والفيديو.
flash-plan-saved = تم حفظ أوقات المناوبة.
flash-call-taken = ردّ شخص آخر على المكالمة أولًا، أو توقف رنينها.
flash-push-off = الإشعارات متوقفة على جميع أجهزتكم.
flash-booked-instead = تم الحجز بدلًا من المكالمة.
flash-converted = أصبح الطلب الآن موعدًا عبر الفيديو؛ والمرشحون هم المرشحون للفيديو.
flash-not-converted = تعذّر تحويل الطلب (تم تأكيد أحد الوسطاء، أو أن الطلب تغيّر).
event-convert = التحويل إلى الهاتف/الفيديو
event-call = تمّت كمكالمة
error-too-far = 24 ساعة مقدمًا كحد أقصى.
settings-call-answer = عدد الثواني التي ترنّ فيها المكالمة قبل أن تُعدّ فائتة
settings-video-fallback = عدد الساعات قبل الموعد الحضوري التي يُعرض ابتداءً منها الفيديو بديلًا إذا لم يؤكّد أحد
fallback-title = لا يستطيع أحد الحضور
fallback-nobody = لا يستطيع أي وسيط لغوي الحضور إلى هذا الموعد.
fallback-cut-off = الموعد قريب ولم يؤكّد أحد بعد.
fallback-video-candidates = { $count ->
    [zero] لا يستطيع أي وسيط لغوي تولّيه عبر الفيديو.
    [one] يستطيع وسيط لغوي واحد تولّيه عبر الفيديو.
    [two] يستطيع وسيطان لغويان تولّيه عبر الفيديو.
    [few] يستطيع { $count } وسطاء لغويين تولّيه عبر الفيديو.
    [many] يستطيع { $count } وسيطًا لغويًا تولّيه عبر الفيديو.
   *[other] يستطيع { $count } وسيط لغوي تولّيه عبر الفيديو.
}
fallback-convert = عرضه عبر الفيديو بدلًا من ذلك
calls-report-title = المكالمات (وساطة لغوية فورية)
calls-report-calls = المكالمات
calls-report-answered = تم الرد عليها
calls-report-median = وقت الرد (القيمة الوسيطة)
calls-report-p90 = وقت الرد (90 %)
calls-report-missed = فائتة أو لم يكن أحد في المناوبة
calls-report-missed-n = فائتة
calls-report-nobody = لم يكن أحد في المناوبة
calls-report-minutes = الدقائق
calls-report-on-call-hours = ساعات المناوبة
calls-report-by-language = المكالمات وساعات المناوبة حسب اللغة
calls-report-by-hour = المكالمات حسب ساعة اليوم
