# Mittler – русский интерфейс

nav-skip = Перейти к содержимому
nav-main = Главное меню
nav-language = Язык
nav-home = Обзор
nav-home-hint = Вернуться к обзору
nav-mediators = Языковые посредники
nav-mediators-hint = Искать в пуле, добавлять и вести профили
nav-institutions = Учреждения
nav-institutions-hint = Заказчики и их места
nav-my-institution = Моё учреждение
nav-my-institution-hint = Данные и места вашего учреждения
nav-my-schedule = Моя доступность
nav-my-schedule-hint = Актуализировать недельное расписание и отсутствия
nav-users = Учётные записи
nav-users-hint = Создавать учётные записи, назначать роли, блокировать
nav-audit = Журнал аудита
nav-audit-hint = Кто, когда и что изменил
nav-password = Пароль
nav-sign-out = Выйти

home-title = Обзор
home-greeting = Добро пожаловать, { $name }
desk-title = Что нужно сделать
desk-unstaffed = без посредника в ближайшие 48 часов
desk-expiring = приглашения истекают в течение 24 часов
desk-timesheets = табели ожидают подтверждения
desk-disputes = оспоренные табели
desk-show-all = показать все заявки
filter-title = Фильтры
home-invitations = { $count ->
    [0] Нет открытых приглашений
    [one] { $count } открытое приглашение – пожалуйста, ответьте
    [few] { $count } открытых приглашения – пожалуйста, ответьте
    [many] { $count } открытых приглашений – пожалуйста, ответьте
   *[other] Открытых приглашений: { $count } – пожалуйста, ответьте
}

role-admin = Администрирование
role-coordinator = Координация
role-institution = Учреждение
role-mediator = Языковой посредник
role-provider = Организатор
role-state = Уровень федеральной земли

login-title = Вход
login-email = Адрес электронной почты
login-password = Пароль
login-submit = Войти
login-failed = Неверный адрес электронной почты или пароль.
login-locked = { $minutes ->
    [one] Слишком много неудачных попыток. Повторите попытку через { $minutes } минуту.
    [few] Слишком много неудачных попыток. Повторите попытку через { $minutes } минуты.
    [many] Слишком много неудачных попыток. Повторите попытку через { $minutes } минут.
   *[other] Слишком много неудачных попыток. Повторите попытку через { $minutes } мин.
}
login-demo = Демо-доступ
login-demo-hint = Эти учётные записи есть только в демо-режиме. Все данные вымышлены.
login-centre = Центр
login-choose-centre = Этот адрес принадлежит учётным записям в нескольких центрах. Выберите центр и введите пароль ещё раз.
login-code-title = Введите код
login-code = Код из приложения-аутентификатора
login-code-hint = Шесть цифр. Без телефона: один из ваших кодов восстановления.
login-start-again = Начать заново
login-sso = Войти через учётную запись города
login-sso-submit = Дальше ко входу города
login-sso-no-account = Для этого адреса в этом центре нет учётной записи. Обратитесь к администрации.
login-sso-failed = Вход через город не удался. Попробуйте ещё раз.
login-sso-unavailable = Вход города сейчас недоступен. Войдите по паролю.

password-title = Смена пароля
password-old = Текущий пароль
password-new = Новый пароль
password-confirm = Повторите новый пароль
password-rules = Не менее 12 символов. Фразу из нескольких слов легко запомнить, и она надёжна.
password-submit = Сменить пароль
password-changed = Пароль изменён. Все остальные сеансы завершены.
password-initial = Ваш пароль задала администрация. Пожалуйста, выберите свой сейчас.
nav-security = Аккаунт и безопасность
sessions-title = Мои сеансы
sessions-hint = Здесь видно, где выполнен вход в ваш аккаунт: браузеры и ключи API. Завершите незнакомые, затем смените пароль.
sessions-kind = Тип
sessions-kind-web = Браузер
sessions-kind-api = Ключ API
sessions-started = Вход
sessions-last-seen = Последняя активность
sessions-address = Сетевой адрес
sessions-end = Завершить
sessions-this = этот
sessions-end-others = Завершить все остальные
sessions-ended = Завершено.
sessions-end-all = Завершить все сеансы
sessions-end-all-hint = Потерянный телефон, аккаунт в чужих руках: здесь завершаются все сеансы и ключи API этого аккаунта.
two-factor-title = Второй фактор
two-factor-required = Ваш центр требует второй фактор для вашей роли. Настройте его сейчас.
two-factor-intro = Со вторым фактором для входа кроме пароля нужен код из приложения-аутентификатора на телефоне (например, FreeOTP, Aegis, Google или Microsoft Authenticator).
two-factor-start = Настроить
two-factor-step-app = Откройте приложение-аутентификатор.
two-factor-step-scan = Отсканируйте этот код:
two-factor-qr-alt = QR-код для настройки приложения-аутентификатора
two-factor-secret = Без камеры: введите этот ключ:
two-factor-step-code = Введите код, который сейчас показывает приложение.
two-factor-confirm = Подтвердить
two-factor-codes = Ваши коды восстановления
two-factor-codes-hint = Каждый код действует один раз, если телефона нет. Распечатайте или запишите их сейчас: они показываются только один раз.
two-factor-done = Готово
two-factor-on = Второй фактор настроен. Неиспользованных кодов восстановления: { $left }.
two-factor-remove = Удалить второй фактор
home-second-factor-warning = Безопасность: второй фактор ещё не обязателен для администрации и координации. Включите его в настройках.
passkey-title = Ключи доступа
passkey-intro = Ключ доступа — второй фактор на телефоне, компьютере или ключе безопасности: после пароля вы подтверждаете отпечатком пальца, лицом или PIN-кодом.
passkey-name = Название устройства (напр., рабочий телефон)
passkey-add = Добавить ключ доступа
passkey-use = Подтвердить ключом доступа
passkey-remove = Удалить
passkey-added = добавлен
passkey-last-used = последнее использование
passkey-failed = Не получилось. Попробуйте ещё раз или введите код.
passkey-done = Ключ доступа добавлен.
passkey-unsupported = Этот браузер не поддерживает ключи доступа.
passkey-unavailable = Ключам доступа нужен адрес с именем (MITTLER_PUBLIC_URL), а не IP-адрес.
error-passkeys-unavailable = Ключи доступа не настроены в этой установке.

