# Mittler – الواجهة العربية

nav-skip = الانتقال إلى المحتوى
nav-main = التنقل الرئيسي
nav-language = اللغة
nav-home = نظرة عامة
nav-home-hint = العودة إلى النظرة العامة
nav-mediators = الوسطاء اللغويون
nav-mediators-hint = البحث في قائمة الوسطاء، وإضافة الملفات الشخصية وتحديثها
nav-institutions = المؤسسات
nav-institutions-hint = الجهات الطالبة للخدمة ومواقعها
nav-my-institution = مؤسستي
nav-my-institution-hint = بيانات مؤسستكم ومواقعها
nav-my-schedule = أوقات توفّري
nav-my-schedule-hint = تحديث الأوقات الأسبوعية وفترات الغياب باستمرار
nav-users = حسابات المستخدمين
nav-users-hint = إنشاء الحسابات، وتعيين الأدوار، وقفل الحسابات
nav-audit = سجل التدقيق
nav-audit-hint = من غيّر ماذا ومتى
nav-password = كلمة المرور
nav-sign-out = تسجيل الخروج

home-title = نظرة عامة
home-greeting = مرحبًا، { $name }
desk-title = ما ينتظر الإنجاز
desk-unstaffed = دون وسيط لغوي خلال الـ 48 ساعة القادمة
desk-expiring = دعوات تنتهي صلاحيتها خلال 24 ساعة
desk-timesheets = كشوف وقت بانتظار التأكيد
desk-disputes = كشوف وقت مُعترَض عليها
desk-show-all = عرض جميع الطلبات
filter-title = عوامل التصفية
home-invitations = { $count ->
    [0] لا توجد دعوة مفتوحة
    [zero] لا توجد دعوة مفتوحة
    [one] دعوة مفتوحة واحدة – يُرجى الرد
    [two] دعوتان مفتوحتان – يُرجى الرد
    [few] { $count } دعوات مفتوحة – يُرجى الرد
    [many] { $count } دعوة مفتوحة – يُرجى الرد
   *[other] { $count } دعوة مفتوحة – يُرجى الرد
}

role-admin = الإدارة
role-coordinator = التنسيق
role-institution = المؤسسة
role-mediator = الوسيط اللغوي
role-provider = الجهة المقدِّمة
role-state = مستوى الولاية

login-title = تسجيل الدخول
login-email = البريد الإلكتروني
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
login-locked = { $minutes ->
    [zero] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد قليل.
    [one] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد دقيقة واحدة.
    [two] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد دقيقتين.
    [few] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $minutes } دقائق.
    [many] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقة.
   *[other] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقة.
}
login-demo = حسابات العرض التجريبي
login-demo-hint = هذه الحسابات موجودة في الوضع التجريبي فقط. جميع البيانات وهمية.
login-centre = المركز
login-choose-centre = ينتمي هذا العنوان إلى حسابات في عدة مراكز. يرجى اختيار المركز وإدخال كلمة المرور مرة أخرى.
login-code-title = أدخل الرمز
login-code = الرمز من تطبيق المصادقة
login-code-hint = ستة أرقام. بدون هاتفك: أحد رموز الاسترداد الخاصة بك.
login-start-again = البدء من جديد
login-sso = تسجيل الدخول بحساب المدينة
login-sso-submit = المتابعة إلى تسجيل دخول المدينة
login-sso-no-account = لا يوجد حساب لهذا العنوان في هذا المركز. يرجى التواصل مع الإدارة.
login-sso-failed = لم ينجح تسجيل الدخول عبر المدينة. يرجى المحاولة مرة أخرى.
login-sso-unavailable = لا يمكن الوصول إلى تسجيل دخول المدينة الآن. يرجى تسجيل الدخول بكلمة المرور.

password-title = تغيير كلمة المرور
password-old = كلمة المرور الحالية
password-new = كلمة المرور الجديدة
password-confirm = تكرار كلمة المرور الجديدة
password-rules = 12 حرفًا على الأقل. الجملة المكوّنة من عدة كلمات سهلة التذكّر وآمنة.
password-submit = تغيير كلمة المرور
password-changed = تم تغيير كلمة المرور، وأُنهيت جميع الجلسات الأخرى.
password-initial = عيّنت الإدارة كلمة المرور الخاصة بك. يرجى اختيار كلمة مرور خاصة بك الآن.
nav-security = الحساب والأمان
sessions-title = جلساتي
sessions-hint = هنا ترى أين سُجّل الدخول بحسابك: المتصفحات ومفاتيح API. أنهِ ما لا تعرفه، ثم غيّر كلمة المرور.
sessions-kind = النوع
sessions-kind-web = متصفح
sessions-kind-api = مفتاح API
sessions-started = تاريخ الدخول
sessions-last-seen = آخر نشاط
sessions-address = عنوان الشبكة
sessions-end = إنهاء
sessions-this = هذه
sessions-end-others = إنهاء كل الجلسات الأخرى
sessions-ended = تم الإنهاء.
sessions-end-all = إنهاء كل الجلسات
sessions-end-all-hint = هاتف مفقود أو حساب في أيدٍ خاطئة: هنا تنتهي كل جلسات هذا الحساب ومفاتيح API الخاصة به.
two-factor-title = العامل الثاني
two-factor-required = يشترط مركزك عاملاً ثانياً لدورك. يرجى إعداده الآن.
two-factor-intro = مع العامل الثاني يحتاج تسجيل الدخول، إلى جانب كلمة المرور، رمزاً من تطبيق مصادقة على هاتفك (مثل FreeOTP أو Aegis أو Google أو Microsoft Authenticator).
two-factor-start = إعداد
two-factor-step-app = افتح تطبيق المصادقة.
two-factor-step-scan = امسح هذا الرمز:
two-factor-qr-alt = رمز QR لإعداد تطبيق المصادقة
two-factor-secret = بدون كاميرا: اكتب هذا المفتاح:
two-factor-step-code = أدخل الرمز الذي يعرضه التطبيق الآن.
two-factor-confirm = تأكيد
two-factor-codes = رموز الاسترداد الخاصة بك
two-factor-codes-hint = كل رمز يعمل مرة واحدة عند غياب هاتفك. اطبعها أو دوّنها الآن: لن تُعرض إلا هذه المرة.
two-factor-done = تم
two-factor-on = تم إعداد العامل الثاني. رموز الاسترداد غير المستخدمة: { $left }.
two-factor-remove = إزالة العامل الثاني
home-second-factor-warning = الأمان: العامل الثاني ليس إلزامياً بعد للإدارة والتنسيق. يرجى تفعيله في الإعدادات.
passkey-title = مفاتيح المرور
passkey-intro = مفتاح المرور عامل ثانٍ على هاتفك أو حاسوبك أو مفتاح الأمان: بعد كلمة المرور تؤكد ببصمة الإصبع أو الوجه أو الرقم السري.
passkey-name = اسم الجهاز (مثلاً هاتف العمل)
passkey-add = إضافة مفتاح مرور
passkey-use = التأكيد بمفتاح المرور
passkey-remove = إزالة
passkey-added = أضيف
passkey-last-used = آخر استخدام
passkey-failed = لم ينجح ذلك. يرجى المحاولة مرة أخرى أو إدخال الرمز.
passkey-done = أضيف مفتاح المرور.
passkey-unsupported = هذا المتصفح لا يدعم مفاتيح المرور.
passkey-unavailable = تحتاج مفاتيح المرور إلى عنوان باسم (MITTLER_PUBLIC_URL) وليس عنوان IP.
error-passkeys-unavailable = مفاتيح المرور غير مُعدّة في هذا التثبيت.

