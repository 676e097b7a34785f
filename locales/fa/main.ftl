# Mittler – رابط کاربری فارسی

nav-skip = رفتن به محتوا
nav-main = منوی اصلی
nav-language = زبان
nav-home = نمای کلی
nav-home-hint = بازگشت به نمای کلی
nav-mediators = میانجی‌های زبانی
nav-mediators-hint = جستجو در فهرست میانجی‌ها، افزودن و به‌روز نگه داشتن پروفایل‌ها
nav-institutions = نهادها
nav-institutions-hint = نهادهای درخواست‌کننده و مکان‌های آن‌ها
nav-my-institution = نهاد من
nav-my-institution-hint = اطلاعات و مکان‌های نهاد شما
nav-my-schedule = زمان‌های آزاد من
nav-my-schedule-hint = زمان‌های هفتگی و غیبت‌ها را به‌روز نگه دارید
nav-users = حساب‌های کاربری
nav-users-hint = ساختن حساب، تعیین نقش، مسدود کردن
nav-audit = گزارش فعالیت‌ها
nav-audit-hint = چه کسی، چه زمانی، چه چیزی را تغییر داده است
nav-password = رمز عبور
nav-sign-out = خروج

home-title = نمای کلی
home-greeting = خوش آمدید، { $name }
desk-title = کارهای در انتظار
desk-unstaffed = بدون میانجی در 48 ساعت آینده
desk-expiring = دعوت‌هایی که تا 24 ساعت دیگر منقضی می‌شوند
desk-timesheets = گزارش‌های ساعت کار در انتظار تأیید
desk-disputes = گزارش‌های ساعت کار اعتراض‌شده
desk-show-all = نمایش همه درخواست‌ها
filter-title = فیلترها
home-invitations = { $count ->
    [0] هیچ دعوت بازی وجود ندارد
    [one] یک دعوت باز – لطفاً پاسخ دهید
   *[other] { $count } دعوت باز – لطفاً پاسخ دهید
}

role-admin = مدیریت سیستم
role-coordinator = هماهنگی
role-institution = نهاد
role-mediator = میانجی زبانی
role-provider = برگزارکننده
role-state = سطح ایالتی

login-title = ورود
login-email = نشانی ایمیل
login-password = رمز عبور
login-submit = ورود
login-failed = نشانی ایمیل یا رمز عبور نادرست است.
login-locked = { $minutes ->
    [one] تعداد تلاش‌های ناموفق زیاد است. لطفاً یک دقیقه دیگر دوباره تلاش کنید.
   *[other] تعداد تلاش‌های ناموفق زیاد است. لطفاً { $minutes } دقیقه دیگر دوباره تلاش کنید.
}
login-demo = ورودهای نمایشی
login-demo-hint = این ورودها فقط در حالت نمایشی وجود دارند. همه اطلاعات ساختگی است.
login-centre = مرکز
login-choose-centre = این نشانی به حساب‌هایی در چند مرکز تعلق دارد. لطفاً مرکز را انتخاب و رمز را دوباره وارد کنید.
login-code-title = کد را وارد کنید
login-code = کد از برنامهٔ احراز هویت
login-code-hint = شش رقم. بدون تلفن: یکی از کدهای بازیابی شما.
login-start-again = شروع دوباره
login-sso = ورود با حساب شهر
login-sso-submit = ادامه به ورود شهر
login-sso-no-account = برای این نشانی در این مرکز حسابی وجود ندارد. لطفاً با مدیریت تماس بگیرید.
login-sso-failed = ورود از طریق شهر انجام نشد. لطفاً دوباره تلاش کنید.
login-sso-unavailable = ورود شهر اکنون در دسترس نیست. لطفاً با رمز وارد شوید.

password-title = تغییر رمز عبور
password-old = رمز عبور فعلی
password-new = رمز عبور جدید
password-confirm = تکرار رمز عبور جدید
password-rules = دست‌کم 12 کاراکتر. جمله‌ای از چند کلمه هم آسان به یاد می‌ماند و هم امن است.
password-submit = تغییر رمز عبور
password-changed = رمز عبور تغییر کرد. همه نشست‌های دیگر بسته شدند.
password-initial = رمز شما را مدیریت تعیین کرده است. لطفاً اکنون رمز خودتان را انتخاب کنید.
nav-security = حساب و امنیت
sessions-title = نشست‌های من
sessions-hint = اینجا می‌بینید حساب شما کجا وارد شده است: مرورگرها و کلیدهای API. آنچه را نمی‌شناسید پایان دهید و سپس رمز خود را تغییر دهید.
sessions-kind = نوع
sessions-kind-web = مرورگر
sessions-kind-api = کلید API
sessions-started = زمان ورود
sessions-last-seen = آخرین فعالیت
sessions-address = نشانی شبکه
sessions-end = پایان
sessions-this = همین
sessions-end-others = پایان همهٔ نشست‌های دیگر
sessions-ended = پایان یافت.
sessions-end-all = پایان همهٔ نشست‌ها
sessions-end-all-hint = تلفن گم‌شده یا حسابی در دست نادرست: اینجا همهٔ نشست‌ها و کلیدهای API این حساب پایان می‌یابند.
two-factor-title = عامل دوم
two-factor-required = مرکز شما برای نقش شما عامل دوم را الزامی کرده است. لطفاً اکنون آن را راه‌اندازی کنید.
two-factor-intro = با عامل دوم، ورود علاوه بر رمز به کدی از یک برنامهٔ احراز هویت روی تلفن شما نیاز دارد (مثلاً FreeOTP، Aegis، Google یا Microsoft Authenticator).
two-factor-start = راه‌اندازی
two-factor-step-app = برنامهٔ احراز هویت را باز کنید.
two-factor-step-scan = این کد را اسکن کنید:
two-factor-qr-alt = کد QR برای راه‌اندازی برنامهٔ احراز هویت
two-factor-secret = بدون دوربین: این کلید را تایپ کنید:
two-factor-step-code = کدی را که برنامه اکنون نشان می‌دهد وارد کنید.
two-factor-confirm = تأیید
two-factor-codes = کدهای بازیابی شما
two-factor-codes-hint = هر کد یک بار وقتی تلفن در دسترس نیست کار می‌کند. همین حالا چاپ یا یادداشت کنید: فقط همین یک بار نشان داده می‌شوند.
two-factor-done = تمام
two-factor-on = عامل دوم راه‌اندازی شده است. کدهای بازیابی استفاده‌نشده: { $left }.
two-factor-remove = حذف عامل دوم
home-second-factor-warning = امنیت: عامل دوم هنوز برای مدیریت و هماهنگی الزامی نیست. لطفاً آن را در تنظیمات روشن کنید.
passkey-title = کلیدهای عبور
passkey-intro = کلید عبور عامل دومی روی تلفن، رایانه یا کلید امنیتی شماست: پس از رمز، با اثر انگشت، چهره یا پین تأیید می‌کنید.
passkey-name = نام دستگاه (مثلاً تلفن کاری)
passkey-add = افزودن کلید عبور
passkey-use = تأیید با کلید عبور
passkey-remove = حذف
passkey-added = افزوده شد
passkey-last-used = آخرین استفاده
passkey-failed = نشد. لطفاً دوباره تلاش کنید یا کد را وارد کنید.
passkey-done = کلید عبور افزوده شد.
passkey-unsupported = این مرورگر از کلید عبور پشتیبانی نمی‌کند.
passkey-unavailable = کلیدهای عبور به نشانی دارای نام (MITTLER_PUBLIC_URL) نیاز دارند، نه نشانی IP.
error-passkeys-unavailable = کلیدهای عبور در این نصب راه‌اندازی نشده‌اند.

