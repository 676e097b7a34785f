# Mittler – український інтерфейс

nav-skip = Перейти до змісту
nav-main = Головна навігація
nav-language = Мова
nav-home = Огляд
nav-home-hint = Назад до огляду
nav-mediators = Мовні посередники
nav-mediators-hint = Пошук у базі, створення й ведення профілів
nav-institutions = Установи
nav-institutions-hint = Замовники та їхні локації
nav-my-institution = Моя установа
nav-my-institution-hint = Дані та локації вашої установи
nav-my-schedule = Моя доступність
nav-my-schedule-hint = Оновлюйте тижневий графік і відсутності
nav-users = Облікові записи
nav-users-hint = Створення облікових записів, призначення ролей, блокування
nav-audit = Журнал змін
nav-audit-hint = Хто, коли і що змінив
nav-password = Пароль
nav-sign-out = Вийти

home-title = Огляд
home-greeting = Вітаємо, { $name }
desk-title = Що потрібно зробити
desk-unstaffed = без мовного посередника в найближчі 48 годин
desk-expiring = запрошення спливають протягом 24 годин
desk-timesheets = табелі часу очікують підтвердження
desk-disputes = оскаржені табелі часу
desk-show-all = показати всі запити
filter-title = Фільтри
home-invitations = { $count ->
    [0] Немає відкритих запрошень
    [one] { $count } відкрите запрошення – будь ласка, дайте відповідь
    [few] { $count } відкриті запрошення – будь ласка, дайте відповідь
    [many] { $count } відкритих запрошень – будь ласка, дайте відповідь
   *[other] Відкритих запрошень: { $count } – будь ласка, дайте відповідь
}

role-admin = Адміністрування
role-coordinator = Координація
role-institution = Установа
role-mediator = Мовний посередник
role-provider = Організатор
role-state = Рівень федеральної землі

login-title = Вхід
login-email = Адреса електронної пошти
login-password = Пароль
login-submit = Увійти
login-failed = Неправильна адреса електронної пошти або пароль.
login-locked = { $minutes ->
    [one] Забагато невдалих спроб. Спробуйте ще раз через { $minutes } хвилину.
    [few] Забагато невдалих спроб. Спробуйте ще раз через { $minutes } хвилини.
    [many] Забагато невдалих спроб. Спробуйте ще раз через { $minutes } хвилин.
   *[other] Забагато невдалих спроб. Спробуйте ще раз через { $minutes } хв.
}
login-demo = Демо-доступи
login-demo-hint = Ці доступи існують лише в демо-режимі. Усі дані вигадані.
login-centre = Центр
login-choose-centre = Ця адреса належить обліковим записам у кількох центрах. Виберіть центр і введіть пароль ще раз.
login-code-title = Введіть код
login-code = Код із застосунку-автентифікатора
login-code-hint = Шість цифр. Без телефону: один із ваших кодів відновлення.
login-start-again = Почати знову
login-sso = Увійти через обліковий запис міста
login-sso-submit = Далі до входу міста
login-sso-no-account = Для цієї адреси в цьому центрі немає облікового запису. Зверніться до адміністрації.
login-sso-failed = Вхід через місто не вдався. Спробуйте ще раз.
login-sso-unavailable = Вхід міста зараз недоступний. Увійдіть за паролем.

password-title = Змінити пароль
password-old = Поточний пароль
password-new = Новий пароль
password-confirm = Повторіть новий пароль
password-rules = Щонайменше 12 символів. Речення з кількох слів легко запам'ятати, і воно надійне.
password-submit = Змінити пароль
password-changed = Пароль змінено. Усі інші сеанси завершено.
password-initial = Ваш пароль встановила адміністрація. Будь ласка, виберіть власний зараз.
nav-security = Обліковий запис і безпека
sessions-title = Мої сеанси
sessions-hint = Тут видно, де виконано вхід у ваш обліковий запис: браузери та ключі API. Завершіть незнайомі, а потім змініть пароль.
sessions-kind = Тип
sessions-kind-web = Браузер
sessions-kind-api = Ключ API
sessions-started = Вхід
sessions-last-seen = Остання активність
sessions-address = Мережева адреса
sessions-end = Завершити
sessions-this = цей
sessions-end-others = Завершити всі інші
sessions-ended = Завершено.
sessions-end-all = Завершити всі сеанси
sessions-end-all-hint = Загублений телефон, обліковий запис у чужих руках: тут завершуються всі сеанси та ключі API цього облікового запису.
two-factor-title = Другий фактор
two-factor-required = Ваш центр вимагає другий фактор для вашої ролі. Налаштуйте його зараз.
two-factor-intro = З другим фактором для входу окрім пароля потрібен код із застосунку-автентифікатора на телефоні (наприклад, FreeOTP, Aegis, Google або Microsoft Authenticator).
two-factor-start = Налаштувати
two-factor-step-app = Відкрийте застосунок-автентифікатор.
two-factor-step-scan = Відскануйте цей код:
two-factor-qr-alt = QR-код для налаштування застосунку-автентифікатора
two-factor-secret = Без камери: введіть цей ключ:
two-factor-step-code = Введіть код, який зараз показує застосунок.
two-factor-confirm = Підтвердити
two-factor-codes = Ваші коди відновлення
two-factor-codes-hint = Кожен код діє один раз, коли телефону немає. Роздрукуйте або запишіть їх зараз: їх показано лише цього разу.
two-factor-done = Готово
two-factor-on = Другий фактор налаштовано. Невикористаних кодів відновлення: { $left }.
two-factor-remove = Вилучити другий фактор
home-second-factor-warning = Безпека: другий фактор ще не обов’язковий для адміністрації та координації. Увімкніть його в налаштуваннях.
passkey-title = Ключі доступу
passkey-intro = Ключ доступу — другий фактор на телефоні, комп’ютері чи ключі безпеки: після пароля ви підтверджуєте відбитком пальця, обличчям або PIN-кодом.
passkey-name = Назва пристрою (напр., робочий телефон)
passkey-add = Додати ключ доступу
passkey-use = Підтвердити ключем доступу
passkey-remove = Вилучити
passkey-added = додано
passkey-last-used = востаннє використано
passkey-failed = Не вдалося. Спробуйте ще раз або введіть код.
passkey-done = Ключ доступу додано.
passkey-unsupported = Цей браузер не підтримує ключі доступу.
passkey-unavailable = Ключам доступу потрібна адреса з іменем (MITTLER_PUBLIC_URL), а не IP-адреса.
error-passkeys-unavailable = Ключі доступу не налаштовано в цій інсталяції.