search-label = بحث
search-submit = بحث
search-include-inactive = إظهار العناصر المعطّلة أيضًا
list-empty = لم يُعثر على أي نتيجة.
list-count = { $count ->
    [zero] لا توجد عناصر
    [one] عنصر واحد
    [two] عنصران
    [few] { $count } عناصر
    [many] { $count } عنصرًا
   *[other] { $count } عنصر
}
status = الحالة
status-active = نشط
status-inactive = معطّل
yes = نعم
no = لا

form-save = حفظ
form-saved = تم الحفظ.
form-choose = يُرجى الاختيار
form-has-errors = يُرجى مراجعة الحقول المميّزة.
form-deactivate = تعطيل
form-activate = إعادة التفعيل

institutions-title = المؤسسات
institution-new = مؤسسة جديدة
institution-new-title = مؤسسة جديدة
institution-edit-title = المؤسسة
institution-name = الاسم
institution-contact = الشخص المسؤول
institution-contact-hint = من يتصل به الوسطاء والعملاء، مثل „السيدة مثال، الغرفة 12“ أو „الاستقبال“.
institution-phone = الهاتف
form-optional = اختياري
form-add-row = إضافة سطر
form-required-hint = الحقول المعلَّمة بـ * مطلوبة.
slip-title = موعدكم
slip-when = متى
slip-where = أين
slip-by-phone = عبر الهاتف: سيتم الاتصال بكم.
slip-by-video = عبر الفيديو: ستصلكم رسالة برابط.
slip-map = الخريطة
slip-mediator = الوسيط اللغوي (الاسم الأول)
slip-bring = يُرجى إحضار
slip-cancel = إذا لم تتمكنوا من الحضور، يُرجى الاتصال
slip-page-title = ورقة الموعد للعميل
slip-page-hint = للشخص الذي يحتاج إلى الوساطة اللغوية: بلغته، للطباعة أو بصيغة PDF. ما تكتبونه تحت «يُرجى إحضار» لا يُحفظ.
slip-language = لغة الورقة
slip-show = عرض الورقة
slip-print = طباعة
slip-pdf = بصيغة PDF
slip-open = ورقة الموعد للعميل
slip-reminder-subject = تذكير: { $title } غدًا
slip-reminder-intro = مرحبًا، نذكّركم بموعدكم غدًا. سيكون معكم وسيط لغوي.
slip-remind-title = تذكير قبل يوم
slip-remind-hint = إذا وافق الشخص، تصله قبل الموعد بيوم رسالة بريد إلكتروني بلغته. يُحذف العنوان عند الإرسال، وفي موعد أقصاه وقت الموعد.
slip-remind-contact = البريد الإلكتروني للشخص
slip-remind-contact-sms = البريد الإلكتروني للشخص أو رقم هاتفه المحمول
error-no-sms = إرسال الرسائل النصية غير مُعَدّ. يُرجى إدخال بريد إلكتروني.
slip-remind-consent = الشخص موافق على التذكير.
slip-remind-save = إعداد التذكير
slip-remind-active = تم إعداد تذكير إلى { $contact }.
slip-remind-delete = حذف التذكير
flash-reminder-saved = تم إعداد التذكير.
flash-reminder-deleted = تم حذف التذكير والعنوان.
error-not-confirmed = تتوفر ورقة الموعد بعد تأكيد وسيط لغوي.
error-invalid-phone = يُرجى إدخال رقم هاتف يتكون من أرقام ومسافات و+ - / ( ) فقط.
institution-category = نوع المؤسسة
institution-details = البيانات
institution-places = المواقع
institution-places-hint = يتم تجاهل الصفوف الفارغة. إفراغ أحد الصفوف يحذف الموقع.
place-geocoded-hint = يمكن ترك خطَّي العرض والطول فارغَين: يحددهما Mittler من العنوان.
place-name = الاسم
place-address = العنوان
place-lat = خط العرض
place-lon = خط الطول

category-authority = جهة حكومية
category-health = الرعاية الصحية
category-school = مدرسة
category-social = الخدمات الاجتماعية والاستشارات
category-court = محكمة
category-other = أخرى