search-label = Поиск
search-submit = Найти
search-include-inactive = Показывать деактивированные
list-empty = Ничего не найдено.
list-count = { $count ->
    [one] { $count } запись
    [few] { $count } записи
    [many] { $count } записей
   *[other] { $count } записи
}
status = Статус
status-active = активно
status-inactive = деактивировано
yes = да
no = нет

form-save = Сохранить
form-saved = Сохранено.
form-choose = Выберите
form-has-errors = Проверьте отмеченные поля.
form-deactivate = Деактивировать
form-activate = Снова активировать

institutions-title = Учреждения
institution-new = Новое учреждение
institution-new-title = Новое учреждение
institution-edit-title = Учреждение
institution-name = Название
institution-contact = Контактное лицо
institution-contact-hint = Кому звонят языковые посредники и клиенты, напр. «г-жа Пример, кабинет 12» или «Регистратура».
institution-phone = Телефон
form-optional = необязательно
form-add-row = Добавить строку
form-required-hint = Поля, отмеченные *, обязательны.
slip-title = Ваш приём
slip-when = Когда
slip-where = Где
slip-by-phone = По телефону: вам позвонят.
slip-by-video = По видеосвязи: вы получите ссылку.
slip-map = Карта
slip-mediator = Ваш языковой посредник (имя)
slip-bring = Пожалуйста, возьмите с собой
slip-cancel = Если вы не можете прийти, пожалуйста, позвоните
slip-page-title = Памятка о приёме для клиента
slip-page-hint = Для человека, которому нужен языковой посредник: на его языке, для печати или в PDF. То, что вы впишете в «Пожалуйста, возьмите с собой», не сохраняется.
slip-language = Язык памятки
slip-show = Показать памятку
slip-print = Печать
slip-pdf = В PDF
slip-open = Памятка о приёме для клиента
slip-reminder-subject = Напоминание: { $title } завтра
slip-reminder-intro = Здравствуйте, напоминаем о вашем приёме завтра. С вами будет языковой посредник.
slip-remind-title = Напоминание накануне
slip-remind-hint = Если человек согласен, накануне приёма он получит e-mail на своём языке. Адрес удаляется после отправки, не позднее дня приёма.
slip-remind-contact = E-mail человека
slip-remind-contact-sms = E-mail или номер мобильного телефона человека
error-no-sms = Отправка SMS не настроена. Пожалуйста, укажите e-mail.
slip-remind-consent = Человек согласен получить напоминание.
slip-remind-save = Настроить напоминание
slip-remind-active = Напоминание на { $contact } настроено.
slip-remind-delete = Удалить напоминание
flash-reminder-saved = Напоминание настроено.
flash-reminder-deleted = Напоминание и адрес удалены.
error-not-confirmed = Памятка появится, как только будет подтверждён языковой посредник.
error-invalid-phone = Пожалуйста, укажите номер телефона только цифрами, пробелами и + - / ( ).
institution-category = Тип учреждения
institution-details = Сведения
institution-places = Места
institution-places-hint = Пустые строки не учитываются. Если очистить строку, место будет удалено.
place-geocoded-hint = Широту и долготу можно оставить пустыми: Mittler определит их по адресу.
place-name = Название
place-address = Адрес
place-lat = Широта
place-lon = Долгота

category-authority = Орган власти
category-health = Здравоохранение
category-school = Школа
category-social = Социальная сфера и консультирование
category-court = Суд
category-other = Другое