search-label = Пошук
search-submit = Шукати
search-include-inactive = Показувати й деактивовані
list-empty = Нічого не знайдено.
list-count = { $count ->
    [one] { $count } запис
    [few] { $count } записи
    [many] { $count } записів
   *[other] Записів: { $count }
}
status = Статус
status-active = активний
status-inactive = деактивовано
yes = так
no = ні

form-save = Зберегти
form-saved = Збережено.
form-choose = Виберіть
form-has-errors = Перевірте позначені поля.
form-deactivate = Деактивувати
form-activate = Знову активувати

institutions-title = Установи
institution-new = Нова установа
institution-new-title = Нова установа
institution-edit-title = Установа
institution-name = Назва
institution-contact = Контактна особа
institution-contact-hint = Кому телефонують мовні посередники та клієнти, напр. «пані Приклад, кімната 12» або «Рецепція».
institution-phone = Телефон
form-optional = необов’язково
form-add-row = Додати рядок
form-required-hint = Поля з * обов’язкові.
slip-title = Ваш прийом
slip-when = Коли
slip-where = Де
slip-by-phone = Телефоном: вам зателефонують.
slip-by-video = Відеозв’язком: ви отримаєте посилання.
slip-map = Карта
slip-mediator = Ваш мовний посередник (ім’я)
slip-bring = Будь ласка, візьміть із собою
slip-cancel = Якщо ви не можете прийти, будь ласка, зателефонуйте
slip-page-title = Пам’ятка про прийом для клієнта
slip-page-hint = Для людини, якій потрібен мовний посередник: її мовою, для друку або як PDF. Те, що ви впишете в «Будь ласка, візьміть із собою», не зберігається.
slip-language = Мова пам’ятки
slip-show = Показати пам’ятку
slip-print = Друкувати
slip-pdf = Як PDF
slip-open = Пам’ятка про прийом для клієнта
slip-reminder-subject = Нагадування: { $title } завтра
slip-reminder-intro = Доброго дня, нагадуємо про ваш прийом завтра. З вами буде мовний посередник.
slip-remind-title = Нагадування напередодні
slip-remind-hint = Якщо людина згодна, напередодні прийому вона отримає e-mail своєю мовою. Адресу буде видалено після надсилання, найпізніше в день прийому.
slip-remind-contact = E-mail людини
slip-remind-contact-sms = E-mail або номер мобільного телефону людини
error-no-sms = Надсилання SMS не налаштовано. Будь ласка, вкажіть e-mail.
slip-remind-consent = Людина згодна отримати нагадування.
slip-remind-save = Налаштувати нагадування
slip-remind-active = Нагадування на { $contact } налаштовано.
slip-remind-delete = Видалити нагадування
flash-reminder-saved = Нагадування налаштовано.
flash-reminder-deleted = Нагадування й адресу видалено.
error-not-confirmed = Пам’ятка з’явиться, щойно буде підтверджено мовного посередника.
error-invalid-phone = Будь ласка, вкажіть номер телефону лише цифрами, пробілами та + - / ( ).
institution-category = Тип установи
institution-details = Дані
institution-places = Локації
institution-places-hint = Порожні рядки ігноруються. Якщо очистити рядок, локацію буде видалено.
place-geocoded-hint = Широту й довготу можна залишити порожніми: Mittler визначить їх за адресою.
place-name = Назва
place-address = Адреса
place-lat = Широта
place-lon = Довгота

category-authority = Орган влади
category-health = Охорона здоров'я
category-school = Школа
category-social = Соціальні послуги та консультації
category-court = Суд
category-other = Інше