search-label = جستجو
search-submit = جستجو
search-include-inactive = موارد غیرفعال‌شده هم نمایش داده شود
list-empty = چیزی پیدا نشد.
list-count = { $count ->
    [one] یک مورد
   *[other] { $count } مورد
}
status = وضعیت
status-active = فعال
status-inactive = غیرفعال
yes = بله
no = خیر

form-save = ذخیره
form-saved = ذخیره شد.
form-choose = لطفاً انتخاب کنید
form-has-errors = لطفاً فیلدهای مشخص‌شده را بررسی کنید.
form-deactivate = غیرفعال کردن
form-activate = فعال کردن دوباره

institutions-title = نهادها
institution-new = نهاد جدید
institution-new-title = نهاد جدید
institution-edit-title = نهاد
institution-name = نام
institution-contact = فرد مسئول
institution-contact-hint = کسی که میانجی‌ها و مراجعان با او تماس می‌گیرند، مثلاً «خانم نمونه، اتاق 12» یا «پذیرش».
institution-phone = تلفن
form-optional = اختیاری
form-add-row = افزودن ردیف
form-required-hint = پر کردن فیلدهای دارای * الزامی است.
slip-title = نوبت شما
slip-when = چه زمانی
slip-where = کجا
slip-by-phone = تلفنی: با شما تماس گرفته می‌شود.
slip-by-video = تصویری: یک لینک برای شما فرستاده می‌شود.
slip-map = نقشه
slip-mediator = میانجی زبانی شما (نام کوچک)
slip-bring = لطفاً همراه بیاورید
slip-cancel = اگر نمی‌توانید بیایید، لطفاً تماس بگیرید
slip-page-title = برگه نوبت برای مراجع
slip-page-hint = برای کسی که به میانجی زبانی نیاز دارد: به زبان خودش، برای چاپ یا به صورت PDF. آنچه زیر «لطفاً همراه بیاورید» می‌نویسید ذخیره نمی‌شود.
slip-language = زبان برگه
slip-show = نمایش برگه
slip-print = چاپ
slip-pdf = به صورت PDF
slip-open = برگه نوبت برای مراجع
slip-reminder-subject = یادآوری: { $title } فردا
slip-reminder-intro = سلام، نوبت فردای شما را یادآوری می‌کنیم. یک میانجی زبانی همراه شما خواهد بود.
slip-remind-title = یادآوری یک روز قبل
slip-remind-hint = اگر فرد موافق باشد، یک روز قبل از نوبت ایمیلی به زبان خودش دریافت می‌کند. نشانی پس از ارسال، و حداکثر تا زمان نوبت، پاک می‌شود.
slip-remind-contact = نشانی ایمیل فرد
slip-remind-contact-sms = نشانی ایمیل یا شماره موبایل فرد
error-no-sms = ارسال پیامک تنظیم نشده است. لطفاً یک نشانی ایمیل وارد کنید.
slip-remind-consent = فرد با یادآوری موافق است.
slip-remind-save = تنظیم یادآوری
slip-remind-active = یادآوری به { $contact } تنظیم شده است.
slip-remind-delete = حذف یادآوری
flash-reminder-saved = یادآوری تنظیم شد.
flash-reminder-deleted = یادآوری و نشانی پاک شدند.
error-not-confirmed = برگه نوبت پس از تأیید یک میانجی زبانی آماده می‌شود.
error-invalid-phone = لطفاً شماره تلفن را فقط با رقم، فاصله و + - / ( ) وارد کنید.
institution-category = نوع نهاد
institution-details = مشخصات
institution-places = مکان‌ها
institution-places-hint = ردیف‌های خالی نادیده گرفته می‌شوند. اگر ردیفی را خالی کنید، آن مکان حذف می‌شود.
place-geocoded-hint = عرض و طول جغرافیایی را می‌توانید خالی بگذارید: Mittler آن‌ها را از روی نشانی پیدا می‌کند.
place-name = عنوان
place-address = نشانی
place-lat = عرض جغرافیایی
place-lon = طول جغرافیایی

category-authority = اداره دولتی
category-health = بهداشت و درمان
category-school = مدرسه
category-social = خدمات اجتماعی و مشاوره
category-court = دادگاه
category-other = سایر

mediators-title = میانجی‌های زبانی
mediator-new = میانجی زبانی جدید
mediator-new-title = میانجی زبانی جدید
mediator-edit-title = میانجی زبانی
mediator-search-label = جستجو بر اساس نام، ایمیل، زبان یا حوزه
mediator-person = مشخصات فردی
mediator-name = نام
mediator-email = ایمیل
mediator-phone = تلفن
mediator-home-place = محل سکونت (کد پستی یا محله، برای مختصات)
mediator-gender = جنسیت
mediator-languages = زبان‌ها
mediator-languages-hint = نام زبان یا کد ISO 639-3 آن را وارد کنید، مثلاً «Tigrinya» یا «tir».
mediator-language = زبان
mediator-level = سطح
mediator-level-required = لطفاً انتخاب کنید این زبان در چه سطحی صحبت می‌شود.
level-choose = – انتخاب سطح –
mediator-sectors = حوزه‌های کاری
mediator-work = کار
mediator-home-hint = محل سکونت فقط به‌طور تقریبی (گرد شده تا حدود یک کیلومتر)، برای محاسبه زمان سفر.
mediator-home-lat = محل سکونت: عرض جغرافیایی
mediator-home-lon = محل سکونت: طول جغرافیایی
mediator-speed = سرعت سفر (km/h)
mediator-max-work = حداکثر دقیقه کار در روز
mediator-remote = تلفن/ویدئو
mediator-remote-long = مأموریت‌های تلفنی یا ویدئویی را هم می‌پذیرد
mediator-availability = زمان‌های آزاد هفتگی
mediator-availability-hint = زمان‌هایی که مأموریت ممکن است. ردیف‌های خالی نادیده گرفته می‌شوند.
mediator-absences = غیبت‌ها
mediator-absences-hint = مرخصی، بیماری یا زمان‌های دیگر بدون مأموریت (روز اول و روز آخر هم حساب می‌شوند).
mediator-records = صلاحیت و رازداری
mediator-qualified-on = تاریخ پایان دوره آموزشی
mediator-pledge-on = تاریخ امضای تعهدنامه رازداری

