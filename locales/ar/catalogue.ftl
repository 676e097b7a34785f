# دليل العروض العام والتسجيل

cat-title = العروض
cat-count = { $count ->
    [0] لم يتم العثور على أي عرض
    [one] عرض واحد
    [two] عرضان
    [few] { $count } عروض
    [many] { $count } عرضًا
   *[other] { $count } عرض
}
cat-search = بحث
cat-search-placeholder = مثلاً: دورة سباحة، كرة قدم، مقهى لغوي
cat-filter = عرض
cat-more-filters = مرشحات إضافية
cat-category = النوع
cat-any = الكل
cat-target = لمن
cat-age = العمر
cat-spoken = اللغات المستخدمة
cat-district = الحي
cat-from = من تاريخ
cat-to = إلى تاريخ
cat-only-free = العروض المجانية فقط
cat-in-german = لم تتم الترجمة بعد: النص باللغة الألمانية
cat-outdated = قد لا تكون هذه الترجمة محدّثة؛ النص الألماني هو المعتمد.
cat-when = متى
cat-where = أين
cat-for = لمن
cat-cost = التكلفة
cat-seats = الأماكن
cat-pages = الصفحات
cat-prev = الصفحة السابقة
cat-next = الصفحة التالية
cat-open-data = كل العروض كبيانات مفتوحة (JSON)
cat-back = العودة إلى كل العروض
cat-accessibility = إمكانية الوصول
cat-provider = الجهة المقدِّمة
cat-sessions = المواعيد
cat-calendar = أضف المواعيد إلى التقويم (iCalendar)
cat-register = التسجيل
cat-register-waitlist = جميع الأماكن محجوزة. إذا سجّلت، تُضاف إلى قائمة الانتظار وتحصل على مكان فور توفره.
cat-ages-range = من { $min } إلى { $max } سنة
cat-ages-from = من عمر { $min } سنة
cat-ages-to = حتى عمر { $max } سنة
cat-ages-all = كل الأعمار
cat-when-series = ابتداءً من { $first }، عدد المواعيد { $count }
cat-no-registration = بدون تسجيل، تعال فقط
cat-full = محجوز بالكامل – قائمة انتظار
cat-lottery = { $seats } أماكن، القرعة في { $at }
cat-seats-left = { $seats ->
    [one] بقي مكان واحد
    [two] بقي مكانان
    [few] بقي { $seats } أماكن
    [many] بقي { $seats } مكانًا
   *[other] بقي { $seats } مكان
}
cat-free = مجاني
cat-check-mail = يرجى تأكيد تسجيلك
cat-check-mail-text = أرسلنا رسالة إلى { $email }. يصبح تسجيلك في «{ $title }» ساريًا بعد فتح الرابط فيها والتأكيد.

offer-cat-sport = رياضة
offer-cat-swimming = سباحة
offer-cat-play = لعب وحركة
offer-cat-language = لغة
offer-cat-counselling = استشارة
offer-cat-school = مدرسة
offer-cat-culture = ثقافة
offer-cat-professionals = تدريب للمختصين
offer-cat-meeting = لقاء وتعارف
target-children = أطفال
target-youth = شباب
target-adults = بالغون
target-families = عائلات
target-women = نساء
target-seniors = كبار السن
target-professionals = مختصون
target-newly_arrived = أطفال وعائلات قادمون حديثًا