mediators-title = Мовні посередники
mediator-new = Новий мовний посередник
mediator-new-title = Новий мовний посередник
mediator-edit-title = Мовний посередник
mediator-search-label = Пошук за ім'ям, ел. поштою, мовою або сферою
mediator-person = Особа
mediator-name = Ім'я
mediator-email = Ел. пошта
mediator-phone = Телефон
mediator-home-place = Місце проживання (поштовий індекс або район, для координат)
mediator-gender = Стать
mediator-languages = Мови
mediator-languages-hint = Введіть мову або її код ISO 639-3, напр. «тигринья» або «tir».
mediator-language = Мова
mediator-level = Рівень
mediator-level-required = Будь ласка, виберіть, наскільки добре ви володієте мовою.
level-choose = – виберіть рівень –
mediator-sectors = Сфери
mediator-work = Робота
mediator-home-hint = Місце проживання лише приблизно (з точністю близько кілометра), для розрахунку часу в дорозі.
mediator-home-lat = Місце проживання: широта
mediator-home-lon = Місце проживання: довгота
mediator-speed = Швидкість пересування (km/h)
mediator-max-work = Максимум хвилин роботи на день
mediator-remote = Телефон/відео
mediator-remote-long = Бере також завдання телефоном або по відео
mediator-availability = Тижнева доступність
mediator-availability-hint = Час, коли можливі завдання. Порожні рядки ігноруються.
mediator-absences = Відсутності
mediator-absences-hint = Відпустка, хвороба чи інший час без завдань (включно).
mediator-records = Кваліфікація та конфіденційність
mediator-qualified-on = Дата завершення кваліфікації
mediator-pledge-on = Дата підписання зобов'язання про конфіденційність

gender-f = жіноча
gender-m = чоловіча
gender-d = інша
level-native = рідна мова
level-fluent = вільне володіння
level-working = робочий рівень
sector-authority = Органи влади
sector-medical = Медицина
sector-psychotherapy = Психотерапія
sector-school = Школа
sector-social = Соціальна сфера
sector-court = Суд

weekday = День тижня
weekday-1 = понеділок
weekday-2 = вівторок
weekday-3 = середа
weekday-4 = четвер
weekday-5 = п'ятниця
weekday-6 = субота
weekday-7 = неділя
time-from = з
time-to = до
date-from = з
date-to = до (включно)

schedule-title = Моя доступність

users-title = Облікові записи
user-new = Новий обліковий запис
user-new-title = Новий обліковий запис
user-edit-title = Обліковий запис
user-name = Ім'я
user-role = Роль
user-lang = Мова інтерфейсу
user-institution = Установа (для ролі «Установа»)
user-mediator = Мовний посередник (для ролі «Мовний посередник»)

audit-title = Журнал змін
audit-at = Коли
audit-actor = Хто
audit-action = Дія
audit-object = Об'єкт
audit-detail = Подробиці
audit-address = Адреса
audit-pages = Сторінки журналу змін
audit-sign-in = Вхід
audit-sign-in-failed = Невдалий вхід
audit-sign-out = Вихід
audit-password-changed = Пароль змінено
audit-create = Створено
audit-update = Змінено
audit-deactivate = Деактивовано
audit-session-ended = Сеанс завершено
audit-second-factor-added = Другий фактор додано
audit-second-factor-removed = Другий фактор вилучено
audit-view-denied = Перегляд відмовлено
audit-export = Дані експортовано (ст. 15)
audit-erase = Стерто (ст. 17)
audit-expire = Строк минув, видалено
audit-object-id = ID об'єкта
audit-who-saw = Усі записи про цей об'єкт: хто бачив або змінював
error-invalid-id = Це не дійсний ID (36 символів).
object-request = Запит
object-request-list = Список запитів
object-mediator-list = Список перекладачів
object-user-list = Список облікових записів
object-outbox = Вихідні
object-audit-log = Журнал аудиту
object-client = Код клієнта
object-email = Адреса e-mail
object-retention = Строки зберігання
object-export = Експорт даних
object-user = Обліковий запис
object-institution = Установа
object-mediator = Мовний посередник
object-billing-run = Закриття місяця
object-billing-settings = Налаштування розрахунків
object-credit-note = Кредит-нота
object-offer = Пропозиція
object-offer-lottery = Жеребкування
object-offer-registrations = Реєстрації
object-offer-retention = Строк зберігання реєстрацій
object-provider = Організатор
object-request-fund = Фінансування запиту
object-settings = Налаштування
audit-view = Переглянуто
audit-filter = Фільтрувати
audit-any = усі
audit-from = З (дата)
audit-to = До (дата)
audit-page-of = Сторінка { $page } з { $pages }
date-hint = Дата у форматі 24.12.2026 або 24.12.26
audit-field-absences = Відсутності
audit-field-active = активний
audit-field-allowances = Компенсації
audit-field-availability = Доступність
audit-field-budget_cents = Бюджет (центи)
audit-field-category = Тип
audit-field-count = Кількість
audit-field-days = Дні
audit-field-discarded = відкинуто
audit-field-email = Ел. пошта
audit-field-fund = Фонд
audit-field-invoice = Рахунок
audit-field-invoices = Рахунки
audit-field-issued = виставлено
audit-field-month = Місяць
audit-field-name = Ім'я / назва
audit-field-offer_id = Пропозиція
audit-field-places = Локації
audit-field-provider_id = Організатор
audit-field-reason = Причина
audit-field-role = Роль
audit-field-seed = Номер жеребкування
audit-field-seller = Постачальник
audit-field-statements = Розрахунки
audit-field-status = Статус
audit-field-vat = ПДВ
audit-field-was = раніше
audit-field-without_tariff = без тарифу
audit-field-via = через
pager-newer = Новіші
pager-older = Старіші