gender-f = زن
gender-m = مرد
gender-d = دیگر
level-native = زبان مادری
level-fluent = روان
level-working = کافی برای کار
sector-authority = ادارات دولتی
sector-medical = پزشکی
sector-psychotherapy = روان‌درمانی
sector-school = مدرسه
sector-social = خدمات اجتماعی
sector-court = دادگاه

weekday = روز هفته
weekday-1 = دوشنبه
weekday-2 = سه‌شنبه
weekday-3 = چهارشنبه
weekday-4 = پنجشنبه
weekday-5 = جمعه
weekday-6 = شنبه
weekday-7 = یکشنبه
time-from = از
time-to = تا
date-from = از
date-to = تا (خود این روز هم حساب است)

schedule-title = زمان‌های آزاد من

users-title = حساب‌های کاربری
user-new = حساب جدید
user-new-title = حساب کاربری جدید
user-edit-title = حساب کاربری
user-name = نام
user-role = نقش
user-lang = زبان رابط کاربری
user-institution = نهاد (برای نقش «نهاد»)
user-mediator = میانجی زبانی (برای نقش «میانجی زبانی»)

audit-title = گزارش فعالیت‌ها
audit-at = زمان
audit-actor = چه کسی
audit-action = اقدام
audit-object = مورد
audit-detail = جزئیات
audit-address = نشانی
audit-pages = صفحه‌های گزارش فعالیت‌ها
audit-sign-in = ورود
audit-sign-in-failed = ورود ناموفق
audit-sign-out = خروج
audit-password-changed = رمز عبور تغییر کرد
audit-create = ایجاد شد
audit-update = تغییر کرد
audit-deactivate = غیرفعال شد
audit-session-ended = نشست پایان یافت
audit-second-factor-added = عامل دوم افزوده شد
audit-second-factor-removed = عامل دوم حذف شد
audit-view-denied = مشاهده رد شد
audit-export = برون‌بری داده‌ها (ماده ۱۵)
audit-erase = پاک شد (ماده ۱۷)
audit-expire = مهلت گذشت و حذف شد
audit-object-id = شناسه شیء
audit-who-saw = همه ورودی‌های این شیء: چه کسی آن را دید یا تغییر داد
error-invalid-id = این شناسه معتبر نیست (۳۶ نویسه).
object-request = درخواست
object-request-list = فهرست درخواست‌ها
object-mediator-list = فهرست میانجی‌ها
object-user-list = فهرست حساب‌ها
object-outbox = صندوق خروجی
object-audit-log = گزارش ممیزی
object-client = شناسه مراجع
object-email = نشانی ایمیل
object-retention = مدت‌های نگهداری
object-export = برون‌بری حفاظت از داده
object-user = حساب کاربری
object-institution = نهاد
object-mediator = میانجی زبانی
object-billing-run = بستن حساب ماه
object-billing-settings = تنظیمات تسویه‌حساب
object-credit-note = اعلامیه بستانکار
object-offer = برنامه
object-offer-lottery = قرعه‌کشی
object-offer-registrations = ثبت‌نام‌ها
object-offer-retention = مدت نگهداری ثبت‌نام‌ها
object-provider = برگزارکننده
object-request-fund = تأمین بودجه یک درخواست
object-settings = تنظیمات
audit-view = مشاهده شد
audit-filter = اعمال فیلتر
audit-any = همه
audit-from = از (روز)
audit-to = تا (روز)
audit-page-of = صفحه { $page } از { $pages }
date-hint = تاریخی مانند 24.12.2026 یا 24.12.26
audit-field-absences = غیبت‌ها
audit-field-active = فعال
audit-field-allowances = کمک‌هزینه‌ها
audit-field-availability = زمان‌های آزاد
audit-field-budget_cents = بودجه (سنت)
audit-field-category = نوع
audit-field-count = تعداد
audit-field-days = روزها
audit-field-discarded = کنار گذاشته شده
audit-field-email = ایمیل
audit-field-fund = بودجه حمایتی
audit-field-invoice = صورت‌حساب
audit-field-invoices = صورت‌حساب‌ها
audit-field-issued = صادرشده
audit-field-month = ماه
audit-field-name = نام
audit-field-offer_id = برنامه
audit-field-places = مکان‌ها
audit-field-provider_id = برگزارکننده
audit-field-reason = دلیل
audit-field-role = نقش
audit-field-seed = شماره قرعه‌کشی
audit-field-seller = صادرکننده صورت‌حساب
audit-field-statements = گزارش‌های پرداخت
audit-field-status = وضعیت
audit-field-vat = مالیات بر ارزش افزوده
audit-field-was = پیش از تغییر
audit-field-without_tariff = بدون تعرفه
audit-field-via = از طریق
pager-newer = جدیدتر
pager-older = قدیمی‌تر

