# Herkese açık etkinlik kataloğu, kayıtlar ve düzenleyen kuruluşların araçları.

cat-title = Etkinlikler
cat-count = { $count ->
    [0] Etkinlik bulunamadı
    [one] Bir etkinlik
   *[other] { $count } etkinlik
}
cat-search = Arama
cat-search-placeholder = örn. yüzme kursu, futbol, dil kafesi
cat-filter = Göster
cat-more-filters = Diğer filtreler
cat-category = Tür
cat-any = tümü
cat-target = Kimin için
cat-age = Yaş
cat-spoken = Konuşulan diller
cat-district = Semt
cat-from = Başlangıç tarihi
cat-to = Bitiş tarihi
cat-only-free = Yalnızca ücretsiz
cat-in-german = Henüz çevrilmedi: metin Almanca
cat-outdated = Bu çeviri güncel olmayabilir; Almanca metin geçerlidir.
cat-when = Ne zaman
cat-where = Nerede
cat-for = Kimler için
cat-cost = Ücret
cat-seats = Kontenjan
cat-pages = Sayfalar
cat-prev = Önceki sayfa
cat-next = Sonraki sayfa
cat-open-data = Tüm etkinlikler açık veri olarak (JSON)
cat-back = Tüm etkinliklere dön
cat-accessibility = Erişilebilirlik
cat-provider = Düzenleyen
cat-sessions = Tarihler
cat-calendar = Tarihleri takviminize ekleyin (iCalendar)
cat-register = Kayıt ol
reg-check-fields = Kayıt henüz gönderilmedi. Lütfen şunları kontrol edin:
cat-register-waitlist = Tüm yerler dolu. Kayıt olursanız bekleme listesine alınırsınız ve bir yer boşalır boşalmaz sıra size gelir.
cat-ages-range = { $min } ile { $max } yaş arası
cat-ages-from = { $min } yaş ve üzeri
cat-ages-to = { $max } yaşa kadar
cat-ages-all = her yaş
cat-when-series = { $first } tarihinden itibaren, { $count } kez
cat-no-registration = kayıt gerekmez, doğrudan gelin
cat-full = dolu – bekleme listesi
cat-lottery = { $seats } yer, kura tarihi: { $at }
cat-seats-left = { $seats ->
    [one] bir yer kaldı
   *[other] { $seats } yer kaldı
}
cat-free = ücretsiz
cat-check-mail = Lütfen kaydınızı onaylayın
cat-check-mail-text = { $email } adresine bir e-posta gönderdik. “{ $title }” için kaydınız, e-postadaki bağlantıyı açıp onayladığınızda geçerli olur.

offer-cat-sport = Spor
offer-cat-swimming = Yüzme
offer-cat-play = Oyun ve hareket
offer-cat-language = Dil
offer-cat-counselling = Danışmanlık
offer-cat-school = Okul
offer-cat-culture = Kültür
offer-cat-professionals = Uzman personel için eğitim
offer-cat-meeting = Tanışma ve buluşma
target-children = Çocuklar
target-youth = Gençler
target-adults = Yetişkinler
target-families = Aileler
target-women = Kadınlar
target-seniors = Yaşlılar
target-professionals = Uzman personel
target-newly_arrived = Yeni gelen çocuklar ve aileler

