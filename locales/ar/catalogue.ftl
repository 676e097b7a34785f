# دليل العروض العام، والتسجيلات، وأدوات الجهات المقدِّمة.

cat-title = العروض
cat-count = { $count ->
    [0] لم يُعثر على أي عرض
    [one] عرض واحد
    [two] عرضان
    [few] { $count } عروض
    [many] { $count } عرضًا
   *[other] { $count } عرض
}
cat-search = بحث
cat-search-placeholder = مثلًا: دورة سباحة، كرة قدم، مقهى لغوي
cat-filter = إظهار
cat-more-filters = المزيد من خيارات التصفية
cat-category = النوع
cat-any = الكل
cat-target = الفئة المستهدفة
cat-age = العمر
cat-spoken = اللغات المستخدمة
cat-district = الحي
cat-from = من تاريخ
cat-to = إلى تاريخ
cat-only-free = العروض المجانية فقط
cat-in-german = لم يُترجم بعد: النص باللغة الألمانية
cat-outdated = قد لا تكون هذه الترجمة محدَّثة؛ النص الألماني هو المعتمد.
cat-when = متى
cat-where = أين
cat-for = لمن
cat-cost = التكلفة
cat-seats = الأماكن
cat-pages = الصفحات
cat-prev = الصفحة السابقة
cat-next = الصفحة التالية
cat-open-data = جميع العروض كبيانات مفتوحة (JSON)
cat-back = العودة إلى جميع العروض
cat-accessibility = إمكانية الوصول
cat-provider = الجهة المقدِّمة
cat-sessions = المواعيد
cat-calendar = إضافة المواعيد إلى التقويم (iCalendar)
cat-register = التسجيل
reg-check-fields = لم يُرسَل التسجيل بعد. يُرجى التحقق من:
cat-register-waitlist = جميع الأماكن محجوزة. عند التسجيل تُضافون إلى قائمة الانتظار، وتحصلون على مكان فور توفّره.
cat-ages-range = من { $min } إلى { $max } سنة
cat-ages-from = من عمر { $min } سنة
cat-ages-to = حتى عمر { $max } سنة
cat-ages-all = جميع الأعمار
cat-when-series = ابتداءً من { $first }، عدد المواعيد: { $count }
cat-no-registration = دون تسجيل، يمكن الحضور مباشرة
cat-full = محجوز بالكامل – قائمة انتظار
cat-lottery = عدد الأماكن: { $seats }، والقرعة في { $at }
cat-seats-left = { $seats ->
    [zero] لم يبقَ أي مكان
    [one] بقي مكان واحد
    [two] بقي مكانان
    [few] بقي { $seats } أماكن
    [many] بقي { $seats } مكانًا
   *[other] بقي { $seats } مكان
}
cat-free = مجاني
cat-check-mail = يُرجى تأكيد تسجيلكم
cat-check-mail-text = أرسلنا رسالة بريد إلكتروني إلى { $email }. لا يصبح تسجيلكم في «{ $title }» ساريًا إلا بعد فتح الرابط الوارد فيها والتأكيد.

offer-cat-sport = رياضة
offer-cat-swimming = سباحة
offer-cat-play = لعب وحركة
offer-cat-language = لغة
offer-cat-counselling = استشارات
offer-cat-school = مدرسة
offer-cat-culture = ثقافة
offer-cat-professionals = تدريب للمختصين
offer-cat-meeting = لقاء وتعارف
target-children = الأطفال
target-youth = الشباب واليافعون
target-adults = البالغون
target-families = العائلات
target-women = النساء
target-seniors = كبار السن
target-professionals = المختصون
target-newly_arrived = الأطفال والعائلات الواصلون حديثًا