error-title = خطا
error-invalid-date = لطفاً تاریخی مانند 24.12.2026 وارد کنید.
error-invalid-datetime = لطفاً تاریخ و ساعت را وارد کنید، مثلاً 01.12.2026 09:00.
error-forbidden = نقش شما اجازه این کار را ندارد.
error-not-found = این صفحه یا این مورد وجود ندارد.
error-conflict = این با وضعیت فعلی سازگار نیست. لطفاً صفحه را دوباره بارگذاری کنید.
error-too-many = تعداد تلاش‌ها زیاد است. لطفاً کمی صبر کنید.
error-internal = یک خطای داخلی رخ داد. لطفاً این شناسه را به بخش پشتیبانی بدهید
error-csrf = اعتبار فرم تمام شده است. لطفاً صفحه را دوباره بارگذاری کنید و فرم را دوباره بفرستید.
error-bad-form = فرم ناقص رسید. لطفاً صفحه را دوباره بارگذاری کنید و فرم را دوباره بفرستید.
error-bad-link = این لینک ناقص یا نادرست است. لطفاً به صفحه قبل برگردید و دوباره تلاش کنید.
error-control-characters = این فیلد نویسه‌های کنترلی نامرئی دارد. لطفاً متن را دوباره تایپ کنید.
error-invalid = این مقدار نامعتبر است.
error-required = پر کردن این فیلد الزامی است.
error-too-long = متن بیش از حد طولانی است.
error-too-short = خیلی کوتاه است: دست‌کم 12 کاراکتر.
error-common-password = این رمز در فهرست رمزهای پرکاربرد است. لطفاً رمز دیگری انتخاب کنید.
error-weak-password = حدس زدن این رمز بسیار آسان است. پیشنهاد: چند واژهٔ نامعمول پشت سر هم.
error-invalid-email = لطفاً یک نشانی ایمیل معتبر وارد کنید.
error-out-of-range = مقدار خارج از محدوده مجاز است.
error-invalid-number = لطفاً یک عدد وارد کنید.
error-invalid-time = لطفاً ساعت را به شکل 08:30 وارد کنید.
error-not-after-start = پایان باید بعد از شروع باشد.
error-before-start = پایان نباید پیش از شروع باشد.
error-overlaps = با بازه زمانی دیگری در همان روز هم‌پوشانی دارد.
error-unknown-language = این زبان ناشناخته است. لطفاً نام زبان یا کد ISO 639-3 آن را وارد کنید.
error-duplicate = این زبان قبلاً وارد شده است.
error-taken = این نشانی ایمیل قبلاً استفاده شده است.
error-mismatch = دو ورودی با هم یکی نیستند.
error-wrong-password = رمز عبور فعلی نادرست است.
error-name-link = لطفاً فقط نام را در یک خط بنویسید، بدون پیوند یا نشانی.
error-same-password = رمز جدید باید با رمز فعلی فرق داشته باشد.
error-wrong-code = این کد درست نیست. لطفاً کد فعلی را از برنامه وارد کنید.
error-no-enrolment = لطفاً راه‌اندازی را از نو شروع کنید.
error-second-factor-required = مرکز شما برای نقش شما عامل دوم را الزامی کرده است.
error-unknown = این مورد وجود ندارد.
error-unknown-id = یکی از مکان‌ها به این نهاد تعلق ندارد.
error-not-allowed = برای این نقش در نظر گرفته نشده است.
error-not-allowed-self = نمی‌توانید حساب خودتان را مسدود کنید یا نقش مدیریت سیستم را از خودتان بگیرید.
error-wrong-type = نوع مقدار نادرست است.
error-cross-site = درخواست‌هایی که از وب‌سایت‌های دیگر می‌آیند پذیرفته نمی‌شوند.
error-internal-id = خطای داخلی (شناسه { $id }).
error-too-many-items = تعداد موارد بیش از حد است.

## میانجی‌گری زبانی: درخواست‌ها، دعوت‌ها، مأموریت‌ها