reg-name = Ad
reg-name-hint = Adınız yeterlidir.
reg-email = E-posta adresi
reg-children = Kaydettiğiniz çocuklar
reg-children-hint = Her çocuğun yaşını girin. Kardeşler birlikte yer alır veya birlikte bekleme listesine girer.
reg-child-age = { $n }. çocuğun yaşı
reg-persons = Kişi sayısı
reg-group = Aileniz bu gruba dahil mi?
reg-group-none = hayır / belirtilmedi
reg-group-hint = Kurada bu grup için yer ayrılır.
reg-consents = Onaylar
consent-participation = Katılmak istiyorum. Bilgilerim bu amaçla kullanılabilir (zorunlu).
consent-photos = Bizim göründüğümüz fotoğraflar tanıtım çalışmalarında kullanılabilir (isteğe bağlı).
consent-share_contact = İletişim bilgilerim, bana doğrudan ulaşabilmesi için düzenleyen kuruluşa iletilebilir (isteğe bağlı).
reg-consents-hint = Her onayı, e-postadaki bağlantıyla istediğiniz zaman geri alabilirsiniz. Etkinlik sona erdikten sonra bilgileriniz silinir.
reg-submit = Kaydı gönder
reg-status-pending = henüz onaylanmadı
reg-status-confirmed = yeriniz var
reg-status-waitlisted = bekleme listesinde
reg-status-entered = kuraya katılıyor
reg-status-cancelled = iptal edildi
reg-waitlisted-at = bekleme listesinde, sıra: { $position }
reg-confirm-title = Kaydınızı onaylayın
reg-manage-title = Kaydınız
reg-child = Çocuk { $n } ({ $age } yaş)
reg-now-confirmed = Teşekkürler! Kaydınız onaylandı; yeriniz var.
reg-now-waitlisted = Teşekkürler! Tüm yerler dolu; bekleme listesindeki sıranız: { $position }. Sıra size gelir gelmez size yazacağız.
reg-now-entered = Teşekkürler! Kuraya katılıyorsunuz. Sonucu size yazacağız.
reg-now-cancelled = Kaydınız iptal edildi.
reg-child-cancelled = Çocuğun kaydı silindi; diğerleri yerlerini korur.
reg-consent-revoked = Onay geri alındı.
reg-offer = Etkinlik
reg-status = Durum
reg-confirm-button = Evet, kaydımı onaylıyorum
reg-cancel-child = Bir çocuğun kaydını sil
reg-cancel-this-child = Bu çocuğun kaydını sil
reg-cancel-all = Tüm kaydı iptal et
reg-revoke = geri al
reg-not-given = verilmedi

mail-reg-confirm-subject = Lütfen onaylayın: { $title }
mail-reg-confirm-body = Merhaba { $name },

    “{ $title }” etkinliğine kayıt oldunuz ({ $persons } kişi). Başlangıç: { $when }, { $place }.
    Lütfen kaydınızı şu bağlantıyla onaylayın:
    { $confirm }

    Kaydı iptal etmek veya onaylarınızı geri almak için:
    { $cancel }

    Kayıt olmadıysanız hiçbir şey yapmanız gerekmez.
mail-reg-confirmed-subject = Yeriniz ayrıldı: { $title }
mail-reg-confirmed-body = “{ $title }” için kaydınız onaylandı. Başlangıç: { $when }, { $place }.

    Gelemeyecekseniz, bekleme listesindeki birinin yerinizi alabilmesi için lütfen kaydınızı iptal edin:
    { $cancel }
mail-reg-waitlisted-subject = Bekleme listesi: { $title }
mail-reg-waitlisted-body = “{ $title }” için tüm yerler dolu. Bekleme listesindeki sıranız: { $position }. Bir yer boşalır boşalmaz size yazacağız.

    İptal: { $cancel }
mail-reg-entered-subject = Kura: { $title }
mail-reg-entered-body = “{ $title }” için kaydınız onaylandı. Yerler kurayla dağıtılacak, kura tarihi: { $lottery }. Sonucu size yazacağız.

    İptal: { $cancel }
mail-reg-cancelled-subject = İptal edildi: { $title }
mail-reg-cancelled-body = “{ $title }” için kaydınız iptal edildi.
mail-reg-promoted-subject = Bir yer boşaldı: { $title }
mail-reg-promoted-body = İyi haber: “{ $title }” etkinliğinde bir yer boşaldı ve sıra size geldi. Başlangıç: { $when }, { $place }.

    Artık gelemeyecekseniz, lütfen ilk e-postanızdaki bağlantıyla kaydınızı iptal edin.
mail-reg-won-subject = Yeriniz var: { $title }
mail-reg-won-body = “{ $title }” için kura çekildi: yeriniz var. Başlangıç: { $when }, { $place }.
mail-reg-lost-subject = Bekleme listesi: { $title }
mail-reg-lost-body = “{ $title }” için kura çekildi. Maalesef bu sefer olmadı; bekleme listesindeki sıranız: { $position }. Bir yer boşalır boşalmaz sıra size gelir.

csv-status = Durum
csv-name = Ad
csv-email = E-posta
csv-persons = Kişi
csv-ages = Çocukların yaşları
csv-language = Dil
csv-group = Grup
csv-photos = Fotoğraf izni
csv-share-contact = İletişim bilgisi paylaşım izni
csv-registered = Kayıt tarihi
csv-yes = evet
csv-no = hayır
csv-present = katıldı
csv-absent = katılmadı