reg-name = الاسم
reg-name-hint = يكفي الاسم الأول.
reg-email = البريد الإلكتروني
reg-children = الأطفال الذين تسجّلهم
reg-children-hint = أدخل عمر كل طفل. يحصل الإخوة على مكان معًا أو يُضافون إلى قائمة الانتظار معًا.
reg-child-age = عمر الطفل { $n }
reg-persons = عدد الأشخاص
reg-group = هل تنتمي عائلتك إلى هذه المجموعة؟
reg-group-none = لا / بدون إجابة
reg-group-hint = هناك أماكن محجوزة لهذه المجموعة في القرعة.
reg-consents = الموافقات
consent-participation = أرغب في المشاركة، ويجوز استخدام بياناتي لهذا الغرض (مطلوب).
consent-photos = يجوز استخدام الصور التي نظهر فيها للتعريف بالعروض (اختياري).
consent-share_contact = يجوز إعطاء بيانات الاتصال الخاصة بي للجهة المقدِّمة لتتواصل معي مباشرة (اختياري).
reg-consents-hint = يمكنك سحب أي موافقة في أي وقت عبر الرابط في الرسالة. تُحذف بياناتك بعد انتهاء العرض.
reg-submit = إرسال التسجيل
reg-status-pending = لم يتم التأكيد بعد
reg-status-confirmed = لديك مكان
reg-status-waitlisted = في قائمة الانتظار
reg-status-entered = مشارك في القرعة
reg-status-cancelled = ملغى
reg-waitlisted-at = في قائمة الانتظار، الترتيب { $position }
reg-confirm-title = تأكيد التسجيل
reg-manage-title = تسجيلك
reg-child = الطفل { $n } ({ $age } سنوات)
reg-now-confirmed = شكرًا! تم تأكيد تسجيلك ولديك مكان.
reg-now-waitlisted = شكرًا! جميع الأماكن محجوزة؛ ترتيبك { $position } في قائمة الانتظار. سنكتب لك فور حصولك على مكان.
reg-now-entered = شكرًا! أنت مشارك في القرعة. سنرسل لك النتيجة.
reg-now-cancelled = تم إلغاء تسجيلك.
reg-child-cancelled = تم إلغاء تسجيل الطفل؛ ويحتفظ الآخرون بأماكنهم.
reg-consent-revoked = تم سحب الموافقة.
reg-offer = العرض
reg-status = الحالة
reg-confirm-button = نعم، أؤكد التسجيل
reg-cancel-child = إلغاء تسجيل طفل واحد
reg-cancel-this-child = إلغاء تسجيل هذا الطفل
reg-cancel-all = إلغاء التسجيل بالكامل
reg-revoke = سحب
reg-not-given = غير ممنوحة

mail-reg-confirm-subject = يرجى التأكيد: { $title }
mail-reg-confirm-body = مرحبًا { $name }،

    لقد سجّلت في «{ $title }» (عدد الأشخاص: { $persons })، البداية { $when }، { $place }.
    يرجى تأكيد تسجيلك عبر هذا الرابط:
    { $confirm }

    لإلغاء التسجيل أو سحب الموافقات:
    { $cancel }

    إذا لم تسجّل بنفسك، فلا داعي لفعل أي شيء.
mail-reg-confirmed-subject = مكانك: { $title }
mail-reg-confirmed-body = تم تأكيد تسجيلك في «{ $title }». البداية { $when }، { $place }.

    إذا لم تتمكن من الحضور، يرجى إلغاء التسجيل ليحصل شخص من قائمة الانتظار على المكان:
    { $cancel }
mail-reg-waitlisted-subject = قائمة الانتظار: { $title }
mail-reg-waitlisted-body = جميع الأماكن في «{ $title }» محجوزة. ترتيبك { $position } في قائمة الانتظار. سنكتب لك فور توفر مكان.

    إلغاء التسجيل: { $cancel }
mail-reg-entered-subject = القرعة: { $title }
mail-reg-entered-body = تم تأكيد تسجيلك في «{ $title }». ستُوزَّع الأماكن بالقرعة في { $lottery }، وسنرسل لك النتيجة.

    إلغاء التسجيل: { $cancel }
mail-reg-cancelled-subject = تم الإلغاء: { $title }
mail-reg-cancelled-body = تم إلغاء تسجيلك في «{ $title }».
mail-reg-promoted-subject = توفر مكان: { $title }
mail-reg-promoted-body = خبر سار: توفر مكان في «{ $title }» وقد انتقلت من قائمة الانتظار. البداية { $when }، { $place }.

    إذا لم تعد تستطيع الحضور، يرجى الإلغاء عبر الرابط في رسالتك الأولى.
mail-reg-won-subject = لديك مكان: { $title }
mail-reg-won-body = تمت القرعة في «{ $title }»: لديك مكان. البداية { $when }، { $place }.
mail-reg-lost-subject = قائمة الانتظار: { $title }
mail-reg-lost-body = تمت القرعة في «{ $title }». للأسف لم تحصل على مكان هذه المرة؛ ترتيبك { $position } في قائمة الانتظار.

error-invalid = المدخلات غير صحيحة.
error-invalid-email = عنوان البريد الإلكتروني غير صحيح.
error-age-out-of-range = هذا العمر لا يناسب العرض.
error-children-mismatch = العدد لا يطابق الأطفال المذكورين.
error-more-than-capacity = عدد الأشخاص أكبر من عدد الأماكن.
error-consent-required = لا يمكن التسجيل بدون هذه الموافقة.
error-out-of-range = القيمة خارج النطاق المسموح.