reg-name = الاسم
reg-name-hint = يكفي الاسم الأول.
reg-email = البريد الإلكتروني
reg-children = الأطفال الذين تسجّلونهم
reg-children-hint = يُرجى إدخال عمر كل طفل. يحصل الإخوة على أماكن معًا أو يُضافون إلى قائمة الانتظار معًا.
reg-child-age = عمر الطفل { $n }
reg-persons = عدد الأشخاص
reg-group = هل تنتمي عائلتكم إلى هذه الفئة؟
reg-group-none = لا / دون إجابة
reg-group-hint = تُخصَّص لهذه الفئة أماكن في القرعة.
reg-consents = الموافقات
consent-participation = أرغب في المشاركة، ويجوز استخدام بياناتي لهذا الغرض (مطلوب).
consent-photos = يجوز استخدام الصور التي نظهر فيها لأغراض العلاقات العامة (اختياري).
consent-share_contact = يجوز تسليم بيانات الاتصال الخاصة بي إلى الجهة المقدِّمة لتتمكن من التواصل معي مباشرة (اختياري).
reg-consents-hint = يمكنكم سحب أي موافقة في أي وقت عبر الرابط الوارد في رسالة البريد الإلكتروني. تُحذف بياناتكم بعد انتهاء العرض.
reg-submit = إرسال التسجيل
reg-status-pending = لم يُؤكَّد بعد
reg-status-confirmed = لديكم مكان
reg-status-waitlisted = في قائمة الانتظار
reg-status-entered = ضمن القرعة
reg-status-cancelled = ملغى
reg-waitlisted-at = في قائمة الانتظار، الترتيب { $position }
reg-confirm-title = تأكيد التسجيل
reg-manage-title = تسجيلكم
reg-child = الطفل { $n } (العمر: { $age })
reg-now-confirmed = شكرًا! تم تأكيد تسجيلكم، ولديكم مكان.
reg-now-waitlisted = شكرًا! جميع الأماكن محجوزة؛ ترتيبكم { $position } في قائمة الانتظار. سنراسلكم فور حصولكم على مكان.
reg-now-entered = شكرًا! أنتم الآن ضمن القرعة. سنرسل إليكم النتيجة.
reg-now-cancelled = تم إلغاء تسجيلكم.
reg-child-cancelled = تم إلغاء تسجيل الطفل، ويحتفظ الآخرون بأماكنهم.
reg-consent-revoked = تم سحب الموافقة.
reg-offer = العرض
reg-status = الحالة
reg-confirm-button = نعم، أؤكد التسجيل
reg-cancel-child = إلغاء تسجيل طفل واحد
reg-cancel-this-child = إلغاء تسجيل هذا الطفل
reg-cancel-all = إلغاء التسجيل بالكامل
reg-revoke = سحب
reg-not-given = غير ممنوحة

mail-reg-confirm-subject = يُرجى التأكيد: { $title }
mail-reg-confirm-body = مرحبًا { $name }،

    لقد سجّلتم في «{ $title }» (عدد الأشخاص: { $persons })، البداية { $when }، { $place }.
    يُرجى تأكيد تسجيلكم عبر هذا الرابط:
    { $confirm }

    لإلغاء التسجيل أو سحب الموافقات:
    { $cancel }

    إذا لم تقوموا بالتسجيل، فلا حاجة إلى فعل أي شيء.
mail-reg-confirmed-subject = مكانكم: { $title }
mail-reg-confirmed-body = تم تأكيد تسجيلكم في «{ $title }». البداية { $when }، { $place }.

    إذا لم تتمكنوا من الحضور، يُرجى إلغاء التسجيل ليحصل شخص من قائمة الانتظار على المكان:
    { $cancel }
mail-reg-waitlisted-subject = قائمة الانتظار: { $title }
mail-reg-waitlisted-body = جميع الأماكن في «{ $title }» محجوزة. ترتيبكم { $position } في قائمة الانتظار. سنراسلكم فور توفّر مكان.

    إلغاء التسجيل: { $cancel }
mail-reg-entered-subject = القرعة: { $title }
mail-reg-entered-body = تم تأكيد تسجيلكم في «{ $title }». ستُوزَّع الأماكن بالقرعة في { $lottery }، وسنرسل إليكم النتيجة.

    إلغاء التسجيل: { $cancel }
mail-reg-cancelled-subject = تم الإلغاء: { $title }
mail-reg-cancelled-body = تم إلغاء تسجيلكم في «{ $title }».
mail-reg-promoted-subject = توفّر مكان: { $title }
mail-reg-promoted-body = خبر سار: توفّر مكان في «{ $title }»، وانتقلتم من قائمة الانتظار إليه. البداية { $when }، { $place }.

    إذا لم تعودوا قادرين على الحضور، يُرجى إلغاء التسجيل عبر الرابط الوارد في رسالتكم الأولى.
mail-reg-won-subject = لديكم مكان: { $title }
mail-reg-won-body = أُجريت القرعة في «{ $title }»: لديكم مكان. البداية { $when }، { $place }.
mail-reg-lost-subject = قائمة الانتظار: { $title }
mail-reg-lost-body = أُجريت القرعة في «{ $title }». للأسف لم تحصلوا على مكان هذه المرة؛ ترتيبكم { $position } في قائمة الانتظار، وستحصلون على مكان فور توفّره.