nav-requests = درخواست‌ها
nav-requests-hint = درخواست‌های رسیده بر اساس روز و وضعیت، نامزدها، دعوت‌ها
nav-book = درخواست میانجی زبانی
nav-book-hint = رزرو یک نوبت همراه با میانجی‌گری زبانی
nav-invitations = دعوت‌ها
nav-invitations-hint = پذیرفتن یا رد کردن درخواست‌های باز
nav-assignments = مأموریت‌های من
nav-assignments-hint = نوبت‌ها و گزارش‌های ساعت کار
requests-title = درخواست‌ها
request-new = درخواست جدید
request-new-title = درخواست میانجی زبانی
request-title = درخواست
filter-from = از
filter-to = تا
filter-any = همه
filter-submit = اعمال فیلتر
request-language = زبان
request-sector = حوزه
request-institution = نهاد
request-institution-from-place = بر اساس مکان
request-start = شروع
request-mediator = میانجی زبانی
request-urgent = فوری
request-where = کجا
mode-onsite = حضوری
mode-phone = تلفنی
mode-video = ویدئویی
request-place = مکان
request-what = چه چیزی و چه زمانی
request-duration = مدت (دقیقه)
request-wishes = ترجیحات
request-gender = جنسیت میانجی زبانی
request-gender-none = فرقی نمی‌کند
request-gender-wish-label = ترجیح
request-gender-must-label = الزامی
request-gender-wish = ترجیح: { $gender }
request-gender-must = الزامی: { $gender }
priority-1 = عادی
priority-2 = بالا
priority-3 = فوری
request-priority = اولویت
request-client-ref = شناسه مراجع
request-client-ref-hint = یک نام مستعار مانند K-2026-0042، هرگز نام واقعی. اگر خالی بگذارید، Mittler یک شناسه می‌سازد.
request-notes = توضیحات
request-notes-warning = لطفاً هیچ اطلاعات سلامتی، تشخیص بیماری یا نامی وارد نکنید. فقط آنچه برای برنامه‌ریزی لازم است.
request-submit = ارسال درخواست
request-cancel-reason = لغو شد
request-billable = مشمول هزینه
timesheet-title = گزارش ساعت کار
timesheet-none = ندارد
timesheet-submitted = فرستاده شده، در انتظار تأیید
timesheet-confirmed = تأیید شده
timesheet-disputed = اعتراض شده
timesheet-confirm = تأیید گزارش ساعت کار
timesheet-dispute-reason = دلیل اعتراض
timesheet-dispute = اعتراض
timesheet-summary = { $start } تا { $end }، انتظار { $waiting } دقیقه، سفر { $travel } دقیقه، مسافت { $km } km
candidates-title = نامزدها
candidates-none = هیچ‌کس نمی‌تواند این درخواست را انجام دهد. دلایل در پایین آمده است.
candidates-pick = انتخاب
candidates-score = امتیاز
candidates-travel = زمان سفر
candidates-week = این هفته
candidates-continuity = آشنا
candidates-why = چرا
candidates-why-known = این فرد را از قبل می‌شناسد
candidates-why-travel = { $min } دقیقه تا محل
candidates-why-week = این هفته { $hours } ساعت رزرو شده
candidates-past-open = قبلاً دعوت شده، هنوز پاسخی نداده
candidates-past-accepted = پذیرفت
candidates-past-declined = رد کرد
candidates-past-expired = به‌موقع پاسخ نداد
candidates-past-withdrawn = دعوت پس گرفته شد
candidates-past-dropped = انصراف داد
candidates-invite-anyway = با این حال دعوت شود
hours = { $n ->
    [one] 1 ساعت
   *[other] { $n } ساعت
}
candidates-excluded = { $count ->
    [one] یک نفر کنار گذاشته شد
   *[other] { $count } نفر کنار گذاشته شدند
}
invite-expires = مدت اعتبار دعوت
invite-submit = دعوت از افراد انتخاب‌شده
assign-label = واگذاری مستقیم (پس از تماس تلفنی)
assign-submit = واگذاری
invitations-sent = دعوت‌ها
invitation-until = تا
invitation-open = باز
invitation-accepted = پذیرفته شد
invitation-declined = رد شد
invitation-expired = منقضی شد
invitation-withdrawn = پس گرفته شد
cancel-title = لغو
cancel-reason = دلیل
cancel-hint = اگر نهاد کمی پیش از نوبت آن را لغو کند، ممکن است هزینه داشته باشد.
cancel-submit = لغو درخواست
history-title = سابقه
history-invited = { $count ->
    [one] یک نفر دعوت شد
   *[other] { $count } نفر دعوت شدند
}
history-declined = رد شد
history-expired = مهلت پاسخ تمام شد
history-start-passed = زمان شروع گذشت و کسی نپذیرفت
history-moved = زمان جدید: { $when }، { $minutes } دقیقه
event-create = ایجاد شد
event-invite = دعوت شد
event-invitations_closed = دعوت‌ها بسته شد
event-accept = پذیرفته شد
event-assign = واگذار شد
event-drop_out = انصراف داد
event-cancel = لغو شد
event-complete = انجام شد
event-start_passed = بدون میانجی زبانی گذشت
event-timesheet = گزارش ساعت کار فرستاده شد
event-timesheet_disputed = به گزارش ساعت کار اعتراض شد
status-open = باز
status-invited = دعوت‌شده
status-confirmed = تأییدشده
status-completed = انجام‌شده
status-cancelled = لغوشده
status-unfilled = بدون میانجی
reason-language = زبان
reason-sector = حوزه
reason-gender = جنسیت
reason-remote = بدون تلفن/ویدئو
reason-availability = در دسترس نیست
reason-absence = غایب
reason-excluded = کنار گذاشته شده
reason-overlap = قبلاً رزرو شده
reason-travel = زمان سفر کافی نیست
reason-workload = سقف روزانه
dispatch-unavailable = این فرد نمی‌تواند این درخواست را انجام دهد: { $reasons }.
flash-invited = دعوت‌ها فرستاده شد.
flash-choose-mediator = لطفاً دست‌کم یک نفر را انتخاب کنید.
flash-assigned = واگذار و تأیید شد.
flash-cancelled = درخواست لغو شد.
flash-reason-required = لطفاً دلیل را بنویسید.
flash-timesheet-confirmed = گزارش ساعت کار تأیید شد. مأموریت انجام شده است.
flash-timesheet-disputed = به گزارش ساعت کار اعتراض شد.
flash-accepted = پذیرفته شد. این مأموریت در تقویم شما ثبت شده است.
flash-accepted-listed = پذیرفته شد. این مأموریت در پایین در فهرست مأموریت‌های بعدی شما آمده است. برای دیدن آن در تقویم خودتان، تقویم را مشترک شوید.
flash-confirm-no-conflict = لطفاً تأیید کنید که تعارض منافع وجود ندارد.
flash-too-late = این درخواست را کس دیگری پذیرفته است یا تغییر کرده است.
flash-declined = رد شد.
flash-timesheet-sent = گزارش ساعت کار فرستاده شد.
flash-timesheet-invalid = لطفاً شروع، پایان و دقیقه‌ها را بررسی کنید.
flash-dropped-out = از مأموریت انصراف دادید. بخش هماهنگی به دنبال جایگزین است.
invitations-title = دعوت‌ها
invitations-none = در حال حاضر دعوت بازی وجود ندارد.
invitation-known-client = شما قبلاً این فرد را همراهی کرده‌اید.
invitation-no-conflict = من این فرد را به‌طور شخصی نمی‌شناسم؛ تعارض منافع وجود ندارد.
invitation-accept = پذیرفتن
invitation-decline = رد کردن
invitation-answer-by = پاسخ تا
minutes = { $n } دقیقه
map-link = نقشه
decline-why = چرا رد می‌کنید؟
decline-note = یادداشت برای هماهنگی (اختیاری)
decline-confirm = رد دعوت
decline-reason-no-time = در آن زمان وقت ندارم
decline-reason-too-far = راه خیلی دور است
decline-reason-conflict = فرد را می‌شناسم یا بی‌طرف نیستم
decline-reason-other = دلیل دیگر
flash-decline-reason = لطفاً پیش از رد کردن، یک دلیل انتخاب کنید.
assignments-title = مأموریت‌های من
assignments-report = گزارش ساعت کار لازم است
assignments-upcoming = مأموریت‌های پیش رو
timesheet-start = شروع واقعی
timesheet-end = پایان واقعی
timesheet-waiting = زمان انتظار (دقیقه)
timesheet-travel = زمان سفر (دقیقه)
timesheet-km = کیلومتر طی‌شده (رفت و برگشت)
timesheet-km-flagged = مسافت خیلی بیشتر از مسیر تخمینی است: لطفاً بررسی کنید.
timesheet-send = ارسال گزارش ساعت کار
dropout-title = نمی‌توانم بیایم
dropout-reason = دلیل
dropout-submit = انصراف از مأموریت
error-not-in-future = زمان شروع باید در آینده باشد.
error-duration-range = مدت باید بین 15 تا 480 دقیقه باشد.
error-in-future = این زمان هنوز در آینده است.

## ایمیل‌ها

mail-remote = به‌صورت تلفنی یا ویدئویی
mail-ics-summary = میانجی‌گری زبانی { $language }
mail-password-changed-subject = رمز عبور شما تغییر کرد
mail-password-changed-body =
    سلام،

    رمز عبور حساب Mittler شما در { $when } تغییر کرد. همهٔ نشست‌های دیگر پایان یافتند.

    اگر این کار را شما نکرده‌اید، فوراً به مدیریت مرکز خود اطلاع دهید.
    نشست‌های شما: { $link }