error-title = Помилка
error-invalid-date = Будь ласка, введіть дату у форматі 24.12.2026.
error-invalid-datetime = Будь ласка, вкажіть дату й час, наприклад 01.12.2026 09:00.
error-forbidden = Ваша роль не має на це права.
error-not-found = Такої сторінки або запису не існує.
error-conflict = Це суперечить поточному стану. Перезавантажте сторінку.
error-too-many = Забагато спроб. Зачекайте трохи.
error-internal = Сталася внутрішня помилка. Повідомте службі підтримки цей ідентифікатор
error-csrf = Термін дії форми минув. Перезавантажте сторінку й надішліть форму ще раз.
error-bad-form = Форма надійшла неповною. Перезавантажте сторінку й надішліть форму ще раз.
error-bad-link = Це посилання неповне або пошкоджене. Поверніться назад і спробуйте ще раз.
error-control-characters = Це поле містить невидимі керівні символи. Будь ласка, введіть текст ще раз.
error-invalid = Недійсне значення.
error-required = Це поле обов'язкове.
error-too-long = Текст задовгий.
error-too-short = Закоротко: щонайменше 12 символів.
error-common-password = Цей пароль є у списку поширених паролів. Будь ласка, виберіть інший.
error-weak-password = Цей пароль надто легко вгадати. Порада: кілька незвичних слів поспіль.
error-invalid-email = Введіть дійсну адресу електронної пошти.
error-out-of-range = Значення поза допустимим діапазоном.
error-invalid-number = Введіть число.
error-invalid-time = Введіть час у форматі 08:30.
error-not-after-start = Кінець має бути пізніше за початок.
error-before-start = Кінець не може бути раніше за початок.
error-overlaps = Перетинається з іншим проміжком того самого дня.
error-unknown-language = Невідома мова. Введіть назву або код ISO 639-3.
error-duplicate = Цю мову вже додано.
error-taken = Ця адреса електронної пошти вже використовується.
error-mismatch = Два введені значення не збігаються.
error-wrong-password = Поточний пароль неправильний.
error-name-link = Вкажіть лише ім’я в одному рядку, без посилань чи адрес.
error-same-password = Новий пароль має відрізнятися від поточного.
error-wrong-code = Код неправильний. Введіть поточний код із застосунку.
error-no-enrolment = Почніть налаштування знову.
error-second-factor-required = Ваш центр вимагає другий фактор для вашої ролі.
error-unknown = Такого запису не існує.
error-unknown-id = Локація не належить до цієї установи.
error-not-allowed = Не передбачено для цієї ролі.
error-not-allowed-self = Ви не можете заблокувати себе або забрати в себе роль адміністратора.
error-wrong-type = Неправильний тип значення.
error-cross-site = Запити з інших вебсайтів відхиляються.
error-internal-id = Внутрішня помилка (ідентифікатор { $id }).
error-too-many-items = Забагато записів.

## Мовне посередництво: запити, запрошення, завдання