mediators-title = Языковые посредники
mediator-new = Новый посредник
mediator-new-title = Новый языковой посредник
mediator-edit-title = Языковой посредник
mediator-search-label = Поиск по имени, e-mail, языку или сфере
mediator-person = Личные данные
mediator-name = Имя
mediator-email = E-mail
mediator-phone = Телефон
mediator-home-place = Место жительства (почтовый индекс или район, для координат)
mediator-gender = Пол
mediator-languages = Языки
mediator-languages-hint = Введите название языка или его код ISO 639-3, например «Tigrinya» или «tir».
mediator-language = Язык
mediator-level = Уровень
mediator-level-required = Пожалуйста, выберите уровень владения языком.
level-choose = – выберите уровень –
mediator-sectors = Сферы
mediator-work = Работа
mediator-home-hint = Место жительства — только приблизительно (с точностью около километра), для расчёта времени в пути.
mediator-home-lat = Место жительства: широта
mediator-home-lon = Место жительства: долгота
mediator-speed = Скорость передвижения (km/h)
mediator-max-work = Максимум минут работы в день
mediator-remote = Телефон/видео
mediator-remote-long = Также берёт задания по телефону или видеосвязи
mediator-availability = Доступность по дням недели
mediator-availability-hint = Время, когда возможны задания. Пустые строки не учитываются.
mediator-absences = Отсутствия
mediator-absences-hint = Отпуск, болезнь или другое время без заданий (включительно).
mediator-records = Квалификация и конфиденциальность
mediator-qualified-on = Дата завершения квалификации
mediator-pledge-on = Дата подписания обязательства о неразглашении

gender-f = женский
gender-m = мужской
gender-d = другой
level-native = родной язык
level-fluent = свободное владение
level-working = рабочий уровень
sector-authority = Органы власти
sector-medical = Медицина
sector-psychotherapy = Психотерапия
sector-school = Школа
sector-social = Социальная сфера
sector-court = Суд

weekday = День недели
weekday-1 = Понедельник
weekday-2 = Вторник
weekday-3 = Среда
weekday-4 = Четверг
weekday-5 = Пятница
weekday-6 = Суббота
weekday-7 = Воскресенье
time-from = с
time-to = до
date-from = с
date-to = по (включительно)

schedule-title = Моя доступность

users-title = Учётные записи
user-new = Новая учётная запись
user-new-title = Новая учётная запись
user-edit-title = Учётная запись
user-name = Имя
user-role = Роль
user-lang = Язык интерфейса
user-institution = Учреждение (для роли «Учреждение»)
user-mediator = Языковой посредник (для роли «Языковой посредник»)

audit-title = Журнал аудита
audit-at = Когда
audit-actor = Кто
audit-action = Действие
audit-object = Объект
audit-detail = Подробности
audit-address = Адрес
audit-pages = Страницы журнала аудита
audit-sign-in = Вход
audit-sign-in-failed = Неудачный вход
audit-sign-out = Выход
audit-password-changed = Пароль изменён
audit-create = Создано
audit-update = Изменено
audit-deactivate = Деактивировано
audit-session-ended = Сеанс завершён
audit-second-factor-added = Второй фактор добавлен
audit-second-factor-removed = Второй фактор удалён
audit-view-denied = В просмотре отказано
audit-export = Данные выгружены (ст. 15)
audit-erase = Удалено (ст. 17)
audit-expire = Срок истёк, удалено
audit-object-id = ID объекта
audit-who-saw = Все записи об этом объекте: кто видел или менял
error-invalid-id = Это недействительный ID (36 символов).
object-request = Запрос
object-request-list = Список запросов
object-mediator-list = Список переводчиков
object-user-list = Список учётных записей
object-outbox = Исходящие
object-audit-log = Журнал аудита
object-client = Код клиента
object-email = Адрес e-mail
object-retention = Сроки хранения
object-export = Выгрузка данных
object-user = Учётная запись
object-institution = Учреждение
object-mediator = Языковой посредник
object-billing-run = Закрытие месяца
object-billing-settings = Настройки расчётов
object-credit-note = Кредит-нота
object-offer = Предложение
object-offer-lottery = Жеребьёвка
object-offer-registrations = Записи
object-offer-retention = Срок хранения записей
object-provider = Организатор
object-request-fund = Финансирование заявки
object-settings = Настройки
audit-view = Просмотрено
audit-filter = Применить
audit-any = все
audit-from = С (дата)
audit-to = По (дата)
audit-page-of = Страница { $page } из { $pages }
date-hint = Дата в формате 24.12.2026 или 24.12.26
audit-field-absences = Отсутствия
audit-field-active = активно
audit-field-allowances = Компенсации
audit-field-availability = Доступность
audit-field-budget_cents = Бюджет (центы)
audit-field-category = Вид
audit-field-count = Количество
audit-field-days = Дни
audit-field-discarded = удалено
audit-field-email = E-mail
audit-field-fund = Фонд
audit-field-invoice = Счёт
audit-field-invoices = Счета
audit-field-issued = выставлено
audit-field-month = Месяц
audit-field-name = Имя / название
audit-field-offer_id = Предложение
audit-field-places = Места
audit-field-provider_id = Организатор
audit-field-reason = Причина
audit-field-role = Роль
audit-field-seed = Номер жеребьёвки
audit-field-seller = Поставщик
audit-field-statements = Расчётные листы
audit-field-status = Статус
audit-field-vat = НДС
audit-field-was = ранее
audit-field-without_tariff = без тарифа
audit-field-via = через
pager-newer = Более новые
pager-older = Более старые

