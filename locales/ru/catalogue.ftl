# Публичный каталог предложений, записи и инструменты организаторов.

cat-title = Предложения
cat-count = { $count ->
    [0] Предложений не найдено
    [one] { $count } предложение
    [few] { $count } предложения
    [many] { $count } предложений
   *[other] { $count } предложения
}
cat-search = Поиск
cat-search-placeholder = например, курс плавания, футбол, языковое кафе
cat-filter = Показать
cat-more-filters = Другие фильтры
cat-category = Вид
cat-any = все
cat-target = Для кого
cat-age = Возраст
cat-spoken = Языки общения
cat-district = Район
cat-from = С даты
cat-to = По дату
cat-only-free = Только бесплатные
cat-in-german = Ещё не переведено: текст на немецком языке
cat-outdated = Перевод может быть неактуальным; действует текст на немецком языке.
cat-when = Когда
cat-where = Где
cat-for = Для кого
cat-cost = Стоимость
cat-seats = Места
cat-pages = Страницы
cat-prev = Предыдущая страница
cat-next = Следующая страница
cat-open-data = Все предложения в виде открытых данных (JSON)
cat-back = Назад ко всем предложениям
cat-accessibility = Доступная среда
cat-provider = Организатор
cat-sessions = Даты
cat-calendar = Добавить даты в календарь (iCalendar)
cat-register = Записаться
reg-check-fields = Запись ещё не отправлена. Пожалуйста, проверьте:
cat-register-waitlist = Все места заняты. Если вы запишетесь, то попадёте в лист ожидания и получите место, как только оно освободится.
cat-ages-range = от { $min } до { $max } лет
cat-ages-from = от { $min } лет
cat-ages-to = до { $max } лет
cat-ages-all = любой возраст
cat-when-series = с { $first }, занятий: { $count }
cat-no-registration = без записи, просто приходите
cat-full = мест нет – лист ожидания
cat-lottery = мест: { $seats }, жеребьёвка { $at }
cat-seats-left = { $seats ->
    [one] осталось { $seats } место
    [few] осталось { $seats } места
    [many] осталось { $seats } мест
   *[other] осталось { $seats } места
}
cat-free = бесплатно
cat-check-mail = Подтвердите, пожалуйста, запись
cat-check-mail-text = Мы отправили письмо на адрес { $email }. Ваша запись на «{ $title }» будет действительна, когда вы откроете ссылку в письме и подтвердите её.

offer-cat-sport = Спорт
offer-cat-swimming = Плавание
offer-cat-play = Игры и движение
offer-cat-language = Язык
offer-cat-counselling = Консультации
offer-cat-school = Школа
offer-cat-culture = Культура
offer-cat-professionals = Повышение квалификации для специалистов
offer-cat-meeting = Встречи и общение
target-children = Дети
target-youth = Молодёжь
target-adults = Взрослые
target-families = Семьи
target-women = Женщины
target-seniors = Пожилые люди
target-professionals = Специалисты
target-newly_arrived = Недавно приехавшие дети и семьи

reg-name = Имя
reg-name-hint = Достаточно указать только имя.
reg-email = Адрес электронной почты
reg-children = Дети, которых вы записываете
reg-children-hint = Укажите возраст каждого ребёнка. Братья и сёстры получают места вместе или вместе попадают в лист ожидания.
reg-child-age = Возраст ребёнка № { $n }
reg-persons = Количество человек
reg-group = Относится ли ваша семья к этой группе?
reg-group-none = нет / не указано
reg-group-hint = При жеребьёвке для этой группы резервируются места.
reg-consents = Согласия
consent-participation = Я хочу участвовать. Мои данные можно использовать для этого (обязательно).
consent-photos = Фотографии, на которых мы есть, можно использовать для работы с общественностью (по желанию).
consent-share_contact = Мои контактные данные можно передать организатору, чтобы он мог связаться со мной напрямую (по желанию).
reg-consents-hint = Каждое согласие можно в любой момент отозвать по ссылке в письме. После окончания предложения ваши данные удаляются.
reg-submit = Записаться
reg-status-pending = ещё не подтверждена
reg-status-confirmed = у вас есть место
reg-status-waitlisted = в листе ожидания
reg-status-entered = участвует в жеребьёвке
reg-status-cancelled = отменена
reg-waitlisted-at = в листе ожидания, № { $position }
reg-confirm-title = Подтвердите запись
reg-manage-title = Ваша запись
reg-child = Ребёнок № { $n } (возраст: { $age })
reg-now-confirmed = Спасибо! Ваша запись подтверждена, у вас есть место.
reg-now-waitlisted = Спасибо! Все места заняты; вы под номером { $position } в листе ожидания. Мы напишем вам, как только подойдёт ваша очередь.
reg-now-entered = Спасибо! Вы участвуете в жеребьёвке. Мы сообщим вам результат.
reg-now-cancelled = Ваша запись отменена.
reg-child-cancelled = Запись ребёнка отменена; остальные сохраняют свои места.
reg-consent-revoked = Согласие отозвано.
reg-offer = Предложение
reg-status = Статус
reg-confirm-button = Да, подтвердить запись
reg-cancel-child = Отменить запись одного ребёнка
reg-cancel-this-child = Отменить запись этого ребёнка
reg-cancel-all = Отменить всю запись
reg-revoke = отозвать
reg-not-given = не дано

mail-reg-confirm-subject = Подтвердите, пожалуйста: { $title }
mail-reg-confirm-body = Здравствуйте, { $name }!

    Вы записались на «{ $title }» (человек: { $persons }), начало { $when }, { $place }.
    Подтвердите, пожалуйста, запись по этой ссылке:
    { $confirm }

    Отменить запись или отозвать согласия:
    { $cancel }

    Если вы не записывались, ничего делать не нужно.