nav-requests = Запити
nav-requests-hint = Вхідні за днем і статусом, кандидати, запрошення
nav-book = Замовити мовне посередництво
nav-book-hint = Забронювати зустріч із мовним посередництвом
nav-invitations = Запрошення
nav-invitations-hint = Прийняти або відхилити відкриті запити
nav-assignments = Мої завдання
nav-assignments-hint = Зустрічі та табелі часу
requests-title = Запити
request-new = Новий запит
request-new-title = Замовити мовне посередництво
request-title = Запит
filter-from = З
filter-to = До
filter-any = усі
filter-submit = Фільтрувати
request-language = Мова
request-sector = Сфера
request-institution = Установа
request-institution-from-place = за локацією
request-start = Початок
request-mediator = Мовний посередник
request-urgent = терміново
request-where = Де
mode-onsite = на місці
mode-phone = телефоном
mode-video = відеозв'язком
request-place = Місце
request-what = Що і коли
request-duration = Тривалість (у хвилинах)
request-wishes = Побажання
request-gender = Стать мовного посередника
request-gender-none = без різниці
request-gender-wish-label = бажано
request-gender-must-label = обов'язково
request-gender-wish = бажано: { $gender }
request-gender-must = обов'язково: { $gender }
priority-1 = звичайний
priority-2 = високий
priority-3 = терміновий
request-priority = Пріоритет
request-client-ref = Код клієнта
request-client-ref-hint = Псевдонім на зразок K-2026-0042, ніколи не ім'я. Залиште порожнім, і Mittler створить код сам.
request-notes = Примітки
request-notes-warning = Не вказуйте даних про здоров'я, діагнозів чи імен. Лише те, що потрібно для планування.
request-submit = Надіслати запит
request-cancel-reason = Скасовано
request-billable = платно
timesheet-title = Табель часу
timesheet-none = немає
timesheet-submitted = надіслано, очікує підтвердження
timesheet-confirmed = підтверджено
timesheet-disputed = оскаржено
timesheet-confirm = Підтвердити табель часу
timesheet-dispute-reason = Причина оскарження
timesheet-dispute = Оскаржити
timesheet-summary = { $start } – { $end }, очікування { $waiting } min, дорога { $travel } min, відстань { $km } km
candidates-title = Кандидати
candidates-none = Ніхто не може виконати цей запит. Причини наведено нижче.
candidates-pick = Вибір
candidates-score = Оцінка
candidates-travel = Дорога
candidates-week = Цей тиждень
candidates-continuity = знайома особа
candidates-why = Чому
candidates-why-known = вже знає цю особу
candidates-why-travel = дорога { $min } хв
candidates-why-week = цього тижня заброньовано { $hours } год
candidates-past-open = запрошення надіслано, відповіді ще немає
candidates-past-accepted = запрошення прийнято
candidates-past-declined = запрошення відхилено
candidates-past-expired = вчасно не відповіли
candidates-past-withdrawn = запрошення відкликано
candidates-past-dropped = відмова від завдання
candidates-invite-anyway = усе одно запросити
hours = { $n ->
    [one] { $n } година
    [few] { $n } години
    [many] { $n } годин
   *[other] { $n } год
}
candidates-excluded = { $count ->
    [one] Виключено { $count } особу
    [few] Виключено { $count } особи
    [many] Виключено { $count } осіб
   *[other] Виключено осіб: { $count }
}
invite-expires = Запрошення дійсне протягом
invite-submit = Запросити вибраних
assign-label = Призначити напряму (після телефонної розмови)
assign-submit = Призначити
invitations-sent = Запрошення
invitation-until = до
invitation-open = відкрите
invitation-accepted = прийнято
invitation-declined = відхилено
invitation-expired = термін минув
invitation-withdrawn = відкликано
cancel-title = Скасувати
cancel-reason = Причина
cancel-hint = Скасування з боку установи незадовго до зустрічі може бути платним.
cancel-submit = Скасувати запит
history-title = Історія
history-invited = { $count ->
    [one] запрошено { $count } особу
    [few] запрошено { $count } особи
    [many] запрошено { $count } осіб
   *[other] запрошено осіб: { $count }
}
history-declined = відхилено
history-expired = час на відповідь минув
history-start-passed = час початку минув, ніхто не погодився
history-moved = новий час: { $when }, { $minutes } хв
event-create = створено
event-invite = запрошено
event-invitations_closed = запрошення завершено
event-accept = прийнято
event-assign = призначено
event-drop_out = відмова від завдання
event-cancel = скасовано
event-complete = виконано
event-start_passed = минуло без мовного посередника
event-timesheet = табель часу надіслано
event-timesheet_disputed = табель часу оскаржено
status-open = відкритий
status-invited = запрошено
status-confirmed = підтверджено
status-completed = виконано
status-cancelled = скасовано
status-unfilled = без виконавця
reason-language = мова
reason-sector = сфера
reason-gender = стать
reason-remote = без телефону/відео
reason-availability = недоступність
reason-absence = відсутність
reason-excluded = виключено
reason-overlap = уже заброньовано
reason-travel = замало часу на дорогу
reason-workload = денний ліміт
dispatch-unavailable = Ця особа не може виконати запит: { $reasons }.
flash-invited = Запрошення надіслано.
flash-choose-mediator = Виберіть щонайменше одну особу.
flash-assigned = Призначено й підтверджено.
flash-cancelled = Запит скасовано.
flash-reason-required = Вкажіть причину.
flash-timesheet-confirmed = Табель часу підтверджено. Завдання виконано.
flash-timesheet-disputed = Табель часу оскаржено.
flash-accepted = Прийнято. Завдання є у вашому календарі.
flash-accepted-listed = Прийнято. Завдання наведено нижче серед ваших наступних завдань. Щоб бачити його у власному календарі, підпишіться на календар.
flash-confirm-no-conflict = Підтвердьте, що конфлікту інтересів немає.
flash-too-late = Цей запит уже взяла інша особа або його змінено.
flash-declined = Відхилено.
flash-timesheet-sent = Табель часу надіслано.
flash-timesheet-invalid = Перевірте початок, кінець і хвилини.
flash-dropped-out = Ви відмовилися від завдання. Координація шукає заміну.
invitations-title = Запрошення
invitations-none = Наразі відкритих запрошень немає.
invitation-known-client = Ви вже супроводжували цю особу.
invitation-no-conflict = Я не знаю цю особу особисто; конфлікту інтересів немає.
invitation-accept = Прийняти
invitation-decline = Відхилити
invitation-answer-by = Відповісти до
minutes = { $n } хв
map-link = Карта
decline-why = Чому ви відмовляєтеся?
decline-note = Примітка для координації (необов’язково)
decline-confirm = Відхилити запрошення
decline-reason-no-time = У цей час я зайнятий/зайнята
decline-reason-too-far = Занадто далеко їхати
decline-reason-conflict = Я знаю цю людину або не можу бути неупередженим
decline-reason-other = Інша причина
flash-decline-reason = Будь ласка, виберіть причину, перш ніж відхилити.
assignments-title = Мої завдання
assignments-report = Потрібен табель часу
assignments-upcoming = Найближчі завдання
timesheet-start = Фактичний початок
timesheet-end = Фактичний кінець
timesheet-waiting = Час очікування (у хвилинах)
timesheet-travel = Час у дорозі (у хвилинах)
timesheet-km = Проїхані кілометри (туди й назад)
timesheet-km-flagged = Відстань значно перевищує орієнтовну дорогу: перевірте, будь ласка.
timesheet-send = Надіслати табель часу
dropout-title = Я не зможу
dropout-reason = Причина
dropout-submit = Відмовитися від завдання
error-not-in-future = Початок має бути в майбутньому.
error-duration-range = Тривалість має бути від 15 до 480 хвилин.
error-in-future = Це ще в майбутньому.

## Листи електронної пошти