mediators-title = الوسطاء اللغويون
mediator-new = وسيط لغوي جديد
mediator-new-title = وسيط لغوي جديد
mediator-edit-title = الوسيط اللغوي
mediator-search-label = البحث بالاسم أو البريد الإلكتروني أو اللغة أو المجال
mediator-person = البيانات الشخصية
mediator-name = الاسم
mediator-email = البريد الإلكتروني
mediator-phone = الهاتف
mediator-home-place = منطقة السكن (الرمز البريدي أو الحي، لتحديد الإحداثيات)
mediator-gender = الجنس
mediator-languages = اللغات
mediator-languages-hint = يُرجى إدخال اسم اللغة أو رمزها وفق ISO 639-3، مثلًا «Tigrinya» أو «tir».
mediator-language = اللغة
mediator-level = المستوى
mediator-level-required = يُرجى اختيار مستوى إتقان هذه اللغة.
level-choose = – اختيار المستوى –
mediator-sectors = مجالات العمل
mediator-work = العمل
mediator-home-hint = مكان السكن بشكل تقريبي فقط (مقرَّبًا إلى نحو كيلومتر واحد)، لحساب أوقات التنقل.
mediator-home-lat = السكن: خط العرض
mediator-home-lon = السكن: خط الطول
mediator-speed = سرعة التنقل (km/h)
mediator-max-work = الحد الأقصى لدقائق العمل في اليوم
mediator-remote = هاتف/فيديو
mediator-remote-long = قبول المهام عبر الهاتف أو الفيديو أيضًا
mediator-availability = التوفّر الأسبوعي
mediator-availability-hint = الأوقات التي يمكن فيها تنفيذ المهام. يتم تجاهل الصفوف الفارغة.
mediator-absences = فترات الغياب
mediator-absences-hint = الإجازات أو المرض أو أوقات أخرى بلا مهام (شاملةً يومَي البداية والنهاية).
mediator-records = التأهيل والسرية
mediator-qualified-on = تاريخ إتمام التأهيل
mediator-pledge-on = تاريخ توقيع تعهد السرية

gender-f = أنثى
gender-m = ذكر
gender-d = متنوع
level-native = لغة أم
level-fluent = بطلاقة
level-working = كافية للعمل
sector-authority = الجهات الحكومية
sector-medical = الطب
sector-psychotherapy = العلاج النفسي
sector-school = المدرسة
sector-social = الخدمات الاجتماعية
sector-court = المحكمة

weekday = يوم الأسبوع
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
time-from = من
time-to = إلى
date-from = من
date-to = إلى (شاملًا)

schedule-title = أوقات توفّري

users-title = حسابات المستخدمين
user-new = حساب جديد
user-new-title = حساب مستخدم جديد
user-edit-title = حساب المستخدم
user-name = الاسم
user-role = الدور
user-lang = لغة الواجهة
user-institution = المؤسسة (لدور المؤسسة)
user-mediator = الوسيط اللغوي (لدور الوسيط اللغوي)

audit-title = سجل التدقيق
audit-at = الوقت
audit-actor = مَن
audit-action = الإجراء
audit-object = العنصر
audit-detail = التفاصيل
audit-address = العنوان
audit-pages = صفحات سجل التدقيق
audit-sign-in = تسجيل الدخول
audit-sign-in-failed = محاولة دخول فاشلة
audit-sign-out = تسجيل الخروج
audit-password-changed = تغيير كلمة المرور
audit-create = إنشاء
audit-update = تعديل
audit-deactivate = تعطيل
audit-session-ended = أُنهيت الجلسة
audit-second-factor-added = أُضيف عامل ثانٍ
audit-second-factor-removed = أُزيل العامل الثاني
audit-view-denied = رُفض العرض
audit-export = تصدير البيانات (المادة 15)
audit-erase = حُذف (المادة 17)
audit-expire = انتهت المدة وحُذف
audit-object-id = معرّف الكائن
audit-who-saw = كل الإدخالات عن هذا الكائن: من رآه أو غيّره
error-invalid-id = هذا ليس معرّفًا صالحًا (36 حرفًا).
object-request = طلب
object-request-list = قائمة الطلبات
object-mediator-list = قائمة الوسطاء اللغويين
object-user-list = قائمة الحسابات
object-outbox = صندوق الصادر
object-audit-log = سجل التدقيق
object-client = مرجع العميل
object-email = عنوان البريد الإلكتروني
object-retention = مدد الاحتفاظ
object-export = تصدير حماية البيانات
object-user = حساب مستخدم
object-institution = مؤسسة
object-mediator = وسيط لغوي
object-billing-run = إقفال الشهر
object-billing-settings = إعدادات الفوترة
object-credit-note = إشعار دائن
object-offer = عرض
object-offer-lottery = قرعة
object-offer-registrations = التسجيلات
object-offer-retention = مدة الاحتفاظ بالتسجيلات
object-provider = جهة مقدِّمة
object-request-fund = تمويل طلب
object-settings = الإعدادات
audit-view = عرض
audit-filter = تصفية
audit-any = الكل
audit-from = من (يوم)
audit-to = إلى (يوم)
audit-page-of = الصفحة { $page } من { $pages }
date-hint = تاريخ مثل 24.12.2026 أو 24.12.26
audit-field-absences = فترات الغياب
audit-field-active = نشط
audit-field-allowances = التعويضات
audit-field-availability = التوفّر
audit-field-budget_cents = الميزانية (سنت)
audit-field-category = النوع
audit-field-count = العدد
audit-field-days = الأيام
audit-field-discarded = مُستبعَد
audit-field-email = البريد الإلكتروني
audit-field-fund = صندوق التمويل
audit-field-invoice = الفاتورة
audit-field-invoices = الفواتير
audit-field-issued = صادر
audit-field-month = الشهر
audit-field-name = الاسم
audit-field-offer_id = العرض
audit-field-places = المواقع
audit-field-provider_id = الجهة المقدِّمة
audit-field-reason = السبب
audit-field-role = الدور
audit-field-seed = رقم القرعة
audit-field-seller = الجهة المُصدِرة للفواتير
audit-field-statements = كشوف الحساب
audit-field-status = الحالة
audit-field-vat = ضريبة القيمة المضافة
audit-field-was = سابقًا
audit-field-without_tariff = دون تعرفة
audit-field-via = عبر
pager-newer = الأحدث
pager-older = الأقدم

