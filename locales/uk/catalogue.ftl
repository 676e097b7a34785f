# Публічний каталог пропозицій, реєстрації та інструменти організаторів.

cat-title = Пропозиції
cat-count = { $count ->
    [0] Пропозицій не знайдено
    [one] { $count } пропозиція
    [few] { $count } пропозиції
    [many] { $count } пропозицій
   *[other] Пропозицій: { $count }
}
cat-search = Пошук
cat-search-placeholder = напр. курс плавання, футбол, мовне кафе
cat-filter = Показати
cat-more-filters = Інші фільтри
cat-category = Тип
cat-any = усі
cat-target = Для кого
cat-age = Вік
cat-spoken = Мови спілкування
cat-district = Район
cat-from = З дати
cat-to = До дати
cat-only-free = Лише безкоштовні
cat-in-german = Ще не перекладено: текст німецькою
cat-outdated = Цей переклад може бути застарілим; чинним є текст німецькою мовою.
cat-when = Коли
cat-where = Де
cat-for = Для кого
cat-cost = Вартість
cat-seats = Місця
cat-pages = Сторінки
cat-prev = Попередня сторінка
cat-next = Наступна сторінка
cat-open-data = Усі пропозиції як відкриті дані (JSON)
cat-back = Назад до всіх пропозицій
cat-accessibility = Безбар'єрність
cat-provider = Організатор
cat-sessions = Дати
cat-calendar = Додати дати до календаря (iCalendar)
cat-register = Зареєструватися
reg-check-fields = Реєстрацію ще не надіслано. Будь ласка, перевірте:
cat-register-waitlist = Усі місця зайняті. Якщо ви зареєструєтеся, то потрапите до списку очікування й отримаєте місце, щойно воно звільниться.
cat-ages-range = { $max ->
    [one] від { $min } до { $max } року
   *[other] від { $min } до { $max } років
}
cat-ages-from = { $min ->
    [one] від { $min } року
   *[other] від { $min } років
}
cat-ages-to = { $max ->
    [one] до { $max } року
   *[other] до { $max } років
}
cat-ages-all = будь-який вік
cat-when-series = { $count ->
    [one] з { $first }, { $count } зустріч
    [few] з { $first }, { $count } зустрічі
    [many] з { $first }, { $count } зустрічей
   *[other] з { $first }, зустрічей: { $count }
}
cat-no-registration = без реєстрації, просто приходьте
cat-full = місць немає – список очікування
cat-lottery = Місць: { $seats }, жеребкування { $at }
cat-seats-left = { $seats ->
    [one] залишилося { $seats } місце
    [few] залишилося { $seats } місця
    [many] залишилося { $seats } місць
   *[other] вільних місць: { $seats }
}
cat-free = безкоштовно
cat-check-mail = Підтвердьте свою реєстрацію
cat-check-mail-text = Ми надіслали лист на { $email }. Ваша реєстрація на «{ $title }» стане дійсною, щойно ви відкриєте посилання в ньому й підтвердите її.

offer-cat-sport = Спорт
offer-cat-swimming = Плавання
offer-cat-play = Гра й рух
offer-cat-language = Мова
offer-cat-counselling = Консультації
offer-cat-school = Школа
offer-cat-culture = Культура
offer-cat-professionals = Навчання для фахівців
offer-cat-meeting = Зустрічі та знайомства
target-children = Діти
target-youth = Молодь
target-adults = Дорослі
target-families = Сім'ї
target-women = Жінки
target-seniors = Літні люди
target-professionals = Фахівці
target-newly_arrived = Нещодавно прибулі діти та сім'ї

