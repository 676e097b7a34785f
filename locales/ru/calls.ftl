# Перевод сейчас: звонки по видеосвязи или телефону, дежурство, замена очной встречи.

nav-calls = Перевод сейчас
nav-calls-hint = Языковой посредник по видеосвязи или телефону за несколько минут
nav-on-call = Дежурство
nav-on-call-hint = Принимать звонки сейчас, входящие звонки, еженедельный график дежурств
calls-title = Перевод сейчас
calls-intro = Все дежурные, владеющие этим языком, сразу получают уведомление. Ничего из разговора не записывается.
call-title = Звонок
call-start = Начать звонок
call-mode = Формат
call-client-hint = Псевдоним, например K-2026-0042, а не имя (необязательно).
call-callback = Номер, на который перезвонит языковой посредник (звонки по телефону)
call-callback-hint = Оставьте пустым, чтобы использовать номер вашего учреждения.
call-start-button = Позвонить сейчас
call-nobody = Сейчас никто из дежурных не может принять этот звонок.
call-nobody-book = Вместо этого забронировать встречу
call-on-call-now = Сейчас дежурят
call-on-call-none = Сейчас никто не дежурит.
call-on-call-until = { $name } до { $until }
call-in-call = разговаривает
call-recent = Последние звонки
call-recent-none = Звонков пока не было.
call-status-ringing = Идёт вызов …
call-status-connected = Соединено
call-status-missed = Никто не ответил
call-status-ended = Завершён
call-status-nobody = Никто не дежурил
call-started = Начало
call-mediator = Языковой посредник
call-duration = Длительность
call-duration-value = { $minutes }:{ $seconds } мин.
call-ringing-told = { $count ->
    [one] Оповещён { $count } языковой посредник; вызов идёт до { $until }.
    [few] Оповещены { $count } языковых посредника; вызов идёт до { $until }.
    [many] Оповещено { $count } языковых посредников; вызов идёт до { $until }.
   *[other] Оповещено языковых посредников: { $count }; вызов идёт до { $until }.
}
call-phone-mediator = Позвоните в учреждение сейчас:
call-phone-caller = Языковой посредник сейчас позвонит вам по номеру
call-remote-video = Видео собеседника
call-local-video = Ваше видео
call-connecting = Подключение видео …
call-live = Соединено: вы видите и слышите друг друга.
call-media-failed = Не удалось подключить видео. Разрешите доступ к камере и микрофону или завершите звонок и позвоните по телефону.
call-mute = Выключить микрофон
call-camera-off = Выключить камеру
call-end = Завершить звонок
call-cancel = Отменить вызов
call-request-link = Встреча, забронированная вместо звонка
call-record-link = Запись этого звонка (оплата по минутам)
call-missed-next = Что дальше?
call-ring-again = Продолжить вызов
call-book-later = Или забронировать встречу
call-book-video = По видеосвязи, позже
call-book-onsite = Очно, посредник приедет
call-book-place = Место (очная встреча)
call-book = Забронировать
call-accept = Принять звонок
call-push-title = Звонок: { $language }
call-push-body = { $institution } · { $mode } · сейчас
oncall-title = Дежурство
oncall-not-remote = Вы не подключены к работе по телефону и видеосвязи. Если хотите принимать звонки, обратитесь к координации.
oncall-state = Сейчас
oncall-on-until = На дежурстве до { $until }
oncall-off = Вы сейчас не дежурите.
oncall-until = Дежурство до (время сегодня)
oncall-go-on = Начать дежурство
oncall-go-off = Завершить дежурство
oncall-ringing = Входящие звонки
oncall-ringing-none = Сейчас для вас нет входящих звонков.
oncall-rings-until = Вызов идёт до
oncall-push = Уведомления на этом телефоне
oncall-push-hint = С включёнными уведомлениями этот телефон звонит, даже если страница закрыта (если Mittler добавлен на главный экран).
oncall-push-on = Включить уведомления
oncall-push-off = Выключить уведомления на всех устройствах
oncall-push-on-devices = Уведомления включены как минимум на одном устройстве.
oncall-push-done = Уведомления на этом телефоне включены.
oncall-push-failed = Не удалось включить уведомления (не разрешено, или браузер это не поддерживает).
oncall-plan = Еженедельный график дежурств
oncall-plan-hint = В это время вы дежурите, ничего не делая. «Завершить дежурство» завершает только текущий период.
oncall-plan-save = Сохранить график дежурств
flash-on-call = Вы на дежурстве.
flash-off-call = Ваше дежурство завершено.
flash-not-remote = Дежурить могут только языковые посредники, работающие по телефону и видеосвязи.
flash-plan-saved = График дежурств сохранён.
flash-call-taken = Кто-то другой принял звонок раньше, или вызов уже прекратился.
flash-push-off = Уведомления выключены на всех ваших устройствах.
flash-booked-instead = Забронировано вместо звонка.
flash-converted = Заявка теперь — встреча по видеосвязи; кандидаты — те, кто работает по видеосвязи.
flash-not-converted = Не удалось изменить формат заявки (кто-то уже подтверждён, или она изменилась).
event-convert = заявка переведена на телефон/видео
event-call = принято как звонок
error-too-far = Не более чем на 24 часа вперёд.
settings-call-answer = Сколько секунд идёт вызов, прежде чем он считается пропущенным
settings-video-fallback = За сколько часов до очной встречи, если никто не подтвердил, вместо неё предлагается видео
fallback-title = Никто не может прийти очно
fallback-nobody = Ни один языковой посредник не может прийти на эту встречу очно.
fallback-cut-off = Встреча уже скоро, а никто ещё не подтвердил.
fallback-video-candidates = { $count ->
    [one] { $count } языковой посредник мог бы провести её по видеосвязи.
    [few] { $count } языковых посредника могли бы провести её по видеосвязи.
    [many] { $count } языковых посредников могли бы провести её по видеосвязи.
   *[other] Языковых посредников, которые могли бы провести её по видеосвязи: { $count }.
}
fallback-convert = Предложить вместо этого видео
calls-report-title = Звонки (перевод сейчас)
calls-report-calls = Звонки
calls-report-answered = Принято
calls-report-median = Время до ответа (медиана)
calls-report-p90 = Время до ответа (90 %)
calls-report-missed = Пропущено или никто не дежурил
calls-report-missed-n = Пропущено
calls-report-nobody = Никто не дежурил
calls-report-minutes = Минуты
calls-report-on-call-hours = Часы дежурства
calls-report-by-language = Звонки и часы дежурства по языкам
calls-report-by-hour = Звонки по времени суток
