# فهرست عمومی برنامه‌ها، ثبت‌نام‌ها و ابزارهای برگزارکنندگان.

cat-title = برنامه‌ها
cat-count = { $count ->
    [0] هیچ برنامه‌ای پیدا نشد
    [one] یک برنامه
   *[other] { $count } برنامه
}
cat-search = جستجو
cat-search-placeholder = مثلاً کلاس شنا، فوتبال، کافه زبان
cat-filter = نمایش
cat-more-filters = فیلترهای بیشتر
cat-category = نوع
cat-any = همه
cat-target = برای چه کسی
cat-age = سن
cat-spoken = زبان‌هایی که صحبت می‌شود
cat-district = محله
cat-from = از تاریخ
cat-to = تا تاریخ
cat-only-free = فقط برنامه‌های رایگان
cat-in-german = هنوز ترجمه نشده: متن به زبان آلمانی
cat-outdated = این ترجمه ممکن است به‌روز نباشد؛ متن آلمانی معتبر است.
cat-when = چه زمانی
cat-where = کجا
cat-for = برای
cat-cost = هزینه
cat-seats = ظرفیت
cat-pages = صفحه‌ها
cat-prev = صفحه قبل
cat-next = صفحه بعد
cat-open-data = همه برنامه‌ها به‌صورت داده باز (JSON)
cat-back = بازگشت به همه برنامه‌ها
cat-accessibility = دسترسی‌پذیری برای افراد دارای معلولیت
cat-provider = برگزارکننده
cat-sessions = جلسه‌ها
cat-calendar = افزودن جلسه‌ها به تقویم شما (iCalendar)
cat-register = ثبت‌نام
reg-check-fields = ثبت‌نام هنوز ارسال نشده است. لطفاً این موارد را بررسی کنید:
cat-register-waitlist = همه جاها پر شده است. اگر ثبت‌نام کنید، در فهرست انتظار قرار می‌گیرید و به محض اینکه جایی خالی شود، نوبت به شما می‌رسد.
cat-ages-range = { $min } تا { $max } سال
cat-ages-from = از { $min } سالگی
cat-ages-to = تا { $max } سالگی
cat-ages-all = همه سنین
cat-when-series = از { $first }، { $count } جلسه
cat-no-registration = بدون ثبت‌نام، فقط بیایید
cat-full = ظرفیت تکمیل است – فهرست انتظار
cat-lottery = { $seats } جا، قرعه‌کشی در تاریخ { $at }
cat-seats-left = { $seats ->
    [one] یک جای خالی باقی مانده
   *[other] { $seats } جای خالی باقی مانده
}
cat-free = رایگان
cat-check-mail = لطفاً ثبت‌نام خود را تأیید کنید
cat-check-mail-text = ایمیلی به { $email } فرستادیم. ثبت‌نام شما در «{ $title }» فقط وقتی معتبر می‌شود که لینک داخل آن را باز کنید و تأیید کنید.

offer-cat-sport = ورزش
offer-cat-swimming = شنا
offer-cat-play = بازی و تحرک
offer-cat-language = زبان
offer-cat-counselling = مشاوره
offer-cat-school = مدرسه
offer-cat-culture = فرهنگ
offer-cat-professionals = آموزش تکمیلی برای متخصصان
offer-cat-meeting = دیدار و آشنایی
target-children = کودکان
target-youth = نوجوانان و جوانان
target-adults = بزرگسالان
target-families = خانواده‌ها
target-women = زنان
target-seniors = سالمندان
target-professionals = متخصصان
target-newly_arrived = کودکان و خانواده‌های تازه‌وارد