error-title = خطأ
error-invalid-date = يُرجى إدخال تاريخ مثل 24.12.2026.
error-invalid-datetime = يُرجى إدخال التاريخ والوقت، مثل 01.12.2026 09:00.
error-forbidden = لا يسمح دوركم بهذا الإجراء.
error-not-found = هذه الصفحة أو هذا العنصر غير موجود.
error-conflict = يتعارض هذا مع الحالة الحالية. يُرجى إعادة تحميل الصفحة.
error-too-many = محاولات كثيرة جدًا. يُرجى الانتظار قليلًا.
error-internal = حدث خطأ داخلي. يُرجى إبلاغ الدعم الفني بهذا المعرّف
error-csrf = انتهت صلاحية النموذج. يُرجى إعادة تحميل الصفحة وإرساله مرة أخرى.
error-bad-form = وصل النموذج ناقصًا. يُرجى إعادة تحميل الصفحة وإرساله مرة أخرى.
error-bad-link = هذا الرابط غير مكتمل أو غير صحيح. يُرجى الرجوع والمحاولة مرة أخرى.
error-control-characters = يحتوي هذا الحقل على رموز تحكم غير مرئية. يُرجى كتابة النص من جديد.
error-invalid = هذه القيمة غير صالحة.
error-required = هذا الحقل مطلوب.
error-too-long = النص طويل جدًا.
error-too-short = قصير جدًا: 12 حرفًا على الأقل.
error-common-password = كلمة المرور هذه موجودة في قائمة كلمات المرور الشائعة. يرجى اختيار كلمة أخرى.
error-weak-password = كلمة المرور هذه سهلة التخمين. نصيحة: عدة كلمات غير مألوفة متتالية.
error-invalid-email = يُرجى إدخال عنوان بريد إلكتروني صالح.
error-out-of-range = القيمة خارج النطاق المسموح به.
error-invalid-number = يُرجى إدخال رقم.
error-invalid-time = يُرجى إدخال الوقت بصيغة مثل 08:30.
error-not-after-start = يجب أن تكون النهاية بعد البداية.
error-before-start = لا يجوز أن تكون النهاية قبل البداية.
error-overlaps = يتداخل مع فترة أخرى في اليوم نفسه.
error-unknown-language = لغة غير معروفة. يُرجى استخدام اسم اللغة أو رمز ISO 639-3.
error-duplicate = هذه اللغة مدرجة بالفعل.
error-taken = عنوان البريد الإلكتروني هذا مستخدم بالفعل.
error-mismatch = الإدخالان غير متطابقين.
error-wrong-password = كلمة المرور الحالية غير صحيحة.
error-name-link = يرجى كتابة الاسم فقط في سطر واحد، دون روابط أو عناوين.
error-same-password = يجب أن تختلف كلمة المرور الجديدة عن الحالية.
error-wrong-code = هذا الرمز غير صحيح. يرجى إدخال الرمز الحالي من التطبيق.
error-no-enrolment = يرجى بدء الإعداد من جديد.
error-second-factor-required = يشترط مركزك عاملاً ثانياً لدورك.
error-unknown = هذا العنصر غير موجود.
error-unknown-id = أحد المواقع لا يتبع هذه المؤسسة.
error-not-allowed = غير مخصص لهذا الدور.
error-not-allowed-self = لا يمكنكم قفل حسابكم بأنفسكم أو سحب دور الإدارة من أنفسكم.
error-wrong-type = نوع القيمة غير صحيح.
error-cross-site = تُرفض الطلبات الواردة من مواقع إلكترونية أخرى.
error-internal-id = خطأ داخلي (المعرّف { $id }).
error-too-many-items = عدد العناصر كبير جدًا.

## الوساطة اللغوية: الطلبات والدعوات والمهام