mail-reg-confirmed-subject = Ваше место: { $title }
mail-reg-confirmed-body = Ваша запись на «{ $title }» подтверждена. Начало { $when }, { $place }.

    Если вы не сможете прийти, пожалуйста, отмените запись, чтобы место получил кто-то из листа ожидания:
    { $cancel }
mail-reg-waitlisted-subject = Лист ожидания: { $title }
mail-reg-waitlisted-body = Все места на «{ $title }» заняты. Вы под номером { $position } в листе ожидания. Мы напишем вам, как только освободится место.

    Отменить запись: { $cancel }
mail-reg-entered-subject = Жеребьёвка: { $title }
mail-reg-entered-body = Ваша запись на «{ $title }» подтверждена. Места будут распределены жеребьёвкой { $lottery }; мы сообщим вам результат.

    Отменить запись: { $cancel }
mail-reg-cancelled-subject = Запись отменена: { $title }
mail-reg-cancelled-body = Ваша запись на «{ $title }» отменена.
mail-reg-promoted-subject = Освободилось место: { $title }
mail-reg-promoted-body = Хорошая новость: на «{ $title }» освободилось место, и теперь оно ваше. Начало { $when }, { $place }.

    Если вы больше не сможете прийти, пожалуйста, отмените запись по ссылке из первого письма.
mail-reg-won-subject = У вас есть место: { $title }
mail-reg-won-body = Жеребьёвка мест на «{ $title }» проведена: у вас есть место. Начало { $when }, { $place }.
mail-reg-lost-subject = Лист ожидания: { $title }
mail-reg-lost-body = Жеребьёвка мест на «{ $title }» проведена. К сожалению, в этот раз не получилось; вы под номером { $position } в листе ожидания и получите место, как только оно освободится.

csv-status = Статус
csv-name = Имя
csv-email = E-mail
csv-persons = Количество человек
csv-ages = Возраст детей
csv-language = Язык
csv-group = Группа
csv-photos = Фото разрешены
csv-share-contact = Передача контактов разрешена
csv-registered = Дата записи
csv-yes = да
csv-no = нет
csv-present = присутствует
csv-absent = отсутствует

error-age-out-of-range = Этот возраст не подходит для предложения.
error-children-mismatch = Количество не соответствует числу указанных детей.
error-more-than-capacity = Человек больше, чем мест в предложении.
error-consent-required = Без этого согласия запись невозможна.
error-after-start = Жеребьёвка должна пройти до первой даты.
error-lottery-only = Резервировать места для группы можно только при жеребьёвке.
error-end-before-start = Окончание должно быть позже начала.

nav-offers = Предложения
nav-offers-hint = Вести, проверять и публиковать предложения организаторов; записи и посещаемость
nav-providers = Организаторы
offer-status-draft = черновик
offer-status-in_review = на проверке
offer-status-published = опубликовано
offer-status-archived = в архиве
offer-new = Новое предложение
offer-edit = Редактировать предложение
offer-title = Название
offer-status = Статус
offer-capacity = Места
offer-outdated = устаревший перевод
offer-actions = Действия
offer-registrations = Записи
offer-publish = Опубликовать
offer-submit = Отправить на проверку
offer-return = Вернуть организатору
offer-archive = Отправить в архив
offer-review-note = Комментарий к проверке
offer-texts = Название и описание
offer-texts-hint = Текст на немецком обязателен. Переводы — по желанию; если немецкий текст изменится, они будут отмечены как устаревшие, пока их не обновят.
offer-description = Описание
offer-what = Что и для кого
offer-age-min = Возраст от
offer-age-max = Возраст до
offer-languages-hint = Коды ISO 639-3 через запятую, например deu, ara, ukr
offer-schedule-kind = Вид расписания
offer-kind-dates = отдельные даты
offer-kind-weekly = еженедельно в течение периода
offer-kind-block = каждый будний день блока каникул
offer-dates = Отдельные даты
offer-dates-hint = Одна дата в строке: 2027-07-06 10:00-11:30
offer-weekdays = Дни недели
offer-start-time = Начало
offer-end-time = Окончание
offer-except = Исключения (каникулы, праздники): даты через запятую
offer-cost = Стоимость в евро (пусто = бесплатно)
offer-cost-note = Примечание о стоимости
offer-registration = Запись
offer-reg-none = без записи
offer-reg-first-come = в порядке подтверждения, затем лист ожидания
offer-reg-lottery = жеребьёвка к определённой дате
offer-lottery-at = Дата жеребьёвки
offer-quota = Места, резервируемые для каждой группы при жеребьёвке
offer-weekends = Блок каникул также в выходные
error-offer-changed = Тем временем кто-то другой изменил предложение. Перезагрузите его; введённые вами данные приведены ниже.
error-has-attendance = Для даты, которая была бы удалена или перенесена, уже отмечена посещаемость; эту дату нужно сохранить.
error-below-taken = Уже занято больше мест; меньше указать нельзя.
error-has-registrations = Способ записи больше нельзя изменить: уже есть записи.
offer-workflow = Проверка и публикация
offer-taken = Занятые места
offer-export = Скачать в формате CSV для Excel
offer-save-attendance = Сохранить посещаемость
offer-message = Сообщение всем записавшимся
offer-message-hint = Каждый получит сообщение на своём языке, если вы написали его на этом языке, иначе — на немецком.
offer-subject = Тема
offer-body = Текст
offer-send = Отправить
offer-message-sent = Сообщение поставлено в очередь на отправку (записей: { $count }).
user-provider = Организатор (для учётных записей организаторов)
provider-name = Название организатора
provider-add = Добавить организатора