mail-remote = телефоном або по відео
mail-ics-summary = Мовне посередництво: { $language }
mail-password-changed-subject = Ваш пароль змінено
mail-password-changed-body =
    Добрий день,

    пароль вашого облікового запису Mittler змінено { $when }. Усі інші сеанси завершено.

    Якщо це були не ви, негайно повідомте адміністрацію вашого центру.
    Ваші сеанси: { $link }
mail-request-received-subject = Запит отримано: { $language }, { $when }
mail-request-received-body =
    Добрий день!

    Ваш запит на мовне посередництво отримано.

    Мова: { $language }
    Зустріч: { $when } ({ $duration } хв)
    Місце: { $place }
    Код: { $client }

    Щойно хтось із мовних посередників погодиться, ви отримаєте підтвердження.
    Переглянути запит: { $link }
mail-invitation-subject = Запрошення: { $language }, { $when }
mail-invitation-body =
    Добрий день!

    Вас запрошено на завдання.

    Мова: { $language }
    Зустріч: { $when } ({ $duration } хв)
    Місце: { $place }
    Установа: { $institution }

    Запрошення дійсне до { $expires }. Прийняти або відхилити: { $invitations }
mail-confirmed-subject = Підтверджено: { $language }, { $when }
mail-confirmed-body =
    Добрий день!

    Завдання підтверджено.

    Мова: { $language }
    Зустріч: { $when } ({ $duration } хв)
    Місце: { $place }
    Установа: { $institution }
    Код: { $client }

    Зустріч додано до листа як файл для вашого календаря.
mail-cancelled-subject = Скасовано: { $language }, { $when }
mail-cancelled-body =
    Добрий день!

    Зустріч { $when } ({ $language }, { $place }) скасовано.
    Причина: { $reason }
mail-declined-subject = Відхилено: { $language }, { $when }
mail-declined-body =
    Запрошення ({ $language }, { $when }, { $institution }) відхилено: { $mediator }.
    Запит: { $link }
mail-expired-subject = Запрошення минуло: { $language }, { $when }
mail-expired-body =
    Ніхто вчасно не прийняв запрошення ({ $language }, { $when }, { $institution }). Запит знову відкритий.
    Запит: { $link }
mail-dropped-out-subject = Відмова: { $language }, { $when }
mail-dropped-out-body =
    { $mediator } не може виконати завдання ({ $language }, { $when }, { $institution }). Запит знову відкритий; кандидати готові.
    Запит: { $link }
mail-timesheet-subject = Підтвердьте табель часу: { $when }
mail-timesheet-body =
    Добрий день!

    Надійшов табель часу для завдання ({ $language }, { $when }). Підтвердьте або оскаржте його:
    { $link }
mail-reminder-subject = Нагадування: завтра { $language }, { $when }
mail-reminder-body =
    Добрий день!

    Нагадуємо: { $when } ({ $duration } хв), { $language }, { $place }.
mail-unfilled-subject = Без виконавця: { $when }
mail-unfilled-body = На жаль, на { $when } ({ $language }) нікого не знайшлося.

nav-outbox = Вихідна пошта
outbox-title = Вихідна пошта
outbox-hint = Листи, які ще не надіслано або які остаточно не вдалося надіслати. Невдалі спроби повторюються з дедалі більшими інтервалами.
outbox-empty = Усі листи надіслано.
outbox-to = Кому
outbox-subject = Тема
outbox-attempts = Спроби
outbox-next = Наступна спроба
outbox-error = Остання помилка
outbox-pending = очікує
outbox-sending = надсилається
outbox-sent = надіслано
outbox-failed = не вдалося

nav-calendar = Календар
nav-calendar-hint = Завдання у вашому календарі
calendar-title = Підписатися на календар
calendar-hint = За цією секретною адресою Outlook, Google Календар або ваш телефон показують ваші підтверджені завдання. Нікому її не передавайте.
calendar-new = Ваша нова адреса. Її показано лише зараз; стара більше не діє.
calendar-url = Адреса календаря
calendar-active = Підписку на календар налаштовано.
calendar-create = Створити адресу
calendar-renew = Створити нову адресу (стара перестане діяти)
calendar-revoke = Скасувати підписку

series-title = Повторення
series-hint = Наприклад, мовний супровід у школі: щотижня в той самий час, зокрема й після переведення годинника.
series-none = одноразово
series-weekly = щотижня
series-fortnightly = раз на два тижні
series-count = Кількість зустрічей
series-until = або до (включно)
series-scope = Які зустрічі серії?
series-scope-one = лише цю
series-scope-following = цю й усі наступні
series-scope-all = усі

requests-live = Список оновлюється автоматично, коли надходять нові запити або відповіді на запрошення.