nav-requests = الطلبات
nav-requests-hint = الطلبات الواردة حسب اليوم والحالة، والمرشحون، والدعوات
nav-book = طلب وساطة لغوية
nav-book-hint = حجز موعد مع وساطة لغوية
nav-invitations = الدعوات
nav-invitations-hint = قبول الطلبات المفتوحة أو رفضها
nav-assignments = مهامي
nav-assignments-hint = المواعيد وكشوف الوقت
requests-title = الطلبات
request-new = طلب جديد
request-new-title = طلب وساطة لغوية
request-title = الطلب
filter-from = من
filter-to = إلى
filter-any = الكل
filter-submit = تصفية
request-language = اللغة
request-sector = المجال
request-institution = المؤسسة
request-institution-from-place = حسب الموقع
request-start = البداية
request-mediator = الوسيط اللغوي
request-urgent = عاجل
request-where = أين
mode-onsite = حضوريًا
mode-phone = عبر الهاتف
mode-video = عبر الفيديو
request-place = الموقع
request-what = ماذا ومتى
request-duration = المدة (بالدقائق)
request-wishes = التفضيلات
request-gender = جنس الوسيط اللغوي
request-gender-none = لا تفضيل
request-gender-wish-label = مرغوب
request-gender-must-label = إلزامي
request-gender-wish = مرغوب: { $gender }
request-gender-must = إلزامي: { $gender }
priority-1 = عادية
priority-2 = عالية
priority-3 = عاجلة
request-priority = الأولوية
request-client-ref = الرمز المرجعي للمستفيد
request-client-ref-hint = اسم مستعار مثل K-2026-0042، وليس اسمًا حقيقيًا. إذا تُرك الحقل فارغًا، يُنشئ Mittler رمزًا تلقائيًا.
request-notes = ملاحظات
request-notes-warning = يُرجى عدم إدخال بيانات صحية أو تشخيصات أو أسماء، بل ما يلزم للتخطيط فقط.
request-submit = إرسال الطلب
request-cancel-reason = ملغى
request-billable = خاضع للرسوم
timesheet-title = كشف الوقت
timesheet-none = لا يوجد
timesheet-submitted = مُرسَل، بانتظار التأكيد
timesheet-confirmed = مؤكَّد
timesheet-disputed = مُعترَض عليه
timesheet-confirm = تأكيد كشف الوقت
timesheet-dispute-reason = سبب الاعتراض
timesheet-dispute = اعتراض
timesheet-summary = من { $start } إلى { $end }، الانتظار { $waiting } دقيقة، التنقل { $travel } دقيقة، المسافة { $km } km
candidates-title = المرشحون
candidates-none = لا يستطيع أحد تولّي هذا الطلب. الأسباب مذكورة أدناه.
candidates-pick = اختيار
candidates-score = درجة الملاءمة
candidates-travel = وقت التنقل
candidates-week = هذا الأسبوع
candidates-continuity = معرفة سابقة
candidates-why = لماذا
candidates-why-known = يعرف الشخص مسبقًا
candidates-why-travel = { $min } دقيقة للوصول
candidates-why-week = { $hours } ساعة محجوزة هذا الأسبوع
candidates-past-open = سبقت دعوته، ولم يصل الرد بعد
candidates-past-accepted = قبِل الدعوة
candidates-past-declined = رفض الدعوة
candidates-past-expired = لم يرد في الوقت المحدد
candidates-past-withdrawn = سُحبت الدعوة
candidates-past-dropped = انسحب من المهمة
candidates-invite-anyway = الدعوة رغم ذلك
hours = { $n ->
    [zero] { $n } ساعة
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $n } ساعات
    [many] { $n } ساعة
   *[other] { $n } ساعة
}
candidates-excluded = { $count ->
    [zero] لم يُستبعد أحد
    [one] استُبعد شخص واحد
    [two] استُبعد شخصان
    [few] استُبعد { $count } أشخاص
    [many] استُبعد { $count } شخصًا
   *[other] استُبعد { $count } شخص
}
invite-expires = صلاحية الدعوة
invite-submit = دعوة الأشخاص المحدَّدين
assign-label = التعيين مباشرةً (بعد مكالمة هاتفية)
assign-submit = تعيين
invitations-sent = الدعوات
invitation-until = حتى
invitation-open = مفتوحة
invitation-accepted = مقبولة
invitation-declined = مرفوضة
invitation-expired = منتهية الصلاحية
invitation-withdrawn = مسحوبة
cancel-title = إلغاء
cancel-reason = السبب
cancel-hint = قد يخضع الإلغاء من جانب المؤسسة قُبيل الموعد للرسوم.
cancel-submit = إلغاء الطلب
history-title = سجل الأحداث
history-invited = { $count ->
    [zero] لم تتم دعوة أحد
    [one] تمت دعوة شخص واحد
    [two] تمت دعوة شخصين
    [few] تمت دعوة { $count } أشخاص
    [many] تمت دعوة { $count } شخصًا
   *[other] تمت دعوة { $count } شخص
}
history-declined = مرفوضة
history-expired = انتهت مهلة الرد
history-start-passed = حان موعد البدء ولم يقبل أحد
history-moved = الموعد الجديد: { $when }، { $minutes } دقيقة
event-create = الإنشاء
event-invite = إرسال الدعوات
event-invitations_closed = انتهاء الدعوات
event-accept = القبول
event-assign = التعيين
event-drop_out = الانسحاب
event-cancel = الإلغاء
event-complete = الإنجاز
event-start_passed = انقضاء الموعد دون وسيط لغوي
event-timesheet = إرسال كشف الوقت
event-timesheet_disputed = الاعتراض على كشف الوقت
status-open = مفتوح
status-invited = أُرسلت الدعوات
status-confirmed = مؤكَّد
status-completed = منجز
status-cancelled = ملغى
status-unfilled = غير مُغطّى
reason-language = اللغة
reason-sector = المجال
reason-gender = الجنس
reason-remote = لا هاتف/فيديو
reason-availability = غير متاح
reason-absence = غائب
reason-excluded = مستبعد
reason-overlap = محجوز مسبقًا
reason-travel = وقت التنقل غير كافٍ
reason-workload = الحد اليومي
dispatch-unavailable = لا يستطيع هذا الشخص تولّي الطلب: { $reasons }.
flash-invited = أُرسلت الدعوات.
flash-choose-mediator = يُرجى اختيار شخص واحد على الأقل.
flash-assigned = تم التعيين والتأكيد.
flash-cancelled = أُلغي الطلب.
flash-reason-required = يُرجى ذكر السبب.
flash-timesheet-confirmed = تم تأكيد كشف الوقت. اكتملت المهمة.
flash-timesheet-disputed = تم الاعتراض على كشف الوقت.
flash-accepted = تم القبول. أُضيفت المهمة إلى تقويمكم.
flash-accepted-listed = تم القبول. تظهر المهمة أدناه ضمن مهامكم القادمة. لرؤيتها في تقويمكم الخاص يمكنكم الاشتراك في التقويم.
flash-confirm-no-conflict = يُرجى تأكيد عدم وجود تضارب في المصالح.
flash-too-late = تولّى شخص آخر هذا الطلب أو أنه تغيّر.
flash-declined = تم الرفض.
flash-timesheet-sent = تم إرسال كشف الوقت.
flash-timesheet-invalid = يُرجى التحقق من البداية والنهاية والدقائق.
flash-dropped-out = تم انسحابكم من المهمة. يبحث فريق التنسيق عن بديل.
invitations-title = الدعوات
invitations-none = لا توجد دعوات مفتوحة حاليًا.
invitation-known-client = سبق لكم مرافقة هذا الشخص.
invitation-no-conflict = لا تربطني بهذا الشخص معرفة شخصية، ولا يوجد تضارب في المصالح.
invitation-accept = قبول
invitation-decline = رفض
invitation-answer-by = الرد قبل
minutes = { $n } دقيقة
map-link = الخريطة
decline-why = لماذا ترفضون الدعوة؟
decline-note = ملاحظة للتنسيق (اختيارية)
decline-confirm = رفض الدعوة
decline-reason-no-time = لست متاحًا في هذا الوقت
decline-reason-too-far = المسافة بعيدة جدًا
decline-reason-conflict = أعرف الشخص أو لا أستطيع الحياد
decline-reason-other = سبب آخر
flash-decline-reason = يُرجى اختيار سبب قبل الرفض.
assignments-title = مهامي
assignments-report = كشف الوقت مستحق
assignments-upcoming = المهام القادمة
timesheet-start = البداية الفعلية
timesheet-end = النهاية الفعلية
timesheet-waiting = وقت الانتظار (بالدقائق)
timesheet-travel = وقت التنقل (بالدقائق)
timesheet-km = الكيلومترات المقطوعة (ذهابًا وإيابًا)
timesheet-km-flagged = المسافة أكبر بكثير من الرحلة المقدَّرة: يُرجى التحقق.
timesheet-send = إرسال كشف الوقت
dropout-title = لا أستطيع الحضور
dropout-reason = السبب
dropout-submit = الانسحاب من المهمة
error-not-in-future = يجب أن تكون البداية في المستقبل.
error-duration-range = يجب أن تكون المدة بين 15 و480 دقيقة.
error-in-future = هذا التاريخ لم يحلّ بعد.

## رسائل البريد الإلكتروني

mail-remote = عبر الهاتف أو الفيديو
mail-ics-summary = وساطة لغوية: { $language }
mail-password-changed-subject = تم تغيير كلمة المرور الخاصة بك
mail-password-changed-body =
    مرحباً،

    تم تغيير كلمة مرور حسابك في Mittler بتاريخ { $when }. أُنهيت جميع الجلسات الأخرى.

    إن لم تكن أنت من قام بذلك، فأبلغ إدارة مركزك فوراً.
    جلساتك: { $link }