reg-name = نام
reg-name-hint = نام کوچک کافی است.
reg-email = نشانی ایمیل
reg-children = کودکانی که ثبت‌نام می‌کنید
reg-children-hint = سن هر کودک را وارد کنید. خواهران و برادران با هم جا می‌گیرند یا با هم در فهرست انتظار قرار می‌گیرند.
reg-child-age = سن کودک { $n }
reg-persons = تعداد نفرات
reg-group = آیا خانواده شما به این گروه تعلق دارد؟
reg-group-none = خیر / بدون پاسخ
reg-group-hint = در قرعه‌کشی، برای این گروه جا نگه داشته می‌شود.
reg-consents = رضایت‌ها
consent-participation = می‌خواهم شرکت کنم. اطلاعات من می‌تواند برای این منظور استفاده شود (الزامی).
consent-photos = عکس‌هایی که ما در آن‌ها دیده می‌شویم می‌توانند برای اطلاع‌رسانی عمومی استفاده شوند (اختیاری).
consent-share_contact = اطلاعات تماس من می‌تواند به برگزارکننده داده شود تا مستقیم با من تماس بگیرد (اختیاری).
reg-consents-hint = هر رضایت را می‌توانید هر زمان با لینک داخل ایمیل پس بگیرید. اطلاعات شما پس از پایان برنامه حذف می‌شود.
reg-submit = ارسال ثبت‌نام
reg-status-pending = هنوز تأیید نشده
reg-status-confirmed = شما جا دارید
reg-status-waitlisted = در فهرست انتظار
reg-status-entered = شرکت در قرعه‌کشی
reg-status-cancelled = لغو شده
reg-waitlisted-at = در فهرست انتظار، نفر { $position }
reg-confirm-title = تأیید ثبت‌نام
reg-manage-title = ثبت‌نام شما
reg-child = کودک { $n } ({ $age } سال)
reg-now-confirmed = سپاس! ثبت‌نام شما تأیید شد و شما جا دارید.
reg-now-waitlisted = سپاس! همه جاها پر است؛ شما نفر { $position } در فهرست انتظار هستید. به محض اینکه نوبت به شما برسد، برایتان ایمیل می‌فرستیم.
reg-now-entered = سپاس! شما در قرعه‌کشی شرکت دارید. نتیجه را برایتان ایمیل می‌کنیم.
reg-now-cancelled = ثبت‌نام شما لغو شد.
reg-child-cancelled = ثبت‌نام این کودک لغو شد؛ بقیه جای خود را نگه می‌دارند.
reg-consent-revoked = رضایت پس گرفته شد.
reg-offer = برنامه
reg-status = وضعیت
reg-confirm-button = بله، ثبت‌نام را تأیید می‌کنم
reg-cancel-child = لغو ثبت‌نام یک کودک
reg-cancel-this-child = لغو ثبت‌نام این کودک
reg-cancel-all = لغو کامل ثبت‌نام
reg-revoke = پس گرفتن
reg-not-given = داده نشده

mail-reg-confirm-subject = لطفاً تأیید کنید: { $title }
mail-reg-confirm-body = سلام { $name }،

    شما برای «{ $title }» ثبت‌نام کرده‌اید ({ $persons } نفر)، شروع: { $when }، { $place }.
    لطفاً ثبت‌نام خود را با این لینک تأیید کنید:
    { $confirm }

    برای لغو ثبت‌نام یا پس گرفتن رضایت‌ها:
    { $cancel }

    اگر شما ثبت‌نام نکرده‌اید، لازم نیست کاری انجام دهید.
mail-reg-confirmed-subject = جای شما: { $title }
mail-reg-confirmed-body = ثبت‌نام شما در «{ $title }» تأیید شد. شروع: { $when }، { $place }.

    اگر نمی‌توانید بیایید، لطفاً ثبت‌نام را لغو کنید تا نفر بعدی در فهرست انتظار جای شما را بگیرد:
    { $cancel }
mail-reg-waitlisted-subject = فهرست انتظار: { $title }
mail-reg-waitlisted-body = همه جاهای «{ $title }» پر است. شما نفر { $position } در فهرست انتظار هستید. به محض اینکه جایی خالی شود، برایتان ایمیل می‌فرستیم.

    لغو ثبت‌نام: { $cancel }
mail-reg-entered-subject = قرعه‌کشی: { $title }
mail-reg-entered-body = ثبت‌نام شما در «{ $title }» تأیید شد. قرعه‌کشی جاها در تاریخ { $lottery } انجام می‌شود؛ نتیجه را برایتان ایمیل می‌کنیم.

    لغو ثبت‌نام: { $cancel }
mail-reg-cancelled-subject = لغو شد: { $title }
mail-reg-cancelled-body = ثبت‌نام شما در «{ $title }» لغو شد.
mail-reg-promoted-subject = یک جا خالی شد: { $title }
mail-reg-promoted-body = خبر خوب: در «{ $title }» یک جا خالی شد و نوبت به شما رسید. شروع: { $when }، { $place }.

    اگر دیگر نمی‌توانید بیایید، لطفاً با لینک داخل اولین ایمیل، ثبت‌نام را لغو کنید.
mail-reg-won-subject = شما جا دارید: { $title }
mail-reg-won-body = قرعه‌کشی «{ $title }» انجام شد: شما جا دارید. شروع: { $when }، { $place }.
mail-reg-lost-subject = فهرست انتظار: { $title }
mail-reg-lost-body = قرعه‌کشی «{ $title }» انجام شد. متأسفانه این بار جا به شما نرسید؛ شما نفر { $position } در فهرست انتظار هستید و به محض اینکه جایی خالی شود، نوبت به شما می‌رسد.

csv-status = وضعیت
csv-name = نام
csv-email = ایمیل
csv-persons = نفرات
csv-ages = سن کودکان
csv-language = زبان
csv-group = گروه
csv-photos = اجازه عکس
csv-share-contact = اجازه دادن اطلاعات تماس
csv-registered = تاریخ ثبت‌نام
csv-yes = بله
csv-no = خیر
csv-present = حاضر
csv-absent = غایب

