# Переклад зараз: дзвінки відеозв’язком або телефоном, чергування, заміна зустрічі на місці.

nav-calls = Переклад зараз
nav-calls-hint = Мовний посередник відеозв’язком або телефоном за кілька хвилин
nav-on-call = Чергування
nav-on-call-hint = Приймати дзвінки зараз, вхідні дзвінки, щотижневий графік чергувань
calls-title = Переклад зараз
calls-intro = Усі, хто зараз чергує і володіє цією мовою, одразу отримують сповіщення. З розмови нічого не записується.
call-title = Дзвінок
call-start = Почати дзвінок
call-mode = Формат
call-client-hint = Псевдонім на зразок K-2026-0042, ніколи не ім’я (необов’язково).
call-callback = Номер, на який передзвонить мовний посередник (дзвінки телефоном)
call-callback-hint = Залиште порожнім, щоб використати номер вашої установи.
call-start-button = Зателефонувати зараз
call-nobody = Зараз ніхто з чергових не може прийняти цей дзвінок.
call-nobody-book = Натомість забронювати зустріч
call-on-call-now = Зараз чергують
call-on-call-none = Зараз ніхто не чергує.
call-on-call-until = { $name } до { $until }
call-in-call = у розмові
call-recent = Останні дзвінки
call-recent-none = Дзвінків ще не було.
call-status-ringing = Дзвонить …
call-status-connected = З’єднано
call-status-missed = Ніхто не відповів
call-status-ended = Завершено
call-status-nobody = Ніхто не чергував
call-started = Початок
call-mediator = Мовний посередник
call-duration = Тривалість
call-duration-value = { $minutes }:{ $seconds } хв
call-ringing-told = { $count ->
    [one] { $count } мовний посередник отримав сповіщення; дзвонитиме до { $until }.
    [few] { $count } мовні посередники отримали сповіщення; дзвонитиме до { $until }.
    [many] { $count } мовних посередників отримали сповіщення; дзвонитиме до { $until }.
   *[other] Мовних посередників, які отримали сповіщення: { $count }; дзвонитиме до { $until }.
}
call-phone-mediator = Зателефонуйте в установу зараз:
call-phone-caller = Мовний посередник зараз зателефонує вам на номер
call-remote-video = Відео співрозмовника
call-local-video = Ваше власне відео
call-connecting = Підключення відео …
call-live = З’єднано: ви бачите й чуєте одне одного.
call-media-failed = Не вдалося підключити відео. Дозвольте доступ до камери й мікрофона або завершіть дзвінок і зателефонуйте.
call-mute = Вимкнути мікрофон
call-camera-off = Вимкнути камеру
call-end = Завершити дзвінок
call-cancel = Скасувати виклик
call-request-link = Зустріч, заброньована натомість
call-record-link = Запис цього дзвінка (оплата за хвилини)
call-missed-next = Що далі?
call-ring-again = Дзвонити далі
call-book-later = Або забронювати зустріч
call-book-video = Відеозв’язком, пізніше
call-book-onsite = На місці, мовний посередник приїде
call-book-place = Місце (на місці)
call-book = Забронювати
call-accept = Прийняти дзвінок
call-push-title = Дзвінок: { $language }
call-push-body = { $institution } · { $mode } · зараз
oncall-title = Чергування
oncall-not-remote = Вас не налаштовано для роботи телефоном і відеозв’язком. Якщо хочете приймати дзвінки, зверніться до координації.
oncall-state = Зараз
oncall-on-until = Чергування до { $until }
oncall-off = Ви зараз не чергуєте.
oncall-until = Чергування до (час сьогодні)
oncall-go-on = Почати чергування
oncall-go-off = Завершити чергування
oncall-ringing = Вхідні дзвінки
oncall-ringing-none = Зараз для вас немає вхідних дзвінків.
oncall-rings-until = Дзвонить до
oncall-push = Сповіщення на цьому телефоні
oncall-push-hint = Коли сповіщення ввімкнено, цей телефон дзвонить, навіть якщо сторінку закрито (якщо Mittler додано на головний екран).
oncall-push-on = Увімкнути сповіщення
oncall-push-off = Вимкнути сповіщення на всіх пристроях
oncall-push-on-devices = Сповіщення ввімкнено щонайменше на одному пристрої.
oncall-push-done = Сповіщення на цьому телефоні ввімкнено.
oncall-push-failed = Не вдалося ввімкнути сповіщення (не дозволено, або браузер цього не підтримує).
oncall-plan = Щотижневий графік чергувань
oncall-plan-hint = У цей час ви чергуєте, нічого не роблячи. «Завершити чергування» завершує лише поточний період.
oncall-plan-save = Зберегти графік чергувань
flash-on-call = Ви чергуєте.
flash-off-call = Ваше чергування завершено.
flash-not-remote = Чергувати можуть лише мовні посередники, які працюють телефоном і відеозв’язком.
flash-plan-saved = Графік чергувань збережено.
flash-call-taken = Хтось інший прийняв дзвінок раніше, або виклик уже припинився.
flash-push-off = Сповіщення вимкнено на всіх ваших пристроях.
flash-booked-instead = Заброньовано замість дзвінка.
flash-converted = Запит тепер — відеозустріч; кандидати — ті, хто працює відеозв’язком.
flash-not-converted = Не вдалося змінити формат запиту (когось уже підтверджено, або запит змінився).
event-convert = змінено на телефон/відео
event-call = прийнято як дзвінок
error-too-far = Щонайбільше на 24 години вперед.
settings-call-answer = Скільки секунд дзвонить виклик, перш ніж вважатиметься пропущеним
settings-video-fallback = За скільки годин до зустрічі на місці, якщо ніхто не підтвердив, натомість пропонується відео
fallback-title = Ніхто не може прийти на місце
fallback-nobody = Жоден мовний посередник не може прийти на цю зустріч на місці.
fallback-cut-off = Зустріч уже скоро, а ще ніхто не підтвердив.
fallback-video-candidates = { $count ->
    [one] { $count } мовний посередник міг би провести її відеозв’язком.
    [few] { $count } мовні посередники могли б провести її відеозв’язком.
    [many] { $count } мовних посередників могли б провести її відеозв’язком.
   *[other] Мовних посередників, які могли б провести її відеозв’язком: { $count }.
}
fallback-convert = Запропонувати натомість відео
calls-report-title = Дзвінки (переклад зараз)
calls-report-calls = Дзвінки
calls-report-answered = Прийняті
calls-report-median = Час до відповіді (медіана)
calls-report-p90 = Час до відповіді (90 %)
calls-report-missed = Пропущені або ніхто не чергував
calls-report-missed-n = Пропущені
calls-report-nobody = Ніхто не чергував
calls-report-minutes = Хвилини
calls-report-on-call-hours = Години чергувань
calls-report-by-language = Дзвінки та години чергувань за мовою
calls-report-by-hour = Дзвінки за годиною доби