mail-request-received-subject = تم استلام الطلب: { $language }، { $when }
mail-request-received-body =
    مرحبًا،

    تم استلام طلبكم للحصول على وساطة لغوية.

    اللغة: { $language }
    الموعد: { $when } ({ $duration } دقيقة)
    المكان: { $place }
    الرمز المرجعي: { $client }

    ستصلكم رسالة تأكيد فور قبول أحد الوسطاء اللغويين للطلب.
    عرض الطلب: { $link }
mail-invitation-subject = دعوة: { $language }، { $when }
mail-invitation-body =
    مرحبًا،

    نوجّه إليكم دعوة لمهمة وساطة لغوية.

    اللغة: { $language }
    الموعد: { $when } ({ $duration } دقيقة)
    المكان: { $place }
    المؤسسة: { $institution }

    الدعوة صالحة حتى { $expires }. للقبول أو الرفض: { $invitations }
mail-confirmed-subject = تم التأكيد: { $language }، { $when }
mail-confirmed-body =
    مرحبًا،

    تم تأكيد المهمة.

    اللغة: { $language }
    الموعد: { $when } ({ $duration } دقيقة)
    المكان: { $place }
    المؤسسة: { $institution }
    الرمز المرجعي: { $client }

    تجدون الموعد في المرفق لإضافته إلى تقويمكم.
mail-cancelled-subject = إلغاء: { $language }، { $when }
mail-cancelled-body =
    مرحبًا،

    أُلغي الموعد المحدد في { $when } ({ $language }، { $place }).
    السبب: { $reason }
mail-declined-subject = رفض: { $language }، { $when }
mail-declined-body =
    رُفضت الدعوة الخاصة باللغة { $language } في { $when } ({ $institution }) من قِبل { $mediator }.
    الطلب: { $link }
mail-expired-subject = انتهت صلاحية الدعوة: { $language }، { $when }
mail-expired-body =
    لم يقبل أحد الدعوة الخاصة باللغة { $language } في { $when } ({ $institution }) في الوقت المحدد. الطلب مفتوح من جديد.
    الطلب: { $link }
mail-dropped-out-subject = انسحاب: { $language }، { $when }
mail-dropped-out-body =
    يتعذّر على { $mediator } تولّي المهمة باللغة { $language } في { $when } ({ $institution }). الطلب مفتوح من جديد، والمرشحون جاهزون.
    الطلب: { $link }
mail-timesheet-subject = يُرجى تأكيد كشف الوقت: { $when }
mail-timesheet-body =
    مرحبًا،

    يوجد كشف وقت للمهمة باللغة { $language } في { $when }. يُرجى تأكيده أو الاعتراض عليه:
    { $link }
mail-reminder-subject = تذكير: غدًا { $language }، { $when }
mail-reminder-body =
    مرحبًا،

    للتذكير: { $when } ({ $duration } دقيقة)، { $language }، { $place }.
mail-unfilled-subject = طلب غير مُغطّى: { $when }
mail-unfilled-body = للأسف لم يُعثر على أحد لموعد { $when } ({ $language }).

nav-outbox = صندوق الصادر
outbox-title = صندوق الصادر
outbox-hint = رسائل البريد الإلكتروني التي لم تُرسَل بعد أو فشل إرسالها نهائيًا. تُعاد المحاولات الفاشلة على فترات متزايدة.
outbox-empty = أُرسلت جميع رسائل البريد الإلكتروني.
outbox-to = إلى
outbox-subject = الموضوع
outbox-attempts = المحاولات
outbox-next = المحاولة التالية
outbox-error = آخر خطأ
outbox-pending = في الانتظار
outbox-sending = جارٍ الإرسال
outbox-sent = مُرسَلة
outbox-failed = فاشلة

nav-calendar = التقويم
nav-calendar-hint = المهام في تقويمكم الخاص
calendar-title = الاشتراك في التقويم
calendar-hint = باستخدام هذا العنوان السري يعرض Outlook أو تقويم Google أو هاتفكم مهامكم المؤكَّدة. يُرجى عدم مشاركته مع أحد.
calendar-new = عنوانكم الجديد. يُعرض الآن فقط، ولم يعد العنوان القديم صالحًا.
calendar-url = عنوان التقويم
calendar-active = تم إعداد اشتراك في التقويم.
calendar-create = إنشاء العنوان
calendar-renew = إنشاء عنوان جديد (يتوقف العنوان القديم عن العمل)
calendar-revoke = إنهاء الاشتراك

series-title = التكرار
series-hint = مثلًا مرافقة لغوية في المدرسة: كل أسبوع في الوقت نفسه، حتى بعد تغيير التوقيت الصيفي أو الشتوي.
series-none = مرة واحدة
series-weekly = أسبوعيًا
series-fortnightly = كل أسبوعين
series-count = عدد المواعيد
series-until = أو حتى (شاملًا)
series-scope = أي مواعيد السلسلة؟
series-scope-one = هذا الموعد فقط
series-scope-following = هذا الموعد وجميع المواعيد التالية
series-scope-all = جميع المواعيد

requests-live = تتحدّث القائمة تلقائيًا عند ورود طلبات أو الرد على دعوات.