error-title = Ошибка
error-invalid-date = Пожалуйста, введите дату в формате 24.12.2026.
error-invalid-datetime = Пожалуйста, укажите дату и время, например 01.12.2026 09:00.
error-forbidden = Вашей роли это не разрешено.
error-not-found = Такой страницы или записи не существует.
error-conflict = Это противоречит текущему состоянию данных. Перезагрузите страницу.
error-too-many = Слишком много попыток. Подождите немного.
error-internal = Произошла внутренняя ошибка. Сообщите в службу поддержки этот идентификатор
error-csrf = Срок действия формы истёк. Перезагрузите страницу и отправьте форму ещё раз.
error-bad-form = Форма пришла не полностью. Перезагрузите страницу и отправьте форму ещё раз.
error-bad-link = Ссылка неполная или неверная. Вернитесь назад и попробуйте ещё раз.
error-control-characters = Это поле содержит невидимые управляющие символы. Пожалуйста, введите текст заново.
error-invalid = Недопустимое значение.
error-required = Это поле обязательно.
error-too-long = Текст слишком длинный.
error-too-short = Слишком коротко: не менее 12 символов.
error-common-password = Этот пароль есть в списке распространённых паролей. Пожалуйста, выберите другой.
error-weak-password = Этот пароль слишком легко угадать. Совет: несколько необычных слов подряд.
error-invalid-email = Введите действительный адрес электронной почты.
error-out-of-range = Значение вне допустимого диапазона.
error-invalid-number = Введите число.
error-invalid-time = Введите время в формате 08:30.
error-not-after-start = Окончание должно быть позже начала.
error-before-start = Окончание не может быть раньше начала.
error-overlaps = Пересекается с другим периодом в тот же день.
error-unknown-language = Неизвестный язык. Укажите название или код ISO 639-3.
error-duplicate = Этот язык уже указан.
error-taken = Этот адрес электронной почты уже используется.
error-mismatch = Введённые значения не совпадают.
error-wrong-password = Неверный текущий пароль.
error-name-link = Укажите только имя в одну строку, без ссылок и адресов.
error-same-password = Новый пароль должен отличаться от текущего.
error-wrong-code = Код неверный. Введите текущий код из приложения.
error-no-enrolment = Начните настройку заново.
error-second-factor-required = Ваш центр требует второй фактор для вашей роли.
error-unknown = Такой записи не существует.
error-unknown-id = Одно из мест не относится к этому учреждению.
error-not-allowed = Не предусмотрено для этой роли.
error-not-allowed-self = Нельзя заблокировать себя или снять с себя роль администратора.
error-wrong-type = Неверный тип значения.
error-cross-site = Запросы с других сайтов отклоняются.
error-internal-id = Внутренняя ошибка (идентификатор { $id }).
error-too-many-items = Слишком много записей.

## Языковое посредничество: заявки, приглашения, задания