csv-status = الحالة
csv-name = الاسم
csv-email = البريد الإلكتروني
csv-persons = الأشخاص
csv-ages = أعمار الأطفال
csv-language = اللغة
csv-group = الفئة
csv-photos = الصور مسموح بها
csv-share-contact = تسليم بيانات الاتصال مسموح به
csv-registered = تاريخ التسجيل
csv-yes = نعم
csv-no = لا
csv-present = حاضر
csv-absent = غائب

error-age-out-of-range = هذا العمر لا يناسب العرض.
error-children-mismatch = العدد لا يطابق الأطفال المذكورين.
error-more-than-capacity = عدد الأشخاص أكبر من عدد الأماكن في العرض.
error-consent-required = لا يمكن التسجيل دون هذه الموافقة.
error-after-start = يجب أن تُجرى القرعة قبل الموعد الأول.
error-lottery-only = لا يمكن تخصيص أماكن لفئة معينة إلا في حال القرعة.
error-end-before-start = يجب أن تكون النهاية بعد البداية.

nav-offers = العروض
nav-offers-hint = تحديث عروض الجهات المقدِّمة ومراجعتها ونشرها؛ التسجيلات والحضور
nav-providers = الجهات المقدِّمة
offer-status-draft = مسودة
offer-status-in_review = قيد المراجعة
offer-status-published = منشور
offer-status-archived = مؤرشف
offer-new = عرض جديد
offer-edit = تعديل العرض
offer-title = العنوان
offer-status = الحالة
offer-capacity = الأماكن
offer-outdated = ترجمة قديمة
offer-actions = الإجراءات
offer-registrations = التسجيلات
offer-publish = نشر
offer-submit = إرسال للمراجعة
offer-return = إعادة إلى الجهة المقدِّمة
offer-archive = أرشفة
offer-review-note = ملاحظة المراجعة
offer-texts = العنوان والوصف
offer-texts-hint = النص الألماني إلزامي. الترجمات اختيارية؛ وعند تغيير النص الألماني تُوسم بأنها قديمة حتى يتم تحديثها.
offer-description = الوصف
offer-what = ماذا ولمن
offer-age-min = العمر من
offer-age-max = العمر حتى
offer-languages-hint = رموز ISO 639-3 مفصولة بفواصل (,)، مثلًا deu, ara, ukr
offer-schedule-kind = نوع المواعيد
offer-kind-dates = مواعيد منفردة
offer-kind-weekly = أسبوعيًا خلال فترة محددة
offer-kind-block = كل يوم عمل خلال فترة من العطلة المدرسية
offer-dates = مواعيد منفردة
offer-dates-hint = موعد واحد في كل سطر: 2027-07-06 10:00-11:30
offer-weekdays = أيام الأسبوع
offer-start-time = البداية
offer-end-time = النهاية
offer-except = الاستثناءات (العطلات): تواريخ مفصولة بفواصل (,)
offer-cost = التكلفة باليورو (فارغ = مجاني)
offer-cost-note = ملاحظة حول التكلفة
offer-registration = التسجيل
offer-reg-none = دون تسجيل
offer-reg-first-come = حسب ترتيب التأكيد، ثم قائمة انتظار
offer-reg-lottery = قرعة في موعد نهائي محدد
offer-lottery-at = موعد القرعة
offer-quota = الأماكن المخصصة لكل فئة في القرعة
offer-weekends = فترة العطلة تشمل عطلات نهاية الأسبوع أيضًا
error-offer-changed = عدّل شخص آخر العرض في هذه الأثناء. يُرجى إعادة تحميله؛ ما أدخلتموه موجود أدناه.
error-has-attendance = سُجّل الحضور لموعد سيُحذف أو يُنقل؛ يجب أن يبقى هذا الموعد.
error-below-taken = عدد الأماكن المحجوزة بالفعل أكبر من ذلك؛ لا يمكن تقليله.
error-has-registrations = لم يعد من الممكن تغيير نوع التسجيل، لأن هناك تسجيلات بالفعل.
offer-workflow = المراجعة والنشر
offer-taken = الأماكن المحجوزة
offer-export = تنزيل بصيغة CSV لبرنامج Excel
offer-save-attendance = حفظ الحضور
offer-message = رسالة إلى جميع المسجّلين
offer-message-hint = يتلقى كل شخص الرسالة بلغته إذا كتبتموها بتلك اللغة، وإلا فباللغة الألمانية.
offer-subject = الموضوع
offer-body = النص
offer-send = إرسال
offer-message-sent = أُرسلت الرسالة إلى التسجيلات (العدد: { $count }).
user-provider = الجهة المقدِّمة (لحسابات الجهات المقدِّمة)
provider-name = اسم الجهة المقدِّمة
provider-add = إضافة جهة مقدِّمة