nav-settings = Налаштування
settings-title = Налаштування центру
settings-notice = Безкоштовне скасування до (годин до зустрічі)
settings-fee-hour = Компенсація за годину (€)
settings-fee-minimum = Мінімум оплачуваних хвилин
settings-fee-increment = Далі за кожні розпочаті хвилини
settings-fee-travel = Фіксована оплата дороги на місці (€)
settings-retention = Днів після завершення пропозиції до анонімізації реєстрацій
settings-keep = Строки зберігання (дні)
settings-keep-hint = Старіше Mittler видаляє сам. Рахунки й виписки зберігаються 10 років (§ 147 AO).
settings-keep-notes_days = Нотатки до запитів, після зустрічі
settings-keep-unserved_days = Необслуговані запити (скасовані, без виконавця)
settings-keep-client_refs_days = Коди клієнтів виконаних запитів
settings-keep-failed_mail_days = Листи, які не вдалося надіслати
settings-keep-audit_days = Записи журналу аудиту
settings-keep-inactive_accounts_days = Деактивовані облікові записи
settings-idle-timeout = Хвилин бездіяльності до завершення сеансу в браузері
settings-second-factor = Другий фактор обов’язковий для
settings-second-factor-hint = Хто має одну з цих ролей, під час наступного входу налаштовує застосунок-автентифікатор і відтоді завжди потребує його коду. Рекомендовано для адміністрації та координації.
settings-sso = Вхід через обліковий запис міста (єдиний вхід, OpenID Connect)
settings-sso-hint = ІТ-служба міста реєструє Mittler у своєму сервісі ідентифікації (Keycloak, ADFS, Entra ID) як клієнта з цією адресою повернення:
settings-sso-issuer = Адреса видавця (Issuer URL)
settings-sso-client = Ідентифікатор клієнта
settings-sso-secret = Секрет клієнта
settings-sso-secret-set = Секрет збережено; залиште порожнім, щоб зберегти.
settings-sso-secret-none = Секрет ще не збережено.
error-invalid-issuer = Вкажіть адресу https без скісної риски в кінці.
settings-hint = Мовні посередники бачать очікувану компенсацію вже в запрошенні.
invitation-fee = Очікувана компенсація

reschedule-title = Змінити час або тривалість
reschedule-time = Новий час
reschedule-hint = Відкриті запрошення буде відкликано; запит знову стане відкритим. Підтверджені зустрічі залишаються без змін.
reschedule-submit = Змінити
flash-rescheduled = Змінено. Надішліть запрошення ще раз.
flash-reschedule-invalid = Перевірте час і тривалість (від 15 до 480 хвилин).
event-reschedule = перенесено
event-decline = запрошення відхилено

nav-plans = Планування дня
plan-title = Планування дня
plan-hint = Mittler пропонує мовного посередника для кожного відкритого запиту дня. Підтверджені зустрічі залишаються без змін.
plan-date = День
plan-submit = Розрахувати пропозицію
plan-cost = Вартість (як у plan-format.md)
plan-cost-unserved = Без виконавця (вага)
plan-cost-travel = Дорога
plan-cost-continuity = Інша особа замість знайомої
plan-applied = Цю пропозицію застосовано; запрошення надіслано.
plan-open-request = Запит
plan-apply = Запросити вибраних
plan-unserved = Без пропозиції
plan-why-language = Ніхто в базі не володіє цією мовою.
plan-why-qualified = Ніхто з цією мовою не відповідає вимогам (сфера, стать, телефон/відео).
plan-why-unavailable = Усі, хто міг би виконати запит, у цей час недоступні, відсутні або вже зайняті.
plan-why-busy = Усі, хто міг би виконати запит, потрібні для інших запитів того самого дня.
plan-why-nobody = У базі немає жодної активної особи.
plan-changed = Після розрахунку пропозиції запити змінилися. Розрахуйте нову.