nav-requests = Заявки
nav-requests-hint = Входящие по дням и статусам, кандидаты, приглашения
nav-book = Запросить посредника
nav-book-hint = Забронировать встречу с языковым посредником
nav-invitations = Приглашения
nav-invitations-hint = Принять или отклонить открытые заявки
nav-assignments = Мои задания
nav-assignments-hint = Встречи и табели
requests-title = Заявки
request-new = Новая заявка
request-new-title = Запросить языкового посредника
request-title = Заявка
filter-from = С
filter-to = По
filter-any = все
filter-submit = Применить
request-language = Язык
request-sector = Сфера
request-institution = Учреждение
request-institution-from-place = определить по месту
request-start = Начало
request-mediator = Языковой посредник
request-urgent = срочно
request-where = Где
mode-onsite = очно
mode-phone = телефон
mode-video = видео
request-place = Место
request-what = Что и когда
request-duration = Длительность (минуты)
request-wishes = Пожелания
request-gender = Пол посредника
request-gender-none = не важно
request-gender-wish-label = желательно
request-gender-must-label = обязательно
request-gender-wish = желательно: { $gender }
request-gender-must = обязательно: { $gender }
priority-1 = обычный
priority-2 = высокий
priority-3 = срочный
request-priority = Приоритет
request-client-ref = Код клиента
request-client-ref-hint = Псевдоним, например K-2026-0042, а не имя. Если оставить поле пустым, Mittler создаст код сам.
request-notes = Примечания
request-notes-warning = Не указывайте сведения о здоровье, диагнозы или имена. Только то, что нужно для планирования.
request-submit = Отправить заявку
request-cancel-reason = Отменена
request-billable = оплачивается
timesheet-title = Табель
timesheet-none = нет
timesheet-submitted = отправлен, ожидает подтверждения
timesheet-confirmed = подтверждён
timesheet-disputed = оспорен
timesheet-confirm = Подтвердить табель
timesheet-dispute-reason = Причина возражения
timesheet-dispute = Оспорить
timesheet-summary = { $start } – { $end }, ожидание { $waiting } min, дорога { $travel } min, расстояние { $km } km
candidates-title = Кандидаты
candidates-none = Никто не может выполнить эту заявку. Причины указаны ниже.
candidates-pick = Выбор
candidates-score = Соответствие
candidates-travel = Дорога
candidates-week = На этой неделе
candidates-continuity = знакомый клиент
candidates-why = Почему
candidates-why-known = уже знает клиента
candidates-why-travel = дорога { $min } мин.
candidates-why-week = на этой неделе занято { $hours } ч
candidates-past-open = приглашение отправлено, ответа пока нет
candidates-past-accepted = приглашение принято
candidates-past-declined = приглашение отклонено
candidates-past-expired = ответ не поступил вовремя
candidates-past-withdrawn = приглашение отозвано
candidates-past-dropped = отказ от задания
candidates-invite-anyway = всё равно пригласить
hours = { $n ->
    [one] { $n } час
    [few] { $n } часа
    [many] { $n } часов
   *[other] { $n } ч
}
candidates-excluded = { $count ->
    [one] { $count } человек исключён
    [few] { $count } человека исключены
    [many] { $count } человек исключены
   *[other] { $count } человека исключены
}
invite-expires = Срок действия приглашения
invite-submit = Пригласить выбранных
assign-label = Назначить напрямую (после телефонного разговора)
assign-submit = Назначить
invitations-sent = Приглашения
invitation-until = до
invitation-open = открыто
invitation-accepted = принято
invitation-declined = отклонено
invitation-expired = истекло
invitation-withdrawn = отозвано
cancel-title = Отмена
cancel-reason = Причина
cancel-hint = Отмена со стороны учреждения незадолго до встречи может быть платной.
cancel-submit = Отменить заявку
history-title = История
history-invited = { $count ->
    [one] приглашён { $count } человек
    [few] приглашены { $count } человека
    [many] приглашено { $count } человек
   *[other] приглашено человек: { $count }
}
history-declined = отклонено
history-expired = срок ответа истёк
history-start-passed = время начала прошло, никто не согласился
history-moved = новое время: { $when }, { $minutes } мин.
event-create = заявка создана
event-invite = отправлены приглашения
event-invitations_closed = приглашения закрыты
event-accept = заявка принята
event-assign = посредник назначен
event-drop_out = отказ посредника
event-cancel = заявка отменена
event-complete = задание выполнено
event-start_passed = время прошло без посредника
event-timesheet = табель отправлен
event-timesheet_disputed = табель оспорен
status-open = открыта
status-invited = приглашения отправлены
status-confirmed = подтверждена
status-completed = выполнена
status-cancelled = отменена
status-unfilled = без посредника
reason-language = язык
reason-sector = сфера
reason-gender = пол
reason-remote = нет телефона/видео
reason-availability = вне графика доступности
reason-absence = отсутствует
reason-excluded = исключение
reason-overlap = время уже занято
reason-travel = не хватает времени на дорогу
reason-workload = дневной лимит
dispatch-unavailable = Этот человек не может выполнить заявку: { $reasons }.
flash-invited = Приглашения отправлены.
flash-choose-mediator = Выберите хотя бы одного человека.
flash-assigned = Назначено и подтверждено.
flash-cancelled = Заявка отменена.
flash-reason-required = Укажите причину.
flash-timesheet-confirmed = Табель подтверждён. Задание выполнено.
flash-timesheet-disputed = Табель оспорен.
flash-accepted = Принято. Задание добавлено в ваш календарь.
flash-accepted-listed = Принято. Задание указано ниже среди ваших следующих заданий. Чтобы видеть его в своём календаре, подпишитесь на календарь.
flash-confirm-no-conflict = Подтвердите, что конфликта интересов нет.
flash-too-late = Эту заявку уже принял кто-то другой, или она изменилась.
flash-declined = Отклонено.
flash-timesheet-sent = Табель отправлен.
flash-timesheet-invalid = Проверьте начало, окончание и минуты.
flash-dropped-out = Вы отказались от задания. Координация ищет замену.
invitations-title = Приглашения
invitations-none = Сейчас открытых приглашений нет.
invitation-known-client = Вы уже сопровождали этого человека.
invitation-no-conflict = Этот человек не является моим личным знакомым; конфликта интересов нет.
invitation-accept = Принять
invitation-decline = Отклонить
invitation-answer-by = Ответить до
minutes = { $n } мин.
map-link = Карта
decline-why = Почему вы отказываетесь?
decline-note = Примечание для координации (необязательно)
decline-confirm = Отклонить приглашение
decline-reason-no-time = В это время я занят(а)
decline-reason-too-far = Слишком далеко ехать
decline-reason-conflict = Я знаю этого человека или не могу быть беспристрастным
decline-reason-other = Другая причина
flash-decline-reason = Пожалуйста, выберите причину, прежде чем отклонить.
assignments-title = Мои задания
assignments-report = Ожидается табель
assignments-upcoming = Предстоящие задания
timesheet-start = Фактическое начало
timesheet-end = Фактическое окончание
timesheet-waiting = Время ожидания (минуты)
timesheet-travel = Время в пути (минуты)
timesheet-km = Проехано километров (туда и обратно)
timesheet-km-flagged = Расстояние намного больше расчётного пути: проверьте, пожалуйста.
timesheet-send = Отправить табель
dropout-title = Я не смогу
dropout-reason = Причина
dropout-submit = Отказаться от задания
error-not-in-future = Начало должно быть в будущем.
error-duration-range = Длительность должна быть от 15 до 480 минут.
error-in-future = Это время ещё не наступило.

## Электронные письма