mail-request-received-subject = درخواست دریافت شد: { $language }، { $when }
mail-request-received-body =
    با سلام،

    درخواست شما برای میانجی‌گری زبانی دریافت شد.

    زبان: { $language }
    زمان: { $when } ({ $duration } دقیقه)
    مکان: { $place }
    شناسه: { $client }

    به محض اینکه یک میانجی زبانی درخواست را بپذیرد، تأییدیه دریافت می‌کنید.
    مشاهده درخواست: { $link }
mail-invitation-subject = دعوت: { $language }، { $when }
mail-invitation-body =
    با سلام،

    شما به یک مأموریت دعوت شده‌اید.

    زبان: { $language }
    زمان: { $when } ({ $duration } دقیقه)
    مکان: { $place }
    نهاد: { $institution }

    این دعوت تا { $expires } معتبر است. پذیرفتن یا رد کردن: { $invitations }
mail-confirmed-subject = تأیید شد: { $language }، { $when }
mail-confirmed-body =
    با سلام،

    این مأموریت تأیید شد.

    زبان: { $language }
    زمان: { $when } ({ $duration } دقیقه)
    مکان: { $place }
    نهاد: { $institution }
    شناسه: { $client }

    این نوبت برای تقویم شما پیوست شده است.
mail-cancelled-subject = لغو شد: { $language }، { $when }
mail-cancelled-body =
    با سلام،

    نوبت { $when } ({ $language }، { $place }) لغو شد.
    دلیل: { $reason }
mail-declined-subject = رد شد: { $language }، { $when }
mail-declined-body =
    { $mediator } دعوت برای { $language } در { $when } ({ $institution }) را رد کرد.
    درخواست: { $link }
mail-expired-subject = دعوت منقضی شد: { $language }، { $when }
mail-expired-body =
    هیچ‌کس دعوت برای { $language } در { $when } ({ $institution }) را به‌موقع نپذیرفت. درخواست دوباره باز است.
    درخواست: { $link }
mail-dropped-out-subject = انصراف: { $language }، { $when }
mail-dropped-out-body =
    { $mediator } نمی‌تواند مأموریت { $language } در { $when } ({ $institution }) را انجام دهد. درخواست دوباره باز است؛ نامزدها آماده‌اند.
    درخواست: { $link }
mail-timesheet-subject = لطفاً گزارش ساعت کار را تأیید کنید: { $when }
mail-timesheet-body =
    با سلام،

    برای مأموریت { $language } در { $when } یک گزارش ساعت کار فرستاده شده است. لطفاً آن را تأیید کنید یا به آن اعتراض کنید:
    { $link }
mail-reminder-subject = یادآوری: فردا { $language }، { $when }
mail-reminder-body =
    با سلام،

    یادآوری: { $when } ({ $duration } دقیقه)، { $language }، { $place }.
mail-unfilled-subject = بدون میانجی: { $when }
mail-unfilled-body = متأسفانه برای { $when } ({ $language }) کسی پیدا نشد.

nav-outbox = صندوق خروجی
outbox-title = صندوق خروجی
outbox-hint = ایمیل‌هایی که هنوز فرستاده نشده‌اند یا ارسال آن‌ها برای همیشه ناموفق بوده است. تلاش‌های ناموفق با فاصله‌های زمانی بیشتر و بیشتر تکرار می‌شوند.
outbox-empty = همه ایمیل‌ها فرستاده شده‌اند.
outbox-to = گیرنده
outbox-subject = موضوع
outbox-attempts = تلاش‌ها
outbox-next = تلاش بعدی
outbox-error = آخرین خطا
outbox-pending = در انتظار
outbox-sending = در حال ارسال
outbox-sent = فرستاده شد
outbox-failed = ناموفق

nav-calendar = تقویم
nav-calendar-hint = مأموریت‌ها در تقویم شخصی شما
calendar-title = اتصال به تقویم شخصی شما
calendar-hint = با این نشانی محرمانه، Outlook، Google Calendar یا تلفن شما مأموریت‌های تأییدشده شما را نشان می‌دهند. آن را به کسی ندهید.
calendar-new = نشانی جدید شما. فقط همین حالا نمایش داده می‌شود؛ نشانی قبلی دیگر کار نمی‌کند.
calendar-url = نشانی تقویم
calendar-active = اتصال تقویم فعال است.
calendar-create = ساختن نشانی
calendar-renew = ساختن نشانی جدید (نشانی قبلی از کار می‌افتد)
calendar-revoke = پایان دادن به اتصال تقویم

series-title = تکرار
series-hint = مثلاً همراهی زبانی در مدرسه: هر هفته در همان ساعت، حتی پس از تغییر ساعت رسمی (ساعت تابستانی).
series-none = یک‌بار
series-weekly = هفتگی
series-fortnightly = هر دو هفته یک‌بار
series-count = تعداد نوبت‌ها
series-until = یا تا تاریخ (خود این روز هم حساب است)
series-scope = کدام نوبت‌های این سری؟
series-scope-one = فقط همین نوبت
series-scope-following = همین نوبت و همه نوبت‌های بعدی
series-scope-all = همه نوبت‌ها

requests-live = این فهرست با رسیدن درخواست‌ها یا پاسخ به دعوت‌ها خودبه‌خود به‌روز می‌شود.

nav-settings = تنظیمات
settings-title = تنظیمات مرکز
settings-notice = لغو رایگان تا چند ساعت پیش از نوبت
settings-fee-hour = کمک‌هزینه برای هر ساعت (€)
settings-fee-minimum = حداقل دقیقه‌هایی که پرداخت می‌شود
settings-fee-increment = پس از آن، برای هر بازهٔ شروع‌شده (دقیقه)
settings-fee-travel = مبلغ ثابت هزینه رفت‌وآمد برای مأموریت حضوری (€)
settings-retention = چند روز پس از پایان یک برنامه، ثبت‌نام‌های آن بی‌نام شوند
settings-keep = مدت‌های نگهداری (روز)
settings-keep-hint = Mittler آنچه قدیمی‌تر است را خودش حذف می‌کند. فاکتورها و صورت‌حساب‌ها ۱۰ سال می‌مانند (§ 147 AO).
settings-keep-notes_days = یادداشت‌های درخواست، پس از قرار
settings-keep-unserved_days = درخواست‌های انجام‌نشده (لغو، بدون میانجی)
settings-keep-client_refs_days = شناسه مراجعان درخواست‌های انجام‌شده
settings-keep-failed_mail_days = ایمیل‌های ارسال‌نشده
settings-keep-audit_days = ورودی‌های گزارش ممیزی
settings-keep-inactive_accounts_days = حساب‌های غیرفعال
settings-idle-timeout = دقیقه‌های بی‌فعالیتی تا پایان نشست مرورگر
settings-second-factor = عامل دوم الزامی برای
settings-second-factor-hint = هر کس یکی از این نقش‌ها را دارد، در ورود بعدی یک برنامهٔ احراز هویت راه‌اندازی می‌کند و از آن پس همیشه به کد آن نیاز دارد. برای مدیریت و هماهنگی توصیه می‌شود.
settings-sso = ورود با حساب شهر (ورود یکپارچه، OpenID Connect)
settings-sso-hint = واحد فناوری اطلاعات شهر، Mittler را در سرویس هویت خود (Keycloak، ADFS، Entra ID) به‌عنوان کلاینت با این نشانی بازگشت ثبت می‌کند:
settings-sso-issuer = نشانی صادرکننده (Issuer URL)
settings-sso-client = شناسهٔ کلاینت
settings-sso-secret = رمز کلاینت
settings-sso-secret-set = رمزی ذخیره شده است؛ برای نگه داشتن آن خالی بگذارید.
settings-sso-secret-none = هنوز رمزی ذخیره نشده است.
error-invalid-issuer = لطفاً یک نشانی https بدون اسلش در انتها وارد کنید.
settings-hint = میانجی‌های زبانی کمک‌هزینه احتمالی را از همان دعوت می‌بینند.
invitation-fee = کمک‌هزینه احتمالی

