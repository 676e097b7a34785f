# فهرست عمومی برنامه‌ها و ثبت‌نام

nav-skip = رفتن به محتوا
nav-language = زبان
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
cat-spoken = زبان‌های مورد استفاده
cat-district = محله
cat-from = از تاریخ
cat-to = تا تاریخ
cat-only-free = فقط برنامه‌های رایگان
cat-in-german = هنوز ترجمه نشده: متن به زبان آلمانی
cat-outdated = این ترجمه ممکن است به‌روز نباشد؛ متن آلمانی ملاک است.
cat-when = چه زمانی
cat-where = کجا
cat-for = برای
cat-cost = هزینه
cat-seats = جا
cat-pages = صفحه‌ها
cat-prev = صفحه قبل
cat-next = صفحه بعد
cat-open-data = همه برنامه‌ها به صورت داده باز (JSON)
cat-back = بازگشت به همه برنامه‌ها
cat-accessibility = دسترسی‌پذیری
cat-provider = برگزارکننده
cat-sessions = زمان‌ها
cat-calendar = افزودن زمان‌ها به تقویم (iCalendar)
cat-register = ثبت‌نام
cat-register-waitlist = همه جاها پر شده است. اگر ثبت‌نام کنید، در فهرست انتظار قرار می‌گیرید و به محض خالی شدن جا، جا می‌گیرید.
cat-ages-range = { $min } تا { $max } سال
cat-ages-from = از { $min } سال
cat-ages-to = تا { $max } سال
cat-ages-all = همه سنین
cat-when-series = از { $first }، { $count } جلسه
cat-no-registration = بدون ثبت‌نام، فقط بیایید
cat-full = تکمیل – فهرست انتظار
cat-lottery = { $seats } جا، قرعه‌کشی در { $at }
cat-seats-left = { $seats ->
    [one] یک جای خالی
   *[other] { $seats } جای خالی
}
cat-free = رایگان
cat-check-mail = لطفاً ثبت‌نام خود را تأیید کنید
cat-check-mail-text = ایمیلی به { $email } فرستادیم. ثبت‌نام شما در «{ $title }» پس از باز کردن لینک آن و تأیید، معتبر می‌شود.

offer-cat-sport = ورزش
offer-cat-swimming = شنا
offer-cat-play = بازی و حرکت
offer-cat-language = زبان
offer-cat-counselling = مشاوره
offer-cat-school = مدرسه
offer-cat-culture = فرهنگ
offer-cat-professionals = آموزش برای متخصصان
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
reg-children-hint = سن هر کودک را وارد کنید. خواهر و برادرها با هم جا می‌گیرند یا با هم در فهرست انتظار قرار می‌گیرند.
reg-child-age = سن کودک { $n }
reg-persons = تعداد نفرات
reg-group = آیا خانواده شما به این گروه تعلق دارد؟
reg-group-none = خیر / بدون پاسخ
reg-group-hint = در قرعه‌کشی برای این گروه جا نگه داشته می‌شود.
reg-consents = رضایت‌ها
consent-participation = می‌خواهم شرکت کنم و اطلاعاتم برای این کار استفاده شود (الزامی).
consent-photos = عکس‌هایی که ما در آن‌ها دیده می‌شویم می‌توانند برای اطلاع‌رسانی استفاده شوند (اختیاری).
consent-share_contact = اطلاعات تماس من می‌تواند به برگزارکننده داده شود تا مستقیم با من تماس بگیرد (اختیاری).
reg-consents-hint = هر رضایت را می‌توانید هر زمان با لینک داخل ایمیل پس بگیرید. اطلاعات شما پس از پایان برنامه حذف می‌شود.
reg-submit = ارسال ثبت‌نام
reg-status-pending = هنوز تأیید نشده
reg-status-confirmed = شما جا دارید
reg-status-waitlisted = در فهرست انتظار
reg-status-entered = در قرعه‌کشی شرکت دارد
reg-status-cancelled = لغو شده
reg-waitlisted-at = در فهرست انتظار، نفر { $position }
reg-confirm-title = تأیید ثبت‌نام
reg-manage-title = ثبت‌نام شما
reg-child = کودک { $n } ({ $age } سال)
reg-now-confirmed = سپاس! ثبت‌نام شما تأیید شد و جا دارید.
reg-now-waitlisted = سپاس! همه جاها پر است؛ شما نفر { $position } فهرست انتظار هستید. به محض خالی شدن جا به شما خبر می‌دهیم.
reg-now-entered = سپاس! شما در قرعه‌کشی شرکت دارید. نتیجه را برایتان می‌فرستیم.
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

    شما برای «{ $title }» ثبت‌نام کرده‌اید ({ $persons } نفر)، شروع { $when }، { $place }.
    لطفاً ثبت‌نام خود را با این لینک تأیید کنید:
    { $confirm }

    برای لغو ثبت‌نام یا پس گرفتن رضایت‌ها:
    { $cancel }
mail-reg-confirmed-subject = جای شما: { $title }
mail-reg-confirmed-body = ثبت‌نام شما در «{ $title }» تأیید شد. شروع { $when }، { $place }.

    اگر نمی‌توانید بیایید، لطفاً ثبت‌نام را لغو کنید: { $cancel }
mail-reg-waitlisted-subject = فهرست انتظار: { $title }
mail-reg-waitlisted-body = همه جاهای «{ $title }» پر است. شما نفر { $position } فهرست انتظار هستید.

    لغو: { $cancel }
mail-reg-entered-subject = قرعه‌کشی: { $title }
mail-reg-entered-body = ثبت‌نام شما در «{ $title }» تأیید شد. قرعه‌کشی در { $lottery } انجام می‌شود.

    لغو: { $cancel }
mail-reg-cancelled-subject = لغو شد: { $title }
mail-reg-cancelled-body = ثبت‌نام شما در «{ $title }» لغو شد.
mail-reg-promoted-subject = جا خالی شد: { $title }
mail-reg-promoted-body = خبر خوب: در «{ $title }» جا خالی شد و شما جا گرفتید. شروع { $when }، { $place }.
mail-reg-won-subject = شما جا دارید: { $title }
mail-reg-won-body = قرعه‌کشی «{ $title }» انجام شد: شما جا دارید. شروع { $when }، { $place }.
mail-reg-lost-subject = فهرست انتظار: { $title }
mail-reg-lost-body = قرعه‌کشی «{ $title }» انجام شد. این بار جا نگرفتید؛ شما نفر { $position } فهرست انتظار هستید.

error-invalid = ورودی نادرست است.
error-required = این فیلد الزامی است.
error-invalid-email = نشانی ایمیل نادرست است.
error-age-out-of-range = این سن با برنامه جور نیست.
error-consent-required = بدون این رضایت ثبت‌نام ممکن نیست.