mail-remote = по телефону или видеосвязи
mail-ics-summary = Языковое посредничество: { $language }
mail-password-changed-subject = Ваш пароль изменён
mail-password-changed-body =
    Здравствуйте,

    пароль вашей учётной записи Mittler был изменён { $when }. Все остальные сеансы завершены.

    Если это были не вы, немедленно сообщите администрации вашего центра.
    Ваши сеансы: { $link }
mail-request-received-subject = Заявка получена: { $language }, { $when }
mail-request-received-body =
    Здравствуйте!

    Ваша заявка на языковое посредничество получена.

    Язык: { $language }
    Встреча: { $when } ({ $duration } мин.)
    Место: { $place }
    Код: { $client }

    Как только языковой посредник примет заявку, вы получите подтверждение.
    Посмотреть заявку: { $link }
mail-invitation-subject = Приглашение: { $language }, { $when }
mail-invitation-body =
    Здравствуйте!

    Вас приглашают на задание.

    Язык: { $language }
    Встреча: { $when } ({ $duration } мин.)
    Место: { $place }
    Учреждение: { $institution }

    Приглашение действительно до { $expires }. Принять или отклонить: { $invitations }
mail-confirmed-subject = Подтверждено: { $language }, { $when }
mail-confirmed-body =
    Здравствуйте!

    Задание подтверждено.

    Язык: { $language }
    Встреча: { $when } ({ $duration } мин.)
    Место: { $place }
    Учреждение: { $institution }
    Код: { $client }

    Встреча приложена к письму, её можно добавить в календарь.
mail-cancelled-subject = Отменено: { $language }, { $when }
mail-cancelled-body =
    Здравствуйте!

    Встреча { $when } ({ $language }, { $place }) отменена.
    Причина: { $reason }
mail-declined-subject = Отклонено: { $language }, { $when }
mail-declined-body =
    { $mediator }: приглашение ({ $language }, { $when }, { $institution }) отклонено.
    Заявка: { $link }
mail-expired-subject = Срок приглашения истёк: { $language }, { $when }
mail-expired-body =
    Никто не принял вовремя приглашение ({ $language }, { $when }, { $institution }). Заявка снова открыта.
    Заявка: { $link }
mail-dropped-out-subject = Отказ: { $language }, { $when }
mail-dropped-out-body =
    { $mediator } не может выполнить задание ({ $language }, { $when }, { $institution }). Заявка снова открыта; кандидаты подобраны.
    Заявка: { $link }
mail-timesheet-subject = Подтвердите табель: { $when }
mail-timesheet-body =
    Здравствуйте!

    Поступил табель по заданию ({ $language }, { $when }). Подтвердите или оспорьте его:
    { $link }
mail-reminder-subject = Напоминание: завтра { $language }, { $when }
mail-reminder-body =
    Здравствуйте!

    Напоминаем: { $when } ({ $duration } мин.), { $language }, { $place }.
mail-unfilled-subject = Посредник не найден: { $when }
mail-unfilled-body = К сожалению, на { $when } ({ $language }) никого найти не удалось.

nav-outbox = Исходящие
outbox-title = Исходящие
outbox-hint = Письма, которые ещё не отправлены или которые окончательно не удалось отправить. Неудачные попытки повторяются через всё более длинные интервалы.
outbox-empty = Все письма отправлены.
outbox-to = Кому
outbox-subject = Тема
outbox-attempts = Попытки
outbox-next = Следующая попытка
outbox-error = Последняя ошибка
outbox-pending = ожидает
outbox-sending = отправляется
outbox-sent = отправлено
outbox-failed = не отправлено

nav-calendar = Календарь
nav-calendar-hint = Задания в вашем собственном календаре
calendar-title = Подписка на календарь
calendar-hint = По этому секретному адресу Outlook, Google Календарь или ваш телефон покажут ваши подтверждённые задания. Никому его не передавайте.
calendar-new = Ваш новый адрес. Он показывается только сейчас; старый больше не действует.
calendar-url = Адрес календаря
calendar-active = Подписка на календарь настроена.
calendar-create = Создать адрес
calendar-renew = Создать новый адрес (старый перестанет работать)
calendar-revoke = Отменить подписку

series-title = Повторение
series-hint = Например, языковое сопровождение в школе: каждую неделю в одно и то же время, в том числе после перехода на летнее время.
series-none = однократно
series-weekly = еженедельно
series-fortnightly = раз в две недели
series-count = Количество встреч
series-until = или по (включительно)
series-scope = Какие встречи серии?
series-scope-one = только эту
series-scope-following = эту и все следующие
series-scope-all = все

requests-live = Список обновляется сам, когда поступают заявки или приходят ответы на приглашения.