reg-name = Ім'я
reg-name-hint = Достатньо вказати лише ім'я.
reg-email = Адреса електронної пошти
reg-children = Діти, яких ви реєструєте
reg-children-hint = Вкажіть вік кожної дитини. Брати й сестри отримують місця разом або разом потрапляють до списку очікування.
reg-child-age = Вік дитини { $n }
reg-persons = Кількість осіб
reg-group = Чи належить ваша сім'я до цієї групи?
reg-group-none = ні / не вказано
reg-group-hint = Для цієї групи під час жеребкування зарезервовано місця.
reg-consents = Згоди
consent-participation = Я хочу взяти участь. Мої дані можна використовувати для цього (обов'язково).
consent-photos = Фото, на яких нас видно, можна використовувати для інформування громадськості (за бажанням).
consent-share_contact = Мої контактні дані можна передати організатору, щоб зі мною могли зв'язатися напряму (за бажанням).
reg-consents-hint = Кожну згоду можна будь-коли відкликати за посиланням у листі. Після завершення пропозиції ваші дані буде видалено.
reg-submit = Надіслати реєстрацію
reg-status-pending = ще не підтверджено
reg-status-confirmed = у вас є місце
reg-status-waitlisted = у списку очікування
reg-status-entered = бере участь у жеребкуванні
reg-status-cancelled = скасовано
reg-waitlisted-at = у списку очікування, місце { $position }
reg-confirm-title = Підтвердження реєстрації
reg-manage-title = Ваша реєстрація
reg-child = Дитина { $n }, вік: { $age }
reg-now-confirmed = Дякуємо! Вашу реєстрацію підтверджено; у вас є місце.
reg-now-waitlisted = Дякуємо! Усі місця зайняті; ваше місце в списку очікування: { $position }. Ми напишемо вам, щойно для вас звільниться місце.
reg-now-entered = Дякуємо! Ви берете участь у жеребкуванні. Ми повідомимо вам результат.
reg-now-cancelled = Вашу реєстрацію скасовано.
reg-child-cancelled = Реєстрацію дитини скасовано; інші діти зберігають свої місця.
reg-consent-revoked = Згоду відкликано.
reg-offer = Пропозиція
reg-status = Статус
reg-confirm-button = Так, підтвердити реєстрацію
reg-cancel-child = Скасувати реєстрацію однієї дитини
reg-cancel-this-child = Скасувати реєстрацію цієї дитини
reg-cancel-all = Скасувати всю реєстрацію
reg-revoke = відкликати
reg-not-given = не надано

mail-reg-confirm-subject = Підтвердьте, будь ласка: { $title }
mail-reg-confirm-body = Добрий день, { $name }!

    Ви зареєструвалися на «{ $title }» (осіб: { $persons }), початок { $when }, { $place }.
    Підтвердьте свою реєстрацію за цим посиланням:
    { $confirm }

    Скасувати реєстрацію або відкликати згоди:
    { $cancel }

    Якщо ви не реєструвалися, нічого робити не потрібно.
mail-reg-confirmed-subject = Ваше місце: { $title }
mail-reg-confirmed-body = Вашу реєстрацію на «{ $title }» підтверджено. Початок { $when }, { $place }.

    Якщо ви не зможете прийти, скасуйте реєстрацію, щоб місце отримав хтось зі списку очікування:
    { $cancel }
mail-reg-waitlisted-subject = Список очікування: { $title }
mail-reg-waitlisted-body = Усі місця на «{ $title }» зайняті. Ваше місце в списку очікування: { $position }. Ми напишемо вам, щойно звільниться місце.

    Скасувати реєстрацію: { $cancel }
mail-reg-entered-subject = Жеребкування: { $title }
mail-reg-entered-body = Вашу реєстрацію на «{ $title }» підтверджено. Місця буде розіграно { $lottery }; ми повідомимо вам результат.

    Скасувати реєстрацію: { $cancel }
mail-reg-cancelled-subject = Скасовано: { $title }
mail-reg-cancelled-body = Вашу реєстрацію на «{ $title }» скасовано.
mail-reg-promoted-subject = Звільнилося місце: { $title }
mail-reg-promoted-body = Добра новина: на «{ $title }» звільнилося місце, і тепер воно ваше. Початок { $when }, { $place }.

    Якщо ви вже не зможете прийти, скасуйте реєстрацію за посиланням із вашого першого листа.
mail-reg-won-subject = У вас є місце: { $title }
mail-reg-won-body = Жеребкування на «{ $title }» відбулося: у вас є місце. Початок { $when }, { $place }.
mail-reg-lost-subject = Список очікування: { $title }
mail-reg-lost-body = Жеребкування на «{ $title }» відбулося. На жаль, цього разу не вийшло; ваше місце в списку очікування: { $position }. Ви отримаєте місце, щойно воно звільниться.

csv-status = Статус
csv-name = Ім'я
csv-email = Ел. пошта
csv-persons = Кількість осіб
csv-ages = Вік дітей
csv-language = Мова
csv-group = Група
csv-photos = Фото дозволено
csv-share-contact = Передачу контактів дозволено
csv-registered = Дата реєстрації
csv-yes = так
csv-no = ні
csv-present = присутність
csv-absent = відсутність

error-age-out-of-range = Цей вік не відповідає пропозиції.
error-children-mismatch = Кількість не збігається з кількістю вказаних дітей.
error-more-than-capacity = Осіб більше, ніж місць у пропозиції.
error-consent-required = Без цієї згоди реєстрація неможлива.
error-after-start = Жеребкування має відбутися до першої дати.
error-lottery-only = Резервувати місця для групи можна лише під час жеребкування.
error-end-before-start = Кінець має бути пізніше за початок.

nav-offers = Пропозиції
nav-offers-hint = Ведення, перевірка й публікація пропозицій організаторів; реєстрації та відвідуваність
nav-providers = Організатори
offer-status-draft = чернетка
offer-status-in_review = на перевірці
offer-status-published = опубліковано
offer-status-archived = в архіві
offer-new = Нова пропозиція
offer-edit = Редагувати пропозицію
offer-title = Назва
offer-status = Статус
offer-capacity = Кількість місць
offer-outdated = застарілий переклад
offer-actions = Дії
offer-registrations = Реєстрації
offer-publish = Опублікувати
offer-submit = Надіслати на перевірку
offer-return = Повернути організатору
offer-archive = Архівувати
offer-review-note = Примітка щодо перевірки
offer-texts = Назва й опис
offer-texts-hint = Німецька обов'язкова. Переклади необов'язкові; коли німецький текст змінюється, їх позначають як застарілі, доки їх не оновлять.
offer-description = Опис
offer-what = Що і для кого
offer-age-min = Вік від
offer-age-max = Вік до
offer-languages-hint = Коди ISO 639-3 через кому, напр. deu, ara, ukr
offer-schedule-kind = Тип дат
offer-kind-dates = окремі дати
offer-kind-weekly = щотижня протягом періоду
offer-kind-block = кожен робочий день блоку канікул
offer-dates = Окремі дати
offer-dates-hint = Одна дата на рядок: 2027-07-06 10:00-11:30
offer-weekdays = Дні тижня
offer-start-time = Початок
offer-end-time = Кінець
offer-except = Винятки (канікули, свята): дати через кому
offer-cost = Вартість у євро (порожньо = безкоштовно)
offer-cost-note = Примітка щодо вартості
offer-registration = Реєстрація
offer-reg-none = без реєстрації
offer-reg-first-come = у порядку підтвердження, далі список очікування
offer-reg-lottery = жеребкування у визначений день
offer-lottery-at = Дата жеребкування
offer-quota = Місця, зарезервовані для кожної групи під час жеребкування
offer-weekends = Блок канікул також у вихідні
error-offer-changed = Тим часом пропозицію змінила інша особа. Перезавантажте її; введене вами наведено нижче.
error-has-attendance = Для дати, яку буде видалено або перенесено, уже відмічено відвідуваність; ця дата має залишитися.
error-below-taken = Уже зайнято більше місць; менше вказати не можна.
error-has-registrations = Тип реєстрації вже не можна змінити: є реєстрації.
offer-workflow = Перевірка та публікація
offer-taken = Зайняті місця
offer-export = Завантажити як CSV для Excel
offer-save-attendance = Зберегти відвідуваність
offer-message = Повідомлення всім зареєстрованим
offer-message-hint = Кожна особа отримає повідомлення своєю мовою, якщо ви написали його цією мовою, інакше — німецькою.
offer-subject = Тема
offer-body = Текст
offer-send = Надіслати
offer-message-sent = Повідомлення надіслано. Реєстрацій: { $count }.
user-provider = Організатор (для облікових записів організаторів)
provider-name = Назва організатора
provider-add = Додати організатора