error-age-out-of-range = Bu yaş etkinliğe uygun değil.
error-children-mismatch = Sayı, girilen çocuklarla uyuşmuyor.
error-more-than-capacity = Bu sayı, etkinliğin kontenjanından fazla.
error-consent-required = Bu onay olmadan kayıt mümkün değil.
error-after-start = Kura ilk tarihten önce yapılmalıdır.
error-lottery-only = Bir grup için yer yalnızca kurada ayrılabilir.
error-end-before-start = Bitiş, başlangıçtan sonra olmalıdır.

nav-offers = Etkinlikler
nav-offers-hint = Düzenleyen kuruluşların etkinliklerini güncelleyin, inceleyin ve yayımlayın; kayıtlar ve katılım
nav-providers = Düzenleyen kuruluşlar
offer-status-draft = taslak
offer-status-in_review = incelemede
offer-status-published = yayımlandı
offer-status-archived = arşivlendi
offer-new = Yeni etkinlik
offer-edit = Etkinliği düzenle
offer-title = Başlık
offer-status = Durum
offer-capacity = Kontenjan
offer-outdated = güncel olmayan çeviri
offer-actions = İşlemler
offer-registrations = Kayıtlar
offer-publish = Yayımla
offer-submit = İncelemeye gönder
offer-return = Düzenleyen kuruluşa geri gönder
offer-archive = Arşivle
offer-review-note = İnceleme notu
offer-texts = Başlık ve açıklama
offer-texts-hint = Almanca zorunludur. Çeviriler isteğe bağlıdır; Almanca metin değişince çeviriler güncellenene kadar “güncel değil” olarak işaretlenir.
offer-description = Açıklama
offer-what = Ne ve kimin için
offer-age-min = En küçük yaş
offer-age-max = En büyük yaş
offer-languages-hint = Virgülle ayrılmış ISO 639-3 kodları, örn. deu, ara, ukr
offer-schedule-kind = Tarih türü
offer-kind-dates = tek tek tarihler
offer-kind-weekly = belirli bir dönem boyunca haftalık
offer-kind-block = bir tatil döneminin her iş günü
offer-dates = Tek tek tarihler
offer-dates-hint = Her satıra bir tarih: 2027-07-06 10:00-11:30
offer-weekdays = Hafta günleri
offer-start-time = Başlangıç
offer-end-time = Bitiş
offer-except = İstisnalar (tatiller): virgülle ayrılmış tarihler
offer-cost = Ücret, avro (boş = ücretsiz)
offer-cost-note = Ücretle ilgili not
offer-registration = Kayıt
offer-reg-none = kayıt yok
offer-reg-first-come = onay sırasına göre, ardından bekleme listesi
offer-reg-lottery = belirli bir tarihte kura
offer-lottery-at = Kura tarihi
offer-quota = Kurada her grup için ayrılan yer sayısı
offer-weekends = Tatil dönemi hafta sonlarını da kapsar
error-offer-changed = Bu arada etkinliği başka biri değiştirdi. Lütfen yeniden yükleyin; girdiğiniz bilgiler aşağıda.
error-has-attendance = Kaldırılacak veya kaydırılacak bir tarih için katılım zaten kaydedilmiş; bu tarih kalmalıdır.
error-below-taken = Daha fazla yer zaten dolu; kontenjan bundan az olamaz.
error-has-registrations = Kayıt türü artık değiştirilemez: kayıtlar var.
offer-workflow = İnceleme ve yayımlama
offer-taken = Dolu yerler
offer-export = Excel için CSV olarak indir
offer-save-attendance = Katılımı kaydet
offer-message = Kayıtlı herkese mesaj
offer-message-hint = Mesajı bir kişinin dilinde de yazdıysanız o kişi mesajı kendi dilinde alır, yoksa Almanca.
offer-subject = Konu
offer-body = Metin
offer-send = Gönder
offer-message-sent = Mesaj { $count } kayda gönderildi.
user-provider = Düzenleyen kuruluş (düzenleyen kuruluş hesapları için)
provider-name = Düzenleyen kuruluşun adı
provider-add = Düzenleyen kuruluş ekle