reschedule-title = تغییر ساعت یا مدت
reschedule-time = ساعت جدید
reschedule-hint = دعوت‌های باز پس گرفته می‌شوند و درخواست دوباره باز می‌شود. نوبت‌های تأییدشده تغییری نمی‌کنند.
reschedule-submit = تغییر
flash-rescheduled = تغییر کرد. لطفاً دوباره دعوت کنید.
flash-reschedule-invalid = لطفاً ساعت و مدت را بررسی کنید (15 تا 480 دقیقه).
event-reschedule = زمانش تغییر کرد
event-decline = دعوت رد شد

nav-plans = برنامه‌ریزی روز
plan-title = برنامه‌ریزی روز
plan-hint = Mittler برای هر درخواست باز آن روز یک میانجی زبانی پیشنهاد می‌کند. نوبت‌های تأییدشده همان‌طور که هستند می‌مانند.
plan-date = روز
plan-submit = محاسبه پیشنهاد
plan-cost = هزینه (طبق plan-format.md)
plan-cost-unserved = بدون میانجی (وزن)
plan-cost-travel = زمان سفر
plan-cost-continuity = تغییر میانجی با وجود فرد آشنا
plan-applied = این پیشنهاد اعمال شده است؛ دعوت‌ها فرستاده شده‌اند.
plan-open-request = درخواست
plan-apply = دعوت از افراد انتخاب‌شده
plan-unserved = بدون پیشنهاد
plan-why-language = هیچ‌کس در فهرست میانجی‌ها این زبان را صحبت نمی‌کند.
plan-why-qualified = هیچ‌کس با این زبان شرایط لازم را ندارد (حوزه، جنسیت، تلفن/ویدئو).
plan-why-unavailable = همه کسانی که می‌توانند این کار را انجام دهند، در آن زمان در دسترس نیستند، غایب‌اند یا قبلاً رزرو شده‌اند.
plan-why-busy = همه کسانی که می‌توانند این کار را انجام دهند، برای درخواست‌های دیگر همان روز لازم‌اند.
plan-why-nobody = هیچ‌کس در فهرست میانجی‌ها فعال نیست.
plan-changed = درخواست‌ها پس از این پیشنهاد تغییر کرده‌اند. لطفاً پیشنهاد جدیدی محاسبه کنید.