nav-settings = Настройки
settings-title = Настройки центра
settings-notice = Бесплатная отмена не позднее чем за (часов до встречи)
settings-fee-hour = Компенсация за час (€)
settings-fee-minimum = Оплачивается не менее (минут)
settings-fee-increment = Далее за каждые начатые (минут)
settings-fee-travel = Фиксированная компенсация проезда при очной встрече (€)
settings-retention = Через сколько дней после окончания предложения обезличиваются записи на него
settings-keep = Сроки хранения (дни)
settings-keep-hint = Более старое Mittler удаляет сам. Счета и выписки хранятся 10 лет (§ 147 AO).
settings-keep-notes_days = Заметки к запросам, после встречи
settings-keep-unserved_days = Необслуженные запросы (отменённые, незанятые)
settings-keep-client_refs_days = Коды клиентов выполненных запросов
settings-keep-failed_mail_days = Неотправленные письма
settings-keep-audit_days = Записи журнала аудита
settings-keep-inactive_accounts_days = Деактивированные учётные записи
settings-idle-timeout = Минут бездействия до завершения сеанса в браузере
settings-second-factor = Второй фактор обязателен для
settings-second-factor-hint = Тот, у кого одна из этих ролей, при следующем входе настраивает приложение-аутентификатор и затем всегда вводит его код. Рекомендуется для администрации и координации.
settings-sso = Вход через учётную запись города (единый вход, OpenID Connect)
settings-sso-hint = ИТ-служба города регистрирует Mittler в своей службе идентификации (Keycloak, ADFS, Entra ID) как клиента с этим адресом возврата:
settings-sso-issuer = Адрес издателя (Issuer URL)
settings-sso-client = Идентификатор клиента
settings-sso-secret = Секрет клиента
settings-sso-secret-set = Секрет сохранён; оставьте пустым, чтобы сохранить его.
settings-sso-secret-none = Секрет ещё не сохранён.
error-invalid-issuer = Укажите адрес https без косой черты в конце.
settings-hint = Языковые посредники видят ожидаемую компенсацию уже в приглашении.
invitation-fee = Ожидаемая компенсация

reschedule-title = Изменить время или длительность
reschedule-time = Новое время
reschedule-hint = Открытые приглашения отзываются; заявка снова становится открытой. Подтверждённые встречи остаются без изменений.
reschedule-submit = Изменить
flash-rescheduled = Изменено. Отправьте приглашения заново.
flash-reschedule-invalid = Проверьте время и длительность (от 15 до 480 минут).
event-reschedule = заявка перенесена
event-decline = приглашение отклонено

nav-plans = План на день
plan-title = План на день
plan-hint = Mittler предлагает языкового посредника для каждой открытой заявки дня. Подтверждённые встречи остаются как есть.
plan-date = День
plan-submit = Рассчитать вариант
plan-cost = Стоимость (как в plan-format.md)
plan-cost-unserved = Без посредника (вес)
plan-cost-travel = Дорога
plan-cost-continuity = Смена посредника, хотя есть знакомый
plan-applied = Этот вариант применён; приглашения отправлены.
plan-open-request = Заявка
plan-apply = Пригласить выбранных
plan-unserved = Без предложенного посредника
plan-why-language = Никто в пуле не говорит на этом языке.
plan-why-qualified = Ни у кого с этим языком нет нужного (сфера, пол, телефон/видео).
plan-why-unavailable = Все подходящие в это время недоступны, отсутствуют или уже заняты.
plan-why-busy = Все подходящие нужны для других заявок в тот же день.
plan-why-nobody = В пуле нет ни одного активного посредника.
plan-changed = Заявки изменились после расчёта. Рассчитайте новый вариант.