nav-settings = الإعدادات
settings-title = إعدادات المركز
settings-notice = الإلغاء دون رسوم حتى (عدد الساعات قبل الموعد)
settings-fee-hour = التعويض عن كل ساعة (€)
settings-fee-minimum = الحد الأدنى للدقائق المدفوعة
settings-fee-increment = بعد ذلك: الاحتساب لكل وحدة مبدوءة (بالدقائق)
settings-fee-travel = بدل التنقل الثابت للمهام الحضورية (€)
settings-retention = عدد الأيام بعد انتهاء العرض حتى إخفاء هوية المسجّلين فيه
settings-keep = مدد الاحتفاظ (بالأيام)
settings-keep-hint = يحذف Mittler تلقائيًا ما هو أقدم. تبقى الفواتير والكشوف 10 سنوات (§ 147 AO).
settings-keep-notes_days = ملاحظات الطلبات، بعد الموعد
settings-keep-unserved_days = الطلبات غير المخدومة (ملغاة، غير مشغولة)
settings-keep-client_refs_days = مراجع العملاء للطلبات المنجزة
settings-keep-failed_mail_days = الرسائل التي تعذّر إرسالها
settings-keep-audit_days = إدخالات سجل التدقيق
settings-keep-inactive_accounts_days = الحسابات المعطّلة
settings-idle-timeout = دقائق بدون نشاط حتى تنتهي جلسة المتصفح
settings-second-factor = العامل الثاني إلزامي لـ
settings-second-factor-hint = من لديه أحد هذه الأدوار يُعِدّ تطبيق مصادقة عند تسجيل الدخول التالي ويحتاج رمزه بعد ذلك دائماً. يوصى به للإدارة والتنسيق.
settings-sso = تسجيل الدخول بحساب المدينة (الدخول الموحد، OpenID Connect)
settings-sso-hint = تسجّل إدارة تقنية المعلومات في المدينة Mittler في خدمة الهوية لديها (Keycloak أو ADFS أو Entra ID) كعميل بعنوان العودة هذا:
settings-sso-issuer = عنوان المُصدِر (Issuer URL)
settings-sso-client = معرّف العميل
settings-sso-secret = سرّ العميل
settings-sso-secret-set = يوجد سرّ محفوظ؛ اتركه فارغاً للإبقاء عليه.
settings-sso-secret-none = لم يُحفظ سرّ بعد.
error-invalid-issuer = يرجى إدخال عنوان https دون شرطة مائلة في النهاية.
settings-hint = يرى الوسطاء اللغويون التعويض المتوقع في الدعوة مسبقًا.
invitation-fee = التعويض المتوقع

reschedule-title = تغيير الوقت أو المدة
reschedule-time = الوقت الجديد
reschedule-hint = تُسحب الدعوات المفتوحة، ويصبح الطلب مفتوحًا من جديد. تبقى المواعيد المؤكَّدة كما هي.
reschedule-submit = تغيير
flash-rescheduled = تم التغيير. يُرجى إرسال الدعوات من جديد.
flash-reschedule-invalid = يُرجى التحقق من الوقت والمدة (من 15 إلى 480 دقيقة).
event-reschedule = تغيير الموعد
event-decline = رُفضت الدعوة

nav-plans = تخطيط اليوم
plan-title = تخطيط اليوم
plan-hint = يقترح Mittler وسيطًا لغويًا لكل طلب مفتوح في ذلك اليوم. تبقى المواعيد المؤكَّدة كما هي.
plan-date = اليوم
plan-submit = حساب اقتراح
plan-cost = التكلفة (وفق plan-format.md)
plan-cost-unserved = غير مُغطّى (الوزن)
plan-cost-travel = وقت التنقل
plan-cost-continuity = تغيير الوسيط رغم وجود شخص معروف للمستفيد
plan-applied = تم تطبيق هذا الاقتراح، وأُرسلت الدعوات.
plan-open-request = الطلب
plan-apply = دعوة الأشخاص المحدَّدين
plan-unserved = دون اقتراح
plan-why-language = لا أحد في قائمة الوسطاء يتحدث هذه اللغة.
plan-why-qualified = لا أحد ممن يتحدثون هذه اللغة يستوفي المتطلبات (المجال، الجنس، الهاتف/الفيديو).
plan-why-unavailable = كل من يمكنه تولّي الطلب غير متاح أو غائب أو محجوز في ذلك الوقت.
plan-why-busy = كل من يمكنه تولّي الطلب مطلوب لطلبات أخرى في اليوم نفسه.
plan-why-nobody = لا يوجد أي شخص نشط في قائمة الوسطاء.
plan-changed = تغيّرت الطلبات منذ إعداد الاقتراح. يُرجى حساب اقتراح جديد.