error-age-out-of-range = این سن با این برنامه مطابقت ندارد.
error-children-mismatch = این تعداد با کودکانی که وارد کرده‌اید مطابقت ندارد.
error-more-than-capacity = تعداد نفرات بیشتر از ظرفیت این برنامه است.
error-consent-required = بدون این رضایت، ثبت‌نام ممکن نیست.
error-after-start = قرعه‌کشی باید پیش از اولین جلسه باشد.
error-lottery-only = نگه داشتن جا برای یک گروه فقط در قرعه‌کشی ممکن است.
error-end-before-start = پایان باید بعد از شروع باشد.

nav-offers = برنامه‌ها
nav-offers-hint = مدیریت، بررسی و انتشار برنامه‌های برگزارکنندگان؛ ثبت‌نام‌ها و حضور و غیاب
nav-providers = برگزارکنندگان
offer-status-draft = پیش‌نویس
offer-status-in_review = در حال بررسی
offer-status-published = منتشرشده
offer-status-archived = بایگانی‌شده
offer-new = برنامه جدید
offer-edit = ویرایش برنامه
offer-title = عنوان
offer-status = وضعیت
offer-capacity = ظرفیت
offer-outdated = ترجمه قدیمی
offer-actions = اقدامات
offer-registrations = ثبت‌نام‌ها
offer-publish = انتشار
offer-submit = ارسال برای بررسی
offer-return = بازگرداندن به برگزارکننده
offer-archive = بایگانی
offer-review-note = یادداشت بررسی
offer-texts = عنوان و توضیحات
offer-texts-hint = متن آلمانی الزامی است. ترجمه‌ها اختیاری‌اند؛ اگر متن آلمانی تغییر کند، ترجمه‌ها تا زمان به‌روزرسانی «قدیمی» علامت‌گذاری می‌شوند.
offer-description = توضیحات
offer-what = چه چیزی و برای چه کسی
offer-age-min = سن از
offer-age-max = سن تا
offer-languages-hint = کدهای ISO 639-3، جدا شده با ویرگول، مثلاً deu, ara, ukr
offer-schedule-kind = نوع زمان‌بندی
offer-kind-dates = جلسه‌های جداگانه
offer-kind-weekly = هفتگی در یک بازه زمانی
offer-kind-block = هر روز کاری در یک دوره تعطیلات مدرسه
offer-dates = جلسه‌های جداگانه
offer-dates-hint = هر جلسه در یک سطر: 2027-07-06 10:00-11:30
offer-weekdays = روزهای هفته
offer-start-time = شروع
offer-end-time = پایان
offer-except = استثناها (تعطیلات): تاریخ‌ها را با ویرگول جدا کنید
offer-cost = هزینه به یورو (خالی = رایگان)
offer-cost-note = توضیح درباره هزینه
offer-registration = ثبت‌نام
offer-reg-none = بدون ثبت‌نام
offer-reg-first-come = به ترتیب تأیید، سپس فهرست انتظار
offer-reg-lottery = قرعه‌کشی در یک تاریخ مشخص
offer-lottery-at = تاریخ قرعه‌کشی
offer-quota = جاهای نگه‌داشته‌شده برای هر گروه در قرعه‌کشی
offer-weekends = دوره تعطیلات، آخر هفته‌ها را هم شامل شود
error-offer-changed = در این فاصله شخص دیگری این برنامه را تغییر داده است. لطفاً آن را دوباره بارگذاری کنید؛ آنچه نوشته بودید در پایین آمده است.
error-has-attendance = برای جلسه‌ای که حذف یا جابه‌جا می‌شود، حضور و غیاب ثبت شده است؛ این جلسه باید بماند.
error-below-taken = تعداد جاهای پرشده از این بیشتر است؛ ظرفیت نمی‌تواند کمتر شود.
error-has-registrations = نوع ثبت‌نام دیگر قابل تغییر نیست، چون ثبت‌نام‌هایی انجام شده است.
offer-workflow = بررسی و انتشار
offer-taken = جاهای پرشده
offer-export = دانلود به‌صورت CSV برای Excel
offer-save-attendance = ذخیره حضور و غیاب
offer-message = پیام به همه ثبت‌نام‌کنندگان
offer-message-hint = هر نفر پیام را به زبان خودش دریافت می‌کند، اگر شما آن را به آن زبان نوشته باشید؛ در غیر این صورت به زبان آلمانی.
offer-subject = موضوع
offer-body = متن
offer-send = ارسال
offer-message-sent = پیام برای { $count } ثبت‌نام فرستاده شد.
user-provider = برگزارکننده (برای حساب‌های برگزارکننده)
provider-name = نام برگزارکننده
provider-add = افزودن برگزارکننده