plan-pick = Посредник для этой заявки
plan-skip = не приглашать
plan-days-open = Дни с открытыми заявками
plan-days-none = В ближайшие две недели открытых заявок нет.
plan-open-count = { $count ->
    [one] { $count } открытая заявка
    [few] { $count } открытые заявки
    [many] { $count } открытых заявок
   *[other] Открытых заявок: { $count }
}
plan-other-days = Спланировать другие дни
plan-summary-staffed = Заявок с предложенным посредником: { $staffed } из { $all }.
plan-summary-travel = Дорога по всем предложениям вместе: { $min } мин.
plan-summary-continuity-kept = Если кто-то уже знает клиента, предлагается именно этот посредник.
plan-summary-continuity = Случаев, когда не предложен посредник, уже знакомый клиенту: { $n }.
nav-privacy = Защита данных
privacy-title = Защита данных: доступ и удаление
privacy-intro = Что Mittler хранит о человеке и кто это читал (ст. 15 GDPR), и удаление (ст. 17).
privacy-find = Найти
privacy-kind = Лицо
privacy-kind-mediator = Переводчик (ID)
privacy-kind-user = Учётная запись (ID)
privacy-kind-client = Клиент (код)
privacy-kind-email = Адрес e-mail (напр. регистрация)
privacy-value = ID, код или адрес
privacy-value-hint = ID есть в адресе страницы лица, напр. /mediators/…
privacy-held = Хранимые данные
privacy-json = Скачать как JSON (для лица)
privacy-erase = Удалить (ст. 17)
privacy-erase-hint = Имя, контакты, заметки, регистрации, письма и детали журнала удаляются везде. Выданные счета и выписки хранятся 10 лет (§ 147 AO) и ограничиваются.
privacy-reason = Причина (напр. заявление лица от …)
privacy-confirm = Я проверил(а), что этого человека нужно удалить. Это нельзя отменить.
privacy-erase-button = Удалить окончательно
flash-erased = Удалено. Журнал фиксирует удаление, а не удалённые данные.
error-nothing-held = Об этом человеке ничего не хранится.
error-invalid-subject = Выберите вид и введите действительный ID, код или e-mail.
error-confirm-erase = Подтвердите удаление.
records-title = Реестр обработки (ст. 30)
records-intro = Создано из настроек этого центра; меняется вместе с ними.
records-controller = Ответственный
records-data = Категории данных
records-purpose = Цель
records-basis = Правовое основание
records-recipients = Получатели
records-retention = Сроки хранения
records-measures = Технические и организационные меры
records-days = { $days } дней
records-mediation = Языковое посредничество
records-mediation-data = Псевдонимный код клиента, язык, встреча, место, заметки (могут касаться здоровья или пребывания, ст. 9)
records-mediation-purpose = Организация переводчиков для учреждений
records-mediation-basis = Ст. 6(1)(e), ст. 9(2)(g) GDPR с законом NRW об участии и интеграции
records-to-institutions = учреждение-заказчик
records-to-mediators = приглашённые и назначенные переводчики (заметки только после назначения)
records-to-sms = SMS-сервис города (напоминания клиентам)
records-pool = Пул переводчиков
records-pool-data = Имя, e-mail, телефон, языки, место жительства (координаты), доступность, квалификация
records-pool-purpose = Планирование, связь, выплата компенсаций
records-pool-basis = Ст. 6(1)(b) GDPR (соглашение об участии)
records-pool-retention = до удаления по запросу; выписки 10 лет
records-to-institutions-assigned = учреждение назначенной встречи (имя)
records-catalogue = Каталог предложений и регистрации
records-catalogue-data = Имя, e-mail, число и возраст детей, согласия
records-catalogue-purpose = Участие в предложениях, сообщения о них
records-catalogue-basis = Ст. 6(1)(a) GDPR (согласие)
records-to-providers = организатор предложения
records-billing = Расчёты
records-billing-data = Адрес счетов учреждения, встречи, часы, проезд; выписки переводчиков
records-billing-purpose = Счета учреждениям, компенсации
records-billing-basis = Ст. 6(1)(c) GDPR с § 147 AO
records-billing-retention = 10 лет, затем ограничено
records-accounts = Учётные записи и журнал
records-accounts-data = Имя, e-mail, роль, входы, сетевой адрес, кто когда читал или менял данные
records-accounts-purpose = Доступ, подотчётность, безопасность
records-accounts-basis = Ст. 6(1)(c) и (e), ст. 32 GDPR
records-to-nobody = никто вне центра
records-to-sso = служба входа { $issuer }
records-measure-1 = Заметки, коды клиентов, телефоны, контакты напоминаний и тексты писем зашифрованы (AES-256-GCM); ключ вне базы данных
records-measure-2 = Каждое чтение персональных данных журналируется; журнал — цепочка хешей (подделка видна)
records-measure-3 = Роли с минимальными правами; переводчики видят заметки только после назначения
records-measure-4 = Вход с правилами паролей, вторым фактором или passkey; сессии истекают
records-measure-5 = Файлы базы и ключа читает только служба; резервные копии с контрольной суммой, по желанию зашифрованы (age)
records-measure-6 = Доступ и удаление по каждому лицу на этой странице; сроки хранения Mittler применяет сам
records-measure-mail = Недоставленные письма удаляются через { $days } дней
privacy-section-mediator = Профиль
privacy-section-assignments = Назначения
privacy-section-invitations = Приглашения
privacy-section-statements_kept_by_law = Выписки (хранятся по закону)
privacy-section-requests = Запросы
privacy-section-registrations = Регистрации
privacy-section-accounts = Учётные записи
privacy-section-activity = Действия в системе
privacy-section-mails = Письма
privacy-section-read_by = Кто читал данные
privacy-field-id = ID
privacy-field-name = Имя
privacy-field-email = E-mail
privacy-field-phone = Телефон
privacy-field-gender = Пол
privacy-field-languages = Языки
privacy-field-sectors = Сферы
privacy-field-home = Место жительства
privacy-field-remote = Также по телефону/видео
privacy-field-availability = Доступность
privacy-field-absences = Отсутствия
privacy-field-qualified_on = Квалифицирован
privacy-field-pledge_signed_on = Обязательство подписано
privacy-field-active = Активен
privacy-field-request = Запрос
privacy-field-start = Начало
privacy-field-language = Язык
privacy-field-status = Статус
privacy-field-sent_at = Отправлено
privacy-field-duration_min = Длительность (мин)
privacy-field-sector = Сфера
privacy-field-mode = Формат
privacy-field-client_ref = Код клиента
privacy-field-notes = Заметки
privacy-field-institution_id = Учреждение
privacy-field-mediator_id = Переводчик
privacy-field-history = История
privacy-field-reminder = Напоминание
privacy-field-offer = Предложение
privacy-field-persons = Человек
privacy-field-children = Дети
privacy-field-lang = Язык интерфейса
privacy-field-registered_at = Зарегистрирован
privacy-field-role = Роль
privacy-field-at = Время
privacy-field-action = Действие
privacy-field-object = Объект
privacy-field-object_id = ID объекта
privacy-field-subject = Тема
privacy-field-queued_at = Создано
privacy-field-who = Кто
requests-more = Ещё запросы
requests-first-shown = Первые { $count } запросов отсюда; сузьте фильтрами или листайте дальше.