plan-pick = الوسيط اللغوي لهذا الطلب
plan-skip = عدم الدعوة
plan-days-open = أيام فيها طلبات مفتوحة
plan-days-none = لا توجد طلبات مفتوحة خلال الأسبوعين القادمين.
plan-open-count = { $count ->
    [zero] لا توجد طلبات مفتوحة
    [one] طلب مفتوح واحد
    [two] طلبان مفتوحان
    [few] { $count } طلبات مفتوحة
    [many] { $count } طلبًا مفتوحًا
   *[other] { $count } طلب مفتوح
}
plan-other-days = تخطيط أيام أخرى
plan-summary-staffed = الطلبات التي لها اقتراح: { $staffed } من أصل { $all }.
plan-summary-travel = وقت التنقل لجميع الاقتراحات معًا: { $min } دقيقة.
plan-summary-continuity-kept = حيثما يعرف أحدٌ المستفيدَ مسبقًا، يُقترح هذا الشخص.
plan-summary-continuity = عدد المرات التي لم يُقترح فيها الشخص الذي يعرف المستفيد مسبقًا: { $n }.
nav-privacy = حماية البيانات
privacy-title = حماية البيانات: الاطلاع والحذف
privacy-intro = ما يحفظه Mittler عن شخص ومن اطّلع عليه (المادة 15 من اللائحة العامة لحماية البيانات)، وحذفه (المادة 17).
privacy-find = بحث
privacy-kind = الشخص
privacy-kind-mediator = وسيط لغوي (المعرّف)
privacy-kind-user = حساب (المعرّف)
privacy-kind-client = عميل (المرجع)
privacy-kind-email = عنوان بريد إلكتروني (مثل التسجيل)
privacy-value = المعرّف أو المرجع أو العنوان
privacy-value-hint = المعرّف موجود في عنوان صفحة الشخص، مثل /mediators/…
privacy-held = البيانات المحفوظة
privacy-json = تنزيل بصيغة JSON (للشخص)
privacy-erase = الحذف (المادة 17)
privacy-erase-hint = تُحذف الأسماء وبيانات الاتصال والملاحظات والتسجيلات والرسائل وتفاصيل السجل في كل مكان. تبقى الفواتير والكشوف الصادرة 10 سنوات (§ 147 AO) ثم تُقيَّد.
privacy-reason = السبب (مثل طلب الشخص بتاريخ …)
privacy-confirm = تحققت من وجوب حذف هذا الشخص. لا يمكن التراجع عن ذلك.
privacy-erase-button = حذف نهائي
flash-erased = تم الحذف. يسجّل السجل عملية الحذف، لا البيانات المحذوفة.
error-nothing-held = لا يوجد شيء محفوظ عن هذا الشخص.
error-invalid-subject = اختر النوع وأدخل معرّفًا أو مرجعًا أو بريدًا إلكترونيًا صالحًا.
error-confirm-erase = يرجى تأكيد الحذف.
records-title = سجل أنشطة المعالجة (المادة 30)
records-intro = مُولَّد من إعدادات هذا المركز ويتغيّر معها.
records-controller = المسؤول
records-data = فئات البيانات
records-purpose = الغرض
records-basis = الأساس القانوني
records-recipients = المستلمون
records-retention = مدة الاحتفاظ
records-measures = التدابير التقنية والتنظيمية
records-days = { $days } يومًا
records-mediation = الوساطة اللغوية
records-mediation-data = مرجع عميل مستعار، اللغة، الموعد، المكان، الملاحظات (قد تخص الصحة أو الإقامة، المادة 9)
records-mediation-purpose = ترتيب الوسطاء اللغويين للمؤسسات
records-mediation-basis = المادة 6(1)(هـ)، المادة 9(2)(ز) مع قانون المشاركة والاندماج في NRW
records-to-institutions = المؤسسة الطالبة
records-to-mediators = الوسطاء المدعوون والمكلّفون (الملاحظات بعد التكليف فقط)
records-to-sms = خدمة الرسائل النصية للمدينة (تذكيرات العملاء)
records-pool = مجموعة الوسطاء اللغويين
records-pool-data = الاسم، البريد، الهاتف، اللغات، السكن (إحداثيات)، التوفر، التأهيل
records-pool-purpose = التخطيط والتواصل ودفع التعويضات
records-pool-basis = المادة 6(1)(ب) (اتفاقية المشاركة)
records-pool-retention = حتى الحذف عند الطلب؛ الكشوف 10 سنوات
records-to-institutions-assigned = مؤسسة الموعد المكلّف به (الاسم)
records-catalogue = دليل العروض والتسجيلات
records-catalogue-data = الاسم، البريد، عدد الأطفال وأعمارهم، الموافقات
records-catalogue-purpose = المشاركة في العروض والرسائل حولها
records-catalogue-basis = المادة 6(1)(أ) (الموافقة)
records-to-providers = الجهة المقدّمة للعرض
records-billing = الفوترة
records-billing-data = عنوان فوترة المؤسسة، المواعيد، الساعات، التنقل؛ كشوف الوسطاء
records-billing-purpose = فواتير المؤسسات والتعويضات
records-billing-basis = المادة 6(1)(ج) مع § 147 AO
records-billing-retention = 10 سنوات ثم تُقيَّد
records-accounts = الحسابات وسجل التدقيق
records-accounts-data = الاسم، البريد، الدور، تسجيلات الدخول، عنوان الشبكة، من قرأ أو غيّر أي بيانات ومتى
records-accounts-purpose = الوصول والمساءلة والأمن
records-accounts-basis = المادة 6(1)(ج) و(هـ)، المادة 32
records-to-nobody = لا أحد خارج المركز
records-to-sso = خدمة تسجيل الدخول { $issuer }
records-measure-1 = الملاحظات ومراجع العملاء وأرقام الهواتف وجهات التذكير ونصوص الرسائل مشفّرة (AES-256-GCM)؛ المفتاح خارج قاعدة البيانات
records-measure-2 = كل قراءة للبيانات الشخصية مسجّلة؛ السجل سلسلة تجزئة (يمكن كشف التلاعب)
records-measure-3 = أدوار بأقل الصلاحيات؛ يرى الوسطاء الملاحظات بعد التكليف فقط
records-measure-4 = تسجيل الدخول بقواعد كلمة المرور أو عامل ثانٍ أو مفاتيح المرور؛ تنتهي الجلسات
records-measure-5 = ملفات قاعدة البيانات والمفاتيح للخدمة فقط؛ نسخ احتياطية بمجموع تحقق ومشفّرة اختياريًا (age)
records-measure-6 = الاطلاع والحذف لكل شخص في هذه الصفحة؛ يطبّق Mittler مدد الاحتفاظ بنفسه
records-measure-mail = تُحذف الرسائل غير المسلَّمة بعد { $days } يومًا
privacy-section-mediator = الملف الشخصي
privacy-section-assignments = المهام
privacy-section-invitations = الدعوات
privacy-section-statements_kept_by_law = الكشوف (محفوظة بحكم القانون)
privacy-section-requests = الطلبات
privacy-section-registrations = التسجيلات
privacy-section-accounts = الحسابات
privacy-section-activity = النشاط في النظام
privacy-section-mails = الرسائل
privacy-section-read_by = من اطّلع على البيانات
privacy-field-id = المعرّف
privacy-field-name = الاسم
privacy-field-email = البريد الإلكتروني
privacy-field-phone = الهاتف
privacy-field-gender = الجنس
privacy-field-languages = اللغات
privacy-field-sectors = القطاعات
privacy-field-home = السكن
privacy-field-remote = أيضًا عبر الهاتف/الفيديو
privacy-field-availability = التوفر
privacy-field-absences = الغياب
privacy-field-qualified_on = تاريخ التأهيل
privacy-field-pledge_signed_on = تاريخ توقيع التعهد
privacy-field-active = نشط
privacy-field-request = الطلب
privacy-field-start = البداية
privacy-field-language = اللغة
privacy-field-status = الحالة
privacy-field-sent_at = أُرسل
privacy-field-duration_min = المدة (دقيقة)
privacy-field-sector = القطاع
privacy-field-mode = النمط
privacy-field-client_ref = مرجع العميل
privacy-field-notes = الملاحظات
privacy-field-institution_id = المؤسسة
privacy-field-mediator_id = الوسيط
privacy-field-history = السجل
privacy-field-reminder = التذكير
privacy-field-offer = العرض
privacy-field-persons = الأشخاص
privacy-field-children = الأطفال
privacy-field-lang = لغة الواجهة
privacy-field-registered_at = تاريخ التسجيل
privacy-field-role = الدور
privacy-field-at = الوقت
privacy-field-action = الإجراء
privacy-field-object = الكائن
privacy-field-object_id = معرّف الكائن
privacy-field-subject = الموضوع
privacy-field-queued_at = أُنشئ
privacy-field-who = من
requests-more = مزيد من الطلبات
requests-first-shown = أول { $count } طلبًا من هنا؛ ضيّق النتائج بالمرشحات أو تابع.