plan-pick = Мовний посередник для цього запиту
plan-skip = не запрошувати
plan-days-open = Дні з відкритими запитами
plan-days-none = У найближчі два тижні відкритих запитів немає.
plan-open-count = { $count ->
    [one] { $count } відкритий запит
    [few] { $count } відкриті запити
    [many] { $count } відкритих запитів
   *[other] Відкритих запитів: { $count }
}
plan-other-days = Спланувати інші дні
plan-summary-staffed = Запитів із пропозицією: { $staffed } з { $all }.
plan-summary-travel = Дорога за всіма пропозиціями разом: { $min } хв.
plan-summary-continuity-kept = Якщо хтось уже знає клієнта, пропонується саме ця особа.
plan-summary-continuity = Випадків, коли не запропоновано особу, яка вже знає клієнта: { $n }.
nav-privacy = Захист даних
privacy-title = Захист даних: доступ і видалення
privacy-intro = Що Mittler зберігає про особу і хто це читав (ст. 15 GDPR), та видалення (ст. 17).
privacy-find = Знайти
privacy-kind = Особа
privacy-kind-mediator = Перекладач (ID)
privacy-kind-user = Обліковий запис (ID)
privacy-kind-client = Клієнт (код)
privacy-kind-email = Адреса e-mail (напр. реєстрація)
privacy-value = ID, код або адреса
privacy-value-hint = ID є в адресі сторінки особи, напр. /mediators/…
privacy-held = Збережені дані
privacy-json = Завантажити як JSON (для особи)
privacy-erase = Видалити (ст. 17)
privacy-erase-hint = Ім'я, контакти, нотатки, реєстрації, листи й деталі журналу видаляються всюди. Видані рахунки й виписки зберігаються 10 років (§ 147 AO) і обмежуються.
privacy-reason = Причина (напр. заява особи від …)
privacy-confirm = Я перевірив(-ла), що цю особу слід видалити. Це не можна скасувати.
privacy-erase-button = Видалити остаточно
flash-erased = Видалено. Журнал фіксує видалення, а не видалені дані.
error-nothing-held = Про цю особу нічого не збережено.
error-invalid-subject = Оберіть вид і введіть дійсний ID, код або e-mail.
error-confirm-erase = Підтвердьте видалення.
records-title = Реєстр обробки (ст. 30)
records-intro = Створено з налаштувань цього центру; змінюється разом з ними.
records-controller = Відповідальний
records-data = Категорії даних
records-purpose = Мета
records-basis = Правова підстава
records-recipients = Одержувачі
records-retention = Строки зберігання
records-measures = Технічні та організаційні заходи
records-days = { $days } днів
records-mediation = Мовне посередництво
records-mediation-data = Псевдонімний код клієнта, мова, зустріч, місце, нотатки (можуть стосуватися здоров'я чи перебування, ст. 9)
records-mediation-purpose = Організація перекладачів для установ
records-mediation-basis = Ст. 6(1)(e), ст. 9(2)(g) GDPR із законом NRW про участь та інтеграцію
records-to-institutions = установа-замовник
records-to-mediators = запрошені та призначені перекладачі (нотатки лише після призначення)
records-to-sms = SMS-сервіс міста (нагадування клієнтам)
records-pool = Пул перекладачів
records-pool-data = Ім'я, e-mail, телефон, мови, місце проживання (координати), доступність, кваліфікація
records-pool-purpose = Планування, зв'язок, виплата компенсацій
records-pool-basis = Ст. 6(1)(b) GDPR (угода про участь)
records-pool-retention = до видалення на вимогу; виписки 10 років
records-to-institutions-assigned = установа призначеної зустрічі (ім'я)
records-catalogue = Каталог пропозицій і реєстрації
records-catalogue-data = Ім'я, e-mail, кількість і вік дітей, згоди
records-catalogue-purpose = Участь у пропозиціях, повідомлення про них
records-catalogue-basis = Ст. 6(1)(a) GDPR (згода)
records-to-providers = організатор пропозиції
records-billing = Розрахунки
records-billing-data = Адреса рахунків установи, зустрічі, години, проїзд; виписки перекладачів
records-billing-purpose = Рахунки установам, компенсації
records-billing-basis = Ст. 6(1)(c) GDPR з § 147 AO
records-billing-retention = 10 років, потім обмежено
records-accounts = Облікові записи та журнал
records-accounts-data = Ім'я, e-mail, роль, входи, мережева адреса, хто коли читав чи змінював дані
records-accounts-purpose = Доступ, підзвітність, безпека
records-accounts-basis = Ст. 6(1)(c) і (e), ст. 32 GDPR
records-to-nobody = ніхто поза центром
records-to-sso = служба входу { $issuer }
records-measure-1 = Нотатки, коди клієнтів, телефони, контакти нагадувань і тексти листів зашифровано (AES-256-GCM); ключ поза базою даних
records-measure-2 = Кожне читання персональних даних журналюється; журнал — ланцюг хешів (підробку видно)
records-measure-3 = Ролі з мінімальними правами; перекладачі бачать нотатки лише після призначення
records-measure-4 = Вхід із правилами паролів, другим фактором або passkey; сесії закінчуються
records-measure-5 = Файли бази й ключа читає лише служба; резервні копії з контрольною сумою, за бажанням шифровані (age)
records-measure-6 = Доступ і видалення для кожної особи на цій сторінці; строки зберігання Mittler застосовує сам
records-measure-mail = Недоставлені листи видаляються через { $days } днів
privacy-section-mediator = Профіль
privacy-section-assignments = Призначення
privacy-section-invitations = Запрошення
privacy-section-statements_kept_by_law = Виписки (зберігаються за законом)
privacy-section-requests = Запити
privacy-section-registrations = Реєстрації
privacy-section-accounts = Облікові записи
privacy-section-activity = Дії в системі
privacy-section-mails = Листи
privacy-section-read_by = Хто читав дані
privacy-field-id = ID
privacy-field-name = Ім'я
privacy-field-email = E-mail
privacy-field-phone = Телефон
privacy-field-gender = Стать
privacy-field-languages = Мови
privacy-field-sectors = Сфери
privacy-field-home = Місце проживання
privacy-field-remote = Також телефоном/відео
privacy-field-availability = Доступність
privacy-field-absences = Відсутності
privacy-field-qualified_on = Кваліфіковано
privacy-field-pledge_signed_on = Зобов'язання підписано
privacy-field-active = Активний
privacy-field-request = Запит
privacy-field-start = Початок
privacy-field-language = Мова
privacy-field-status = Статус
privacy-field-sent_at = Надіслано
privacy-field-duration_min = Тривалість (хв)
privacy-field-sector = Сфера
privacy-field-mode = Формат
privacy-field-client_ref = Код клієнта
privacy-field-notes = Нотатки
privacy-field-institution_id = Установа
privacy-field-mediator_id = Перекладач
privacy-field-history = Історія
privacy-field-reminder = Нагадування
privacy-field-offer = Пропозиція
privacy-field-persons = Осіб
privacy-field-children = Діти
privacy-field-lang = Мова інтерфейсу
privacy-field-registered_at = Зареєстровано
privacy-field-role = Роль
privacy-field-at = Час
privacy-field-action = Дія
privacy-field-object = Об'єкт
privacy-field-object_id = ID об'єкта
privacy-field-subject = Тема
privacy-field-queued_at = Створено
privacy-field-who = Хто
requests-more = Більше запитів
requests-first-shown = Перші { $count } запитів звідси; звузьте фільтрами або гортайте далі.