plan-pick = میانجی زبانی برای این درخواست
plan-skip = دعوت نشود
plan-days-open = روزهای دارای درخواست باز
plan-days-none = در دو هفته آینده هیچ درخواست بازی وجود ندارد.
plan-open-count = { $count ->
    [one] یک درخواست باز
   *[other] { $count } درخواست باز
}
plan-other-days = برنامه‌ریزی روزهای دیگر
plan-summary-staffed = برای { $staffed } درخواست از { $all } درخواست پیشنهادی وجود دارد.
plan-summary-travel = زمان سفر همه پیشنهادها روی هم: { $min } دقیقه.
plan-summary-continuity-kept = هر جا کسی مراجع را از قبل می‌شناسد، همان شخص پیشنهاد شده است.
plan-summary-continuity = { $n } بار فردی که مراجع را از قبل می‌شناسد پیشنهاد نشده است.
nav-privacy = حفاظت از داده‌ها
privacy-title = حفاظت از داده‌ها: دسترسی و حذف
privacy-intro = آنچه Mittler درباره یک فرد نگه می‌دارد و چه کسی آن را خوانده (ماده ۱۵ GDPR)، و حذف آن (ماده ۱۷).
privacy-find = جستجو
privacy-kind = فرد
privacy-kind-mediator = میانجی زبانی (شناسه)
privacy-kind-user = حساب (شناسه)
privacy-kind-client = مراجع (شناسه)
privacy-kind-email = نشانی ایمیل (مثلاً ثبت‌نام)
privacy-value = شناسه، کد یا نشانی
privacy-value-hint = شناسه در نشانی صفحه فرد است، مثلاً /mediators/…
privacy-held = داده‌های نگهداری‌شده
privacy-json = دریافت به‌صورت JSON (برای فرد)
privacy-erase = حذف (ماده ۱۷)
privacy-erase-hint = نام، اطلاعات تماس، یادداشت‌ها، ثبت‌نام‌ها، ایمیل‌ها و جزئیات گزارش همه‌جا حذف می‌شوند. فاکتورها و صورت‌حساب‌های صادرشده ۱۰ سال می‌مانند (§ 147 AO) و سپس محدود می‌شوند.
privacy-reason = دلیل (مثلاً درخواست فرد در تاریخ …)
privacy-confirm = بررسی کرده‌ام که این فرد باید حذف شود. این کار بازگشت‌پذیر نیست.
privacy-erase-button = حذف دائمی
flash-erased = حذف شد. گزارش ممیزی خودِ حذف را ثبت می‌کند، نه داده‌های حذف‌شده را.
error-nothing-held = چیزی درباره این فرد نگهداری نمی‌شود.
error-invalid-subject = نوع را انتخاب و شناسه، کد یا ایمیل معتبر وارد کنید.
error-confirm-erase = لطفاً حذف را تأیید کنید.
records-title = فهرست فعالیت‌های پردازش (ماده ۳۰)
records-intro = از تنظیمات این مرکز ساخته می‌شود و با آن‌ها تغییر می‌کند.
records-controller = مسئول
records-data = دسته‌های داده
records-purpose = هدف
records-basis = مبنای قانونی
records-recipients = گیرندگان
records-retention = مدت نگهداری
records-measures = اقدامات فنی و سازمانی
records-days = { $days } روز
records-mediation = میانجی‌گری زبانی
records-mediation-data = شناسه مستعار مراجع، زبان، قرار، مکان، یادداشت‌ها (ممکن است به سلامت یا اقامت مربوط باشد، ماده ۹)
records-mediation-purpose = تأمین میانجی برای نهادها
records-mediation-basis = ماده ۶(۱)(ه)، ماده ۹(۲)(ز) همراه با قانون مشارکت و ادغام NRW
records-to-institutions = نهاد درخواست‌کننده
records-to-mediators = میانجی‌های دعوت‌شده و گماشته‌شده (یادداشت‌ها فقط پس از گماشتن)
records-to-sms = سرویس پیامک شهر (یادآوری مراجعان)
records-pool = مجموعه میانجی‌ها
records-pool-data = نام، ایمیل، تلفن، زبان‌ها، محل سکونت (مختصات)، دسترس‌پذیری، صلاحیت
records-pool-purpose = برنامه‌ریزی، تماس، پرداخت هزینه‌ها
records-pool-basis = ماده ۶(۱)(ب) (توافق همکاری)
records-pool-retention = تا حذف به درخواست؛ صورت‌حساب‌ها ۱۰ سال
records-to-institutions-assigned = نهاد قرارِ گماشته‌شده (نام)
records-catalogue = فهرست پیشنهادها و ثبت‌نام‌ها
records-catalogue-data = نام، ایمیل، تعداد و سن کودکان، رضایت‌ها
records-catalogue-purpose = شرکت در پیشنهادها، پیام‌های مربوط
records-catalogue-basis = ماده ۶(۱)(الف) (رضایت)
records-to-providers = ارائه‌دهنده پیشنهاد
records-billing = صورت‌حساب
records-billing-data = نشانی صورت‌حساب نهاد، قرارها، ساعت‌ها، سفر؛ صورت‌حساب میانجی‌ها
records-billing-purpose = فاکتور به نهادها، هزینه‌ها
records-billing-basis = ماده ۶(۱)(ج) با § 147 AO
records-billing-retention = ۱۰ سال، سپس محدود
records-accounts = حساب‌ها و گزارش ممیزی
records-accounts-data = نام، ایمیل، نقش، ورودها، نشانی شبکه، چه کسی چه داده‌ای را کی خواند یا تغییر داد
records-accounts-purpose = دسترسی، پاسخ‌گویی، امنیت
records-accounts-basis = ماده ۶(۱)(ج) و (ه)، ماده ۳۲
records-to-nobody = هیچ‌کس خارج از مرکز
records-to-sso = سرویس ورود { $issuer }
records-measure-1 = یادداشت‌ها، شناسه مراجعان، شماره‌ها، مخاطبان یادآوری و متن ایمیل‌ها رمزنگاری‌شده (AES-256-GCM)؛ کلید بیرون از پایگاه داده
records-measure-2 = هر خواندن داده شخصی ثبت می‌شود؛ گزارش یک زنجیره هش است (دستکاری قابل تشخیص)
records-measure-3 = نقش‌ها با کمترین دسترسی؛ میانجی‌ها یادداشت‌ها را فقط پس از گماشتن می‌بینند
records-measure-4 = ورود با قواعد گذرواژه، عامل دوم یا passkey؛ نشست‌ها منقضی می‌شوند
records-measure-5 = فایل‌های پایگاه داده و کلید فقط برای سرویس خواندنی؛ پشتیبان با checksum و رمزنگاری اختیاری (age)
records-measure-6 = دسترسی و حذف برای هر فرد در این صفحه؛ Mittler مدت‌های نگهداری را خودش اعمال می‌کند
records-measure-mail = ایمیل‌های تحویل‌نشده پس از { $days } روز حذف می‌شوند
privacy-section-mediator = نمایه
privacy-section-assignments = مأموریت‌ها
privacy-section-invitations = دعوت‌ها
privacy-section-statements_kept_by_law = صورت‌حساب‌ها (نگهداری قانونی)
privacy-section-requests = درخواست‌ها
privacy-section-registrations = ثبت‌نام‌ها
privacy-section-accounts = حساب‌ها
privacy-section-activity = فعالیت در سامانه
privacy-section-mails = ایمیل‌ها
privacy-section-read_by = چه کسی داده‌ها را خواند
privacy-field-id = شناسه
privacy-field-name = نام
privacy-field-email = ایمیل
privacy-field-phone = تلفن
privacy-field-gender = جنسیت
privacy-field-languages = زبان‌ها
privacy-field-sectors = حوزه‌ها
privacy-field-home = محل سکونت
privacy-field-remote = همچنین تلفنی/تصویری
privacy-field-availability = دسترس‌پذیری
privacy-field-absences = غیبت‌ها
privacy-field-qualified_on = تاریخ صلاحیت
privacy-field-pledge_signed_on = تاریخ امضای تعهد
privacy-field-active = فعال
privacy-field-request = درخواست
privacy-field-start = شروع
privacy-field-language = زبان
privacy-field-status = وضعیت
privacy-field-sent_at = ارسال‌شده
privacy-field-duration_min = مدت (دقیقه)
privacy-field-sector = حوزه
privacy-field-mode = شیوه
privacy-field-client_ref = شناسه مراجع
privacy-field-notes = یادداشت‌ها
privacy-field-institution_id = نهاد
privacy-field-mediator_id = میانجی
privacy-field-history = تاریخچه
privacy-field-reminder = یادآوری
privacy-field-offer = پیشنهاد
privacy-field-persons = افراد
privacy-field-children = کودکان
privacy-field-lang = زبان رابط
privacy-field-registered_at = تاریخ ثبت‌نام
privacy-field-role = نقش
privacy-field-at = زمان
privacy-field-action = اقدام
privacy-field-object = شیء
privacy-field-object_id = شناسه شیء
privacy-field-subject = موضوع
privacy-field-queued_at = ایجادشده
privacy-field-who = چه کسی
requests-more = درخواست‌های بیشتر
requests-first-shown = نخستین { $count } درخواست از اینجا؛ با فیلترها محدود کنید یا ادامه دهید.
