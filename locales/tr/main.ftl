# Mittler – Türkçe arayüz

nav-skip = İçeriğe geç
nav-main = Ana menü
nav-language = Dil
nav-home = Genel bakış
nav-home-hint = Genel bakışa dönün
nav-mediators = Dil aracıları
nav-mediators-hint = Havuzda arayın, profil ekleyin ve güncelleyin
nav-institutions = Kurumlar
nav-institutions-hint = Hizmet alan kurumlar ve konumları
nav-my-institution = Kurumum
nav-my-institution-hint = Kurumunuzun bilgileri ve konumları
nav-my-schedule = Müsaitlik durumum
nav-my-schedule-hint = Haftalık saatlerinizi ve müsait olmadığınız dönemleri güncel tutun
nav-users = Kullanıcı hesapları
nav-users-hint = Hesap oluşturun, rol atayın, hesap kilitleyin
nav-audit = İşlem kaydı
nav-audit-hint = Kim neyi ne zaman değiştirdi
nav-password = Şifre
nav-sign-out = Çıkış yap

home-title = Genel bakış
home-greeting = Hoş geldiniz, { $name }
desk-title = Yapılması gerekenler
desk-unstaffed = talep önümüzdeki 48 saatte dil aracısız
desk-expiring = davetin süresi 24 saat içinde doluyor
desk-timesheets = zaman çizelgesi onay bekliyor
desk-disputes = itiraz edilen zaman çizelgesi
desk-show-all = tüm talepleri göster
filter-title = Filtreler
home-invitations = { $count ->
    [0] Açık davet yok
    [one] Bir açık davet – lütfen yanıtlayın
   *[other] { $count } açık davet – lütfen yanıtlayın
}

role-admin = Yönetim
role-coordinator = Koordinasyon
role-institution = Kurum
role-mediator = Dil aracısı
role-provider = Düzenleyen kuruluş
role-state = Eyalet düzeyi

login-title = Giriş yap
login-email = E-posta adresi
login-password = Şifre
login-submit = Giriş yap
login-failed = E-posta adresi veya şifre yanlış.
login-locked = { $minutes ->
    [one] Çok fazla başarısız deneme. Lütfen bir dakika sonra tekrar deneyin.
   *[other] Çok fazla başarısız deneme. Lütfen { $minutes } dakika sonra tekrar deneyin.
}
login-demo = Demo girişleri
login-demo-hint = Bu girişler yalnızca demo modunda vardır. Tüm veriler kurgusaldır.
login-centre = Merkez
login-choose-centre = Bu adres birden fazla merkezdeki hesaplara ait. Lütfen merkezi seçin ve parolayı yeniden girin.
login-code-title = Kodu girin
login-code = Doğrulama uygulamasındaki kod
login-code-hint = Altı rakam. Telefonunuz yoksa: kurtarma kodlarınızdan biri.
login-start-again = Baştan başla
login-sso = Şehrin hesabıyla giriş yapın
login-sso-submit = Şehrin girişine devam
login-sso-no-account = Bu merkezde bu adres için hesap yok. Lütfen yönetime başvurun.
login-sso-failed = Şehir üzerinden giriş olmadı. Lütfen yeniden deneyin.
login-sso-unavailable = Şehrin girişine şu an ulaşılamıyor. Lütfen parolanızla giriş yapın.

password-title = Şifreyi değiştir
password-old = Mevcut şifre
password-new = Yeni şifre
password-confirm = Yeni şifreyi tekrar girin
password-rules = En az 12 karakter. Birkaç kelimeden oluşan bir cümle hem kolay hatırlanır hem de güvenlidir.
password-submit = Şifreyi değiştir
password-changed = Şifre değiştirildi. Diğer tüm oturumlar sonlandırıldı.
password-initial = Parolanızı yönetim belirledi. Lütfen şimdi kendi parolanızı seçin.
nav-security = Hesap ve güvenlik
sessions-title = Oturumlarım
sessions-hint = Burada hesabınızın nerede açık olduğunu görürsünüz: tarayıcılar ve API anahtarları. Tanımadıklarınızı sonlandırın, ardından parolanızı değiştirin.
sessions-kind = Tür
sessions-kind-web = Tarayıcı
sessions-kind-api = API anahtarı
sessions-started = Giriş
sessions-last-seen = Son etkinlik
sessions-address = Ağ adresi
sessions-end = Sonlandır
sessions-this = bu
sessions-end-others = Diğerlerinin hepsini sonlandır
sessions-ended = Sonlandırıldı.
sessions-end-all = Tüm oturumları sonlandır
sessions-end-all-hint = Kayıp bir telefon, yanlış ellerde bir hesap: burada bu hesabın tüm oturumları ve API anahtarları sonlanır.
two-factor-title = İkinci faktör
two-factor-required = Merkeziniz rolünüz için ikinci faktör gerektiriyor. Lütfen şimdi kurun.
two-factor-intro = İkinci faktörle girişte paroladan başka telefonunuzdaki bir doğrulama uygulamasının kodu gerekir (ör. FreeOTP, Aegis, Google veya Microsoft Authenticator).
two-factor-start = Kur
two-factor-step-app = Doğrulama uygulamanızı açın.
two-factor-step-scan = Bu kodu tarayın:
two-factor-qr-alt = Doğrulama uygulamasını kurmak için QR kodu
two-factor-secret = Kamera yoksa: bu anahtarı yazın:
two-factor-step-code = Uygulamanın şu an gösterdiği kodu girin.
two-factor-confirm = Onayla
two-factor-codes = Kurtarma kodlarınız
two-factor-codes-hint = Her kod, telefonunuz yanınızda olmadığında bir kez geçerlidir. Şimdi yazdırın veya not edin: yalnızca bu sefer gösterilirler.
two-factor-done = Tamam
two-factor-on = İkinci faktör kuruldu. Kullanılmamış kurtarma kodları: { $left }.
two-factor-remove = İkinci faktörü kaldır
home-second-factor-warning = Güvenlik: Yönetim ve koordinasyon için ikinci faktör henüz zorunlu değil. Lütfen ayarlardan açın.
passkey-title = Geçiş anahtarları
passkey-intro = Geçiş anahtarı telefonunuzda, bilgisayarınızda veya güvenlik anahtarınızda bir ikinci faktördür: paroladan sonra parmak izi, yüz veya PIN ile onaylarsınız.
passkey-name = Cihazın adı (ör. iş telefonu)
passkey-add = Geçiş anahtarı ekle
passkey-use = Geçiş anahtarıyla onayla
passkey-remove = Kaldır
passkey-added = eklendi
passkey-last-used = son kullanım
passkey-failed = Olmadı. Lütfen yeniden deneyin veya kodu girin.
passkey-done = Geçiş anahtarı eklendi.
passkey-unsupported = Bu tarayıcı geçiş anahtarlarını desteklemiyor.
passkey-unavailable = Geçiş anahtarları IP adresi değil, adlı bir adres (MITTLER_PUBLIC_URL) gerektirir.
error-passkeys-unavailable = Bu kurulumda geçiş anahtarları ayarlanmamış.

search-label = Arama
search-submit = Ara
search-include-inactive = Devre dışı olanları da göster
list-empty = Hiçbir şey bulunamadı.
list-count = { $count ->
    [one] Bir kayıt
   *[other] { $count } kayıt
}
status = Durum
status-active = aktif
status-inactive = devre dışı
yes = evet
no = hayır

form-save = Kaydet
form-saved = Kaydedildi.
form-choose = Lütfen seçin
form-has-errors = Lütfen işaretli alanları kontrol edin.
form-deactivate = Devre dışı bırak
form-activate = Yeniden etkinleştir

institutions-title = Kurumlar
institution-new = Yeni kurum
institution-new-title = Yeni kurum
institution-edit-title = Kurum
institution-name = Ad
institution-contact = İrtibat kişisi
institution-contact-hint = Dil aracılarının ve danışanların aradığı kişi, ör. „Bayan Örnek, oda 12“ veya „Danışma“.
institution-phone = Telefon
form-optional = isteğe bağlı
form-add-row = Satır ekle
form-required-hint = * ile işaretli alanlar zorunludur.
slip-title = Randevunuz
slip-when = Ne zaman
slip-where = Nerede
slip-by-phone = Telefonla: sizi arayacağız.
slip-by-video = Görüntülü: bir bağlantı alacaksınız.
slip-map = Harita
slip-mediator = Dil aracınız (adı)
slip-bring = Lütfen yanınızda getirin
slip-cancel = Gelemeyecekseniz lütfen arayın
slip-page-title = Danışan için randevu kartı
slip-page-hint = Dil aracısına ihtiyaç duyan kişi için: kendi dilinde, yazdırmak için veya PDF olarak. „Lütfen yanınızda getirin“ altına yazdıklarınız kaydedilmez.
slip-language = Kartın dili
slip-show = Kartı göster
slip-print = Yazdır
slip-pdf = PDF olarak
slip-open = Danışan için randevu kartı
slip-reminder-subject = Hatırlatma: { $title } yarın
slip-reminder-intro = Merhaba, yarınki randevunuzu hatırlatırız. Yanınızda bir dil aracısı olacak.
slip-remind-title = Bir gün önce hatırlatma
slip-remind-hint = Kişi kabul ederse, randevudan bir gün önce kendi dilinde bir e-posta alır. Adres gönderimle, en geç randevu saatinde silinir.
slip-remind-contact = Kişinin e-posta adresi
slip-remind-contact-sms = Kişinin e-posta adresi veya cep telefonu numarası
error-no-sms = SMS gönderimi ayarlanmamış. Lütfen bir e-posta adresi girin.
slip-remind-consent = Kişi hatırlatmayı kabul ediyor.
slip-remind-save = Hatırlatmayı ayarla
slip-remind-active = { $contact } adresine hatırlatma ayarlandı.
slip-remind-delete = Hatırlatmayı sil
flash-reminder-saved = Hatırlatma ayarlandı.
flash-reminder-deleted = Hatırlatma ve adres silindi.
error-not-confirmed = Randevu kartı, bir dil aracısı onaylandığında hazır olur.
error-invalid-phone = Lütfen telefon numarasını yalnızca rakam, boşluk ve + - / ( ) ile girin.
institution-category = Kurum türü
institution-details = Bilgiler
institution-places = Konumlar
institution-places-hint = Boş satırlar dikkate alınmaz. Bir satırı boşaltırsanız o konum silinir.
place-geocoded-hint = Enlem ve boylam boş kalabilir: Mittler bunları adresten bulur.
place-name = Ad
place-address = Adres
place-lat = Enlem
place-lon = Boylam

category-authority = Kamu dairesi
category-health = Sağlık hizmetleri
category-school = Okul
category-social = Sosyal hizmetler ve danışmanlık
category-court = Mahkeme
category-other = Diğer

mediators-title = Dil aracıları
mediator-new = Yeni dil aracısı
mediator-new-title = Yeni dil aracısı
mediator-edit-title = Dil aracısı
mediator-search-label = Ad, e-posta, dil veya alana göre arayın
mediator-person = Kişi
mediator-name = Ad
mediator-email = E-posta
mediator-phone = Telefon
mediator-home-place = İkamet yeri (posta kodu veya semt, koordinatlar için)
mediator-gender = Cinsiyet
mediator-languages = Diller
mediator-languages-hint = Bir dil adı veya ISO 639-3 kodu yazın, örn. “Tigrinya” veya “tir”.
mediator-language = Dil
mediator-level = Düzey
mediator-level-required = Lütfen dilin ne kadar iyi konuşulduğunu seçin.
level-choose = – seviye seçin –
mediator-sectors = Alanlar
mediator-work = Görev
mediator-home-hint = Ev konumu yalnızca yaklaşık olarak (yaklaşık bir kilometreye yuvarlanır), yol süreleri için.
mediator-home-lat = Ev: enlem
mediator-home-lon = Ev: boylam
mediator-speed = Yolculuk hızı (km/sa)
mediator-max-work = Günlük en fazla görev süresi (dakika)
mediator-remote = Telefon/video
mediator-remote-long = Telefonla veya görüntülü görev de üstlenir
mediator-availability = Haftalık müsaitlik
mediator-availability-hint = Görev alınabilecek zamanlar. Boş satırlar dikkate alınmaz.
mediator-absences = Müsait olunmayan dönemler
mediator-absences-hint = Tatil, hastalık veya görev alınmayan diğer dönemler (başlangıç ve bitiş günleri dahil).
mediator-records = Yeterlilik ve gizlilik
mediator-qualified-on = Yeterlilik eğitiminin tamamlandığı tarih
mediator-pledge-on = Gizlilik taahhüdünün imzalandığı tarih

gender-f = kadın
gender-m = erkek
gender-d = diğer
level-native = ana dil
level-fluent = akıcı
level-working = görev için yeterli
sector-authority = Kamu daireleri
sector-medical = Tıp
sector-psychotherapy = Psikoterapi
sector-school = Okul
sector-social = Sosyal hizmetler
sector-court = Mahkeme

weekday = Hafta günü
weekday-1 = Pazartesi
weekday-2 = Salı
weekday-3 = Çarşamba
weekday-4 = Perşembe
weekday-5 = Cuma
weekday-6 = Cumartesi
weekday-7 = Pazar
time-from = başlangıç
time-to = bitiş
date-from = başlangıç
date-to = bitiş (dahil)

schedule-title = Müsaitlik durumum

users-title = Kullanıcı hesapları
user-new = Yeni hesap
user-new-title = Yeni kullanıcı hesabı
user-edit-title = Kullanıcı hesabı
user-name = Ad
user-role = Rol
user-lang = Arayüz dili
user-institution = Kurum (kurum rolü için)
user-mediator = Dil aracısı (dil aracısı rolü için)

audit-title = İşlem kaydı
audit-at = Zaman
audit-actor = Kim
audit-action = İşlem
audit-object = Nesne
audit-detail = Ayrıntılar
audit-address = Adres
audit-pages = İşlem kaydı sayfaları
audit-sign-in = Giriş
audit-sign-in-failed = Başarısız giriş
audit-sign-out = Çıkış
audit-password-changed = Şifre değiştirildi
audit-create = Oluşturuldu
audit-update = Değiştirildi
audit-deactivate = Devre dışı bırakıldı
audit-session-ended = Oturum sonlandırıldı
audit-second-factor-added = İkinci faktör eklendi
audit-second-factor-removed = İkinci faktör kaldırıldı
audit-view-denied = Görüntüleme reddedildi
audit-export = Veriler dışa aktarıldı (Md. 15)
audit-erase = Silindi (Md. 17)
audit-expire = Süresi doldu, kaldırıldı
audit-object-id = Nesne kimliği
audit-who-saw = Bu nesneyle ilgili tüm kayıtlar: kim gördü veya değiştirdi
error-invalid-id = Bu geçerli bir kimlik değil (36 karakter).
object-request = Talep
object-request-list = Talep listesi
object-mediator-list = Tercüman listesi
object-user-list = Hesap listesi
object-outbox = Giden kutusu
object-audit-log = Denetim kaydı
object-client = Danışan referansı
object-email = E-posta adresi
object-retention = Saklama süreleri
object-export = Veri koruma dışa aktarımı
object-user = Kullanıcı hesabı
object-institution = Kurum
object-mediator = Dil aracısı
object-billing-run = Ay kapanışı
object-billing-settings = Faturalandırma ayarları
object-credit-note = Alacak dekontu
object-offer = Etkinlik
object-offer-lottery = Kura
object-offer-registrations = Kayıtlar
object-offer-retention = Kayıtların saklama süresi
object-provider = Düzenleyen kuruluş
object-request-fund = Talebin finansmanı
object-settings = Ayarlar
audit-view = Görüntülendi
audit-filter = Filtrele
audit-any = tümü
audit-from = Başlangıç (gün)
audit-to = Bitiş (gün)
audit-page-of = Sayfa { $page } / { $pages }
date-hint = 24.12.2026 veya 24.12.26 gibi bir tarih
audit-field-absences = Müsait olunmayan dönemler
audit-field-active = aktif
audit-field-allowances = Ödenekler
audit-field-availability = Müsaitlik
audit-field-budget_cents = Bütçe (sent)
audit-field-category = Tür
audit-field-count = Sayı
audit-field-days = Günler
audit-field-discarded = silindi
audit-field-email = E-posta
audit-field-fund = Fon
audit-field-invoice = Fatura
audit-field-invoices = Faturalar
audit-field-issued = düzenlendi
audit-field-month = Ay
audit-field-name = Ad
audit-field-offer_id = Etkinlik
audit-field-places = Konumlar
audit-field-provider_id = Düzenleyen kuruluş
audit-field-reason = Gerekçe
audit-field-role = Rol
audit-field-seed = Kura numarası
audit-field-seller = Fatura düzenleyen
audit-field-statements = Hesap dökümleri
audit-field-status = Durum
audit-field-vat = KDV
audit-field-was = önceki
audit-field-without_tariff = tarifesiz
audit-field-via = üzerinden
pager-newer = Daha yeni
pager-older = Daha eski

error-title = Hata
error-invalid-date = Lütfen 24.12.2026 gibi bir tarih girin.
error-invalid-datetime = Lütfen tarih ve saat girin, ör. 01.12.2026 09:00.
error-forbidden = Rolünüzün bunun için yetkisi yok.
error-not-found = Bu sayfa veya kayıt mevcut değil.
error-conflict = Bu, güncel durumla çelişiyor. Lütfen sayfayı yeniden yükleyin.
error-too-many = Çok fazla deneme. Lütfen biraz bekleyin.
error-internal = Bir iç hata oluştu. Lütfen destek ekibine şu kodu iletin
error-csrf = Formun süresi doldu. Lütfen sayfayı yeniden yükleyip formu tekrar gönderin.
error-bad-form = Form eksik ulaştı. Lütfen sayfayı yeniden yükleyip formu tekrar gönderin.
error-bad-link = Bu bağlantı eksik veya hatalı. Lütfen geri dönüp tekrar deneyin.
error-control-characters = Bu alan görünmeyen kontrol karakterleri içeriyor. Lütfen metni yeniden yazın.
error-invalid = Bu değer geçersiz.
error-required = Bu alan zorunludur.
error-too-long = Metin çok uzun.
error-too-short = Çok kısa: en az 12 karakter.
error-common-password = Bu parola sık kullanılan parolalar listesinde. Lütfen başka bir parola seçin.
error-weak-password = Bu parolayı tahmin etmek çok kolay. İpucu: art arda birkaç alışılmadık kelime.
error-invalid-email = Lütfen geçerli bir e-posta adresi girin.
error-out-of-range = Değer izin verilen aralığın dışında.
error-invalid-number = Lütfen bir sayı girin.
error-invalid-time = Lütfen 08:30 gibi bir saat girin.
error-not-after-start = Bitiş, başlangıçtan sonra olmalıdır.
error-before-start = Bitiş, başlangıçtan önce olamaz.
error-overlaps = Aynı gündeki başka bir zaman aralığıyla çakışıyor.
error-unknown-language = Bilinmeyen dil. Lütfen bir dil adı veya ISO 639-3 kodu kullanın.
error-duplicate = Bu dil zaten listede.
error-taken = Bu e-posta adresi zaten kullanılıyor.
error-mismatch = İki giriş birbiriyle uyuşmuyor.
error-wrong-password = Mevcut şifre yanlış.
error-name-link = Lütfen yalnızca adı tek satırda, bağlantı veya adres olmadan yazın.
error-same-password = Yeni parola mevcut paroladan farklı olmalıdır.
error-wrong-code = Bu kod doğru değil. Lütfen uygulamadaki güncel kodu girin.
error-no-enrolment = Lütfen kurulumu yeniden başlatın.
error-second-factor-required = Merkeziniz rolünüz için ikinci bir faktör gerektiriyor.
error-unknown = Bu kayıt mevcut değil.
error-unknown-id = Konumlardan biri bu kuruma ait değil.
error-not-allowed = Bu rol için öngörülmemiş.
error-not-allowed-self = Kendinizi kilitleyemez veya kendi yönetici rolünüzü kaldıramazsınız.
error-wrong-type = Yanlış değer türü.
error-cross-site = Başka web sitelerinden gelen istekler reddedilir.
error-internal-id = İç hata (kod { $id }).
error-too-many-items = Çok fazla kayıt.

## Dil aracılığı: talepler, davetler, görevler

nav-requests = Talepler
nav-requests-hint = Güne ve duruma göre gelen talepler, adaylar, davetler
nav-book = Dil aracısı talep et
nav-book-hint = Dil aracılığı ile bir randevu oluşturun
nav-invitations = Davetler
nav-invitations-hint = Açık talepleri kabul edin veya reddedin
nav-assignments = Görevlerim
nav-assignments-hint = Randevular ve zaman çizelgeleri
requests-title = Talepler
request-new = Yeni talep
request-new-title = Dil aracısı talep et
request-title = Talep
filter-from = Başlangıç
filter-to = Bitiş
filter-any = tümü
filter-submit = Filtrele
request-language = Dil
request-sector = Alan
request-institution = Kurum
request-institution-from-place = konuma göre
request-start = Başlangıç
request-mediator = Dil aracısı
request-urgent = acil
request-where = Nerede
mode-onsite = yerinde
mode-phone = telefon
mode-video = video
request-place = Konum
request-what = Ne ve ne zaman
request-duration = Süre (dakika)
request-wishes = Tercihler
request-gender = Dil aracısının cinsiyeti
request-gender-none = fark etmez
request-gender-wish-label = tercih
request-gender-must-label = zorunlu
request-gender-wish = tercih: { $gender }
request-gender-must = zorunlu: { $gender }
priority-1 = normal
priority-2 = yüksek
priority-3 = acil
request-priority = Öncelik
request-client-ref = Danışan kodu
request-client-ref-hint = K-2026-0042 gibi bir takma ad girin, asla gerçek ad yazmayın. Boş bırakırsanız Mittler bir kod oluşturur.
request-notes = Notlar
request-notes-warning = Lütfen sağlık bilgisi, teşhis veya isim girmeyin. Yalnızca planlama için gerekenleri yazın.
request-submit = Talebi gönder
request-cancel-reason = İptal edildi
request-billable = ücretli
timesheet-title = Zaman çizelgesi
timesheet-none = yok
timesheet-submitted = gönderildi, onay bekliyor
timesheet-confirmed = onaylandı
timesheet-disputed = itiraz edildi
timesheet-confirm = Zaman çizelgesini onayla
timesheet-dispute-reason = İtiraz gerekçesi
timesheet-dispute = İtiraz et
timesheet-summary = { $start } – { $end }, bekleme { $waiting } dk, yol { $travel } dk, mesafe { $km } km
candidates-title = Adaylar
candidates-none = Bu talebi kimse üstlenemiyor. Nedenleri aşağıda.
candidates-pick = Seç
candidates-score = Puan
candidates-travel = Yol süresi
candidates-week = Bu hafta
candidates-continuity = tanıdık
candidates-why = Neden
candidates-why-known = kişiyi zaten tanıyor
candidates-why-travel = varış { $min } dk
candidates-why-week = bu hafta { $hours } sa dolu
candidates-past-open = zaten davet edildi, henüz yanıt yok
candidates-past-accepted = kabul etti
candidates-past-declined = reddetti
candidates-past-expired = zamanında yanıt vermedi
candidates-past-withdrawn = davet geri çekildi
candidates-past-dropped = görevden çekildi
candidates-invite-anyway = yine de davet et
hours = { $n ->
    [one] 1 saat
   *[other] { $n } saat
}
candidates-excluded = { $count ->
    [one] Bir kişi hariç tutuldu
   *[other] { $count } kişi hariç tutuldu
}
invite-expires = Davetin geçerlilik süresi
invite-submit = Seçilenleri davet et
assign-label = Doğrudan ata (telefon görüşmesinden sonra)
assign-submit = Ata
invitations-sent = Davetler
invitation-until = son tarih
invitation-open = açık
invitation-accepted = kabul edildi
invitation-declined = reddedildi
invitation-expired = süresi doldu
invitation-withdrawn = geri çekildi
cancel-title = İptal
cancel-reason = Gerekçe
cancel-hint = Kurumun randevudan kısa süre önce yaptığı iptaller ücretlendirilebilir.
cancel-submit = Talebi iptal et
history-title = Geçmiş
history-invited = { $count ->
    [one] bir kişi davet edildi
   *[other] { $count } kişi davet edildi
}
history-declined = reddedildi
history-expired = yanıt süresi doldu
history-start-passed = başlangıç saati geçti, kimse kabul etmedi
history-moved = yeni zaman: { $when }, { $minutes } dk
event-create = oluşturuldu
event-invite = davet edildi
event-invitations_closed = davetler sonlandırıldı
event-accept = kabul edildi
event-assign = atandı
event-drop_out = görevden çekildi
event-cancel = iptal edildi
event-complete = tamamlandı
event-start_passed = dil aracısı olmadan geçti
event-timesheet = zaman çizelgesi gönderildi
event-timesheet_disputed = zaman çizelgesine itiraz edildi
status-open = açık
status-invited = davet edildi
status-confirmed = onaylandı
status-completed = tamamlandı
status-cancelled = iptal edildi
status-unfilled = karşılanamadı
reason-language = dil
reason-sector = alan
reason-gender = cinsiyet
reason-remote = telefon/video yok
reason-availability = müsait değil
reason-absence = bulunmuyor
reason-excluded = hariç tutuldu
reason-overlap = zaten dolu
reason-travel = yol süresi yetmiyor
reason-workload = günlük sınır
dispatch-unavailable = Bu kişi talebi üstlenemez: { $reasons }.
flash-invited = Davetler gönderildi.
flash-choose-mediator = Lütfen en az bir kişi seçin.
flash-assigned = Atandı ve onaylandı.
flash-cancelled = Talep iptal edildi.
flash-reason-required = Lütfen bir gerekçe belirtin.
flash-timesheet-confirmed = Zaman çizelgesi onaylandı. Görev tamamlandı.
flash-timesheet-disputed = Zaman çizelgesine itiraz edildi.
flash-accepted = Kabul edildi. Görev takviminize eklendi.
flash-accepted-listed = Kabul edildi. Görev aşağıda sonraki görevleriniz arasında. Kendi takviminizde görmek için takvime abone olun.
flash-confirm-no-conflict = Lütfen çıkar çatışması olmadığını onaylayın.
flash-too-late = Bu talebi başka biri aldı veya talep değişti.
flash-declined = Reddedildi.
flash-timesheet-sent = Zaman çizelgesi gönderildi.
flash-timesheet-invalid = Lütfen başlangıç, bitiş ve dakikaları kontrol edin.
flash-dropped-out = Görevden çekildiniz. Koordinasyon yerinize birini arıyor.
invitations-title = Davetler
invitations-none = Şu anda açık davet yok.
invitation-known-client = Bu kişiye daha önce eşlik ettiniz.
invitation-no-conflict = Bu kişiyi özel hayatımdan tanımıyorum; çıkar çatışması yok.
invitation-accept = Kabul et
invitation-decline = Reddet
invitation-answer-by = Son yanıt tarihi
minutes = { $n } dk
map-link = Harita
decline-why = Neden reddediyorsunuz?
decline-note = Koordinasyon için not (isteğe bağlı)
decline-confirm = Daveti reddet
decline-reason-no-time = O saatte müsait değilim
decline-reason-too-far = Yol çok uzak
decline-reason-conflict = Kişiyi tanıyorum veya tarafsız olamam
decline-reason-other = Başka bir neden
flash-decline-reason = Lütfen reddetmeden önce bir neden seçin.
assignments-title = Görevlerim
assignments-report = Zaman çizelgesi bekleniyor
assignments-upcoming = Yaklaşan görevler
timesheet-start = Gerçek başlangıç
timesheet-end = Gerçek bitiş
timesheet-waiting = Bekleme süresi (dakika)
timesheet-travel = Yol süresi (dakika)
timesheet-km = Yapılan kilometre (gidiş ve dönüş)
timesheet-km-flagged = Mesafe, tahmini yolun çok üzerinde: lütfen kontrol edin.
timesheet-send = Zaman çizelgesini gönder
dropout-title = Gelemiyorum
dropout-reason = Gerekçe
dropout-submit = Görevden çekil
error-not-in-future = Başlangıç ileri bir tarihte olmalıdır.
error-duration-range = Süre 15 ile 480 dakika arasında olmalıdır.
error-in-future = Bu tarih henüz gelmedi.

## E-postalar

mail-remote = telefonla veya görüntülü
mail-ics-summary = Dil aracılığı: { $language }
mail-password-changed-subject = Parolanız değiştirildi
mail-password-changed-body =
    Merhaba,

    Mittler hesabınızın parolası { $when } tarihinde değiştirildi. Diğer tüm oturumlar sonlandırıldı.

    Bunu siz yapmadıysanız lütfen hemen merkezinizin yönetimine bildirin.
    Oturumlarınız: { $link }
mail-request-received-subject = Talep alındı: { $language }, { $when }
mail-request-received-body =
    Merhaba,

    dil aracılığı talebiniz bize ulaştı.

    Dil: { $language }
    Randevu: { $when } ({ $duration } dakika)
    Yer: { $place }
    Kod: { $client }

    Bir dil aracısı kabul eder etmez size bir onay gönderilecektir.
    Talebi görüntüleyin: { $link }
mail-invitation-subject = Davet: { $language }, { $when }
mail-invitation-body =
    Merhaba,

    bir göreve davet edildiniz.

    Dil: { $language }
    Randevu: { $when } ({ $duration } dakika)
    Yer: { $place }
    Kurum: { $institution }

    Davet şu zamana kadar geçerlidir: { $expires }. Kabul etmek veya reddetmek için: { $invitations }
mail-confirmed-subject = Onaylandı: { $language }, { $when }
mail-confirmed-body =
    Merhaba,

    görev onaylandı.

    Dil: { $language }
    Randevu: { $when } ({ $duration } dakika)
    Yer: { $place }
    Kurum: { $institution }
    Kod: { $client }

    Randevuyu takviminize ekleyebilmeniz için ekte gönderiyoruz.
mail-cancelled-subject = İptal edildi: { $language }, { $when }
mail-cancelled-body =
    Merhaba,

    şu randevu iptal edildi: { $when } ({ $language }, { $place }).
    Gerekçe: { $reason }
mail-declined-subject = Reddedildi: { $language }, { $when }
mail-declined-body =
    { $mediator } şu daveti reddetti: { $language }, { $when } ({ $institution }).
    Talep: { $link }
mail-expired-subject = Davetin süresi doldu: { $language }, { $when }
mail-expired-body =
    Şu daveti kimse zamanında kabul etmedi: { $language }, { $when } ({ $institution }). Talep yeniden açık.
    Talep: { $link }
mail-dropped-out-subject = Görevden çekilme: { $language }, { $when }
mail-dropped-out-body =
    { $mediator } şu görevi üstlenemiyor: { $language }, { $when } ({ $institution }). Talep yeniden açık; adaylar hazır.
    Talep: { $link }
mail-timesheet-subject = Lütfen zaman çizelgesini onaylayın: { $when }
mail-timesheet-body =
    Merhaba,

    şu görev için bir zaman çizelgesi gönderildi: { $language }, { $when }. Lütfen onaylayın veya itiraz edin:
    { $link }
mail-reminder-subject = Hatırlatma: yarın { $language }, { $when }
mail-reminder-body =
    Merhaba,

    hatırlatma: { $when } ({ $duration } dakika), { $language }, { $place }.
mail-unfilled-subject = Karşılanamadı: { $when }
mail-unfilled-body = Maalesef şu randevu için kimse bulunamadı: { $when } ({ $language }).

nav-outbox = Giden kutusu
outbox-title = Giden kutusu
outbox-hint = Henüz gönderilmemiş veya kesin olarak gönderilemeyen e-postalar. Başarısız denemeler giderek uzayan aralıklarla tekrarlanır.
outbox-empty = Tüm e-postalar gönderildi.
outbox-to = Alıcı
outbox-subject = Konu
outbox-attempts = Deneme sayısı
outbox-next = Sonraki deneme
outbox-error = Son hata
outbox-pending = bekliyor
outbox-sending = gönderiliyor
outbox-sent = gönderildi
outbox-failed = başarısız

nav-calendar = Takvim
nav-calendar-hint = Görevleriniz kendi takviminizde
calendar-title = Takviminize abone olun
calendar-hint = Bu gizli adres sayesinde Outlook, Google Takvim veya telefonunuz onaylanmış görevlerinizi gösterir. Adresi kimseyle paylaşmayın.
calendar-new = Yeni adresiniz. Yalnızca şimdi gösteriliyor; eski adres artık çalışmıyor.
calendar-url = Takvim adresi
calendar-active = Bir takvim aboneliği kurulu.
calendar-create = Adres oluştur
calendar-renew = Yeni adres oluştur (eski adres geçersiz olur)
calendar-revoke = Aboneliği sonlandır

series-title = Tekrarlama
series-hint = Örneğin okulda dil desteği: her hafta aynı saatte, yaz saati geçişinden sonra da.
series-none = bir kez
series-weekly = haftalık
series-fortnightly = iki haftada bir
series-count = Randevu sayısı
series-until = veya şu tarihe kadar (dahil)
series-scope = Serinin hangi randevuları?
series-scope-one = yalnızca bu
series-scope-following = bu ve sonrakilerin tümü
series-scope-all = tümü

requests-live = Talepler geldiğinde veya davetler yanıtlandığında liste kendiliğinden güncellenir.

nav-settings = Ayarlar
settings-title = Merkezin ayarları
settings-notice = Ücretsiz iptal süresi (randevudan kaç saat öncesine kadar)
settings-fee-hour = Saatlik ödenek (€)
settings-fee-minimum = Ödenen en az dakika
settings-fee-increment = Ardından başlanan her dilim (dakika)
settings-fee-travel = Yerinde görev için sabit yol ücreti (€)
settings-retention = Bir etkinlik bittikten sonra kayıtları anonimleştirilene kadar geçen gün sayısı
settings-keep = Saklama süreleri (gün)
settings-keep-hint = Daha eskisini Mittler kendisi siler. Faturalar ve dökümler 10 yıl kalır (§ 147 AO).
settings-keep-notes_days = Talep notları, randevudan sonra
settings-keep-unserved_days = Karşılanmayan talepler (iptal, boş)
settings-keep-client_refs_days = Tamamlanan taleplerin danışan referansları
settings-keep-failed_mail_days = Gönderilemeyen e-postalar
settings-keep-audit_days = Denetim kaydı girdileri
settings-keep-inactive_accounts_days = Devre dışı hesaplar
settings-idle-timeout = Tarayıcı oturumu bitene kadar etkinlik olmadan geçen dakika
settings-second-factor = İkinci faktör zorunlu olanlar
settings-second-factor-hint = Bu rollerden birine sahip olan kişi bir sonraki girişte bir doğrulama uygulaması kurar ve sonrasında hep onun koduna ihtiyaç duyar. Yönetim ve koordinasyon için önerilir.
settings-sso = Şehrin hesabıyla giriş (tek oturum açma, OpenID Connect)
settings-sso-hint = Şehrin BT birimi Mittler'i kimlik hizmetine (Keycloak, ADFS, Entra ID) bu dönüş adresiyle istemci olarak kaydeder:
settings-sso-issuer = Yayıncı adresi (Issuer URL)
settings-sso-client = İstemci kimliği
settings-sso-secret = İstemci sırrı
settings-sso-secret-set = Bir sır kayıtlı; korumak için boş bırakın.
settings-sso-secret-none = Henüz kayıtlı sır yok.
error-invalid-issuer = Lütfen sonunda eğik çizgi olmayan bir https adresi girin.
settings-hint = Dil aracıları beklenen ödeneği davette görür.
invitation-fee = Beklenen ödenek

reschedule-title = Saati veya süreyi değiştir
reschedule-time = Yeni saat
reschedule-hint = Açık davetler geri çekilir; talep yeniden açık olur. Onaylanmış randevular olduğu gibi kalır.
reschedule-submit = Değiştir
flash-rescheduled = Değiştirildi. Lütfen yeniden davet gönderin.
flash-reschedule-invalid = Lütfen saati ve süreyi kontrol edin (15 ile 480 dakika arası).
event-reschedule = zamanı değiştirildi
event-decline = davet reddedildi

nav-plans = Günü planla
plan-title = Günü planla
plan-hint = Mittler, günün her açık talebi için bir dil aracısı önerir. Onaylanmış randevular olduğu gibi kalır.
plan-date = Gün
plan-submit = Öneri hesapla
plan-cost = Maliyet (plan-format.md dosyasına göre)
plan-cost-unserved = Karşılanamayan (ağırlık)
plan-cost-travel = Yol süresi
plan-cost-continuity = Tanıdık kişi varken yapılan değişiklikler
plan-applied = Bu öneri uygulandı; davetler gönderildi.
plan-open-request = Talep
plan-apply = Seçilenleri davet et
plan-unserved = Önerisiz
plan-why-language = Havuzda bu dili konuşan kimse yok.
plan-why-qualified = Bu dili konuşanların hiçbiri gerekenleri karşılamıyor (alan, cinsiyet, telefon/video).
plan-why-unavailable = Bu talebi üstlenebilecek herkes o saatte müsait değil, izinde veya başka bir göreve atanmış.
plan-why-busy = Bu talebi üstlenebilecek herkes aynı gün başka talepler için gerekli.
plan-why-nobody = Havuzda aktif kimse yok.
plan-changed = Öneriden sonra talepler değişti. Lütfen yeni bir öneri hesaplayın.

plan-pick = Bu talep için dil aracısı
plan-skip = davet etme
plan-days-open = Açık talepleri olan günler
plan-days-none = Önümüzdeki iki hafta içinde açık talep yok.
plan-open-count = { $count ->
    [one] bir açık talep
   *[other] { $count } açık talep
}
plan-other-days = Başka günleri planla
plan-summary-staffed = { $all } talepten { $staffed } tanesi için öneri var.
plan-summary-travel = Tüm önerilerin toplam yol süresi: { $min } dakika.
plan-summary-continuity-kept = Danışanı zaten tanıyan biri varsa o kişi önerildi.
plan-summary-continuity = { $n } kez danışanı zaten tanıyan kişi önerilmedi.
nav-privacy = Veri koruma
privacy-title = Veri koruma: erişim ve silme
privacy-intro = Mittler'in bir kişi hakkında tuttukları ve kimin okuduğu (GDPR Md. 15) ve silinmesi (Md. 17).
privacy-find = Bul
privacy-kind = Kişi
privacy-kind-mediator = Tercüman (kimlik)
privacy-kind-user = Hesap (kimlik)
privacy-kind-client = Danışan (referans)
privacy-kind-email = E-posta adresi (ör. kayıt)
privacy-value = Kimlik, referans veya adres
privacy-value-hint = Kimlik, kişinin sayfa adresindedir, ör. /mediators/…
privacy-held = Tutulan veriler
privacy-json = JSON olarak indir (kişi için)
privacy-erase = Sil (Md. 17)
privacy-erase-hint = Ad, iletişim bilgileri, notlar, kayıtlar, e-postalar ve kayıt ayrıntıları her yerden silinir. Düzenlenmiş faturalar ve dökümler 10 yıl kalır (§ 147 AO) ve sonra kısıtlanır.
privacy-reason = Neden (ör. kişinin … tarihli talebi)
privacy-confirm = Bu kişinin silinmesi gerektiğini kontrol ettim. Bu geri alınamaz.
privacy-erase-button = Kalıcı olarak sil
flash-erased = Silindi. Denetim kaydı silinen verileri değil, silme işlemini kaydeder.
error-nothing-held = Bu kişi hakkında hiçbir şey tutulmuyor.
error-invalid-subject = Türü seçin ve geçerli bir kimlik, referans veya e-posta girin.
error-confirm-erase = Lütfen silmeyi onaylayın.
records-title = İşleme kayıtları (Md. 30)
records-intro = Bu merkezin ayarlarından üretilir; onlarla değişir.
records-controller = Sorumlu
records-data = Veri kategorileri
records-purpose = Amaç
records-basis = Hukuki dayanak
records-recipients = Alıcılar
records-retention = Saklama
records-measures = Teknik ve organizasyonel önlemler
records-days = { $days } gün
records-mediation = Dil aracılığı
records-mediation-data = Takma adlı danışan referansı, dil, randevu, yer, notlar (sağlık veya ikamet ile ilgili olabilir, Md. 9)
records-mediation-purpose = Kurumlar için tercüman ayarlama
records-mediation-basis = GDPR Md. 6(1)(e), Md. 9(2)(g) ve NRW katılım ve uyum yasası
records-to-institutions = talep eden kurum
records-to-mediators = davet edilen ve atanan tercümanlar (notlar yalnızca atamadan sonra)
records-to-sms = belediyenin SMS hizmeti (danışan hatırlatmaları)
records-pool = Tercüman havuzu
records-pool-data = Ad, e-posta, telefon, diller, ikamet (koordinatlar), müsaitlik, yeterlilik
records-pool-purpose = Planlama, iletişim, ödeneklerin ödenmesi
records-pool-basis = GDPR Md. 6(1)(b) (katılım sözleşmesi)
records-pool-retention = talep üzerine silinene kadar; dökümler 10 yıl
records-to-institutions-assigned = atanan randevunun kurumu (ad)
records-catalogue = Teklif kataloğu ve kayıtlar
records-catalogue-data = Ad, e-posta, çocukların sayısı ve yaşları, onaylar
records-catalogue-purpose = Tekliflere katılım, teklifle ilgili mesajlar
records-catalogue-basis = GDPR Md. 6(1)(a) (onay)
records-to-providers = teklifin sağlayıcısı
records-billing = Faturalama
records-billing-data = Kurumun fatura adresi, randevular, saatler, yol; tercüman dökümleri
records-billing-purpose = Kurumlara faturalar, ödenekler
records-billing-basis = GDPR Md. 6(1)(c) ve § 147 AO
records-billing-retention = 10 yıl, sonra kısıtlı
records-accounts = Hesaplar ve denetim kaydı
records-accounts-data = Ad, e-posta, rol, girişler, ağ adresi, kimin hangi veriyi ne zaman okuduğu veya değiştirdiği
records-accounts-purpose = Erişim, hesap verebilirlik, güvenlik
records-accounts-basis = GDPR Md. 6(1)(c) ve (e), Md. 32
records-to-nobody = merkez dışında kimse
records-to-sso = oturum açma hizmeti { $issuer }
records-measure-1 = Notlar, danışan referansları, telefonlar, hatırlatma iletişimleri ve e-posta metinleri şifreli (AES-256-GCM); anahtar veritabanı dışında
records-measure-2 = Kişisel verilerin her okunması kaydedilir; kayıt bir hash zinciridir (oynama tespit edilir)
records-measure-3 = En az yetkili roller; tercümanlar notları yalnızca atamadan sonra görür
records-measure-4 = Parola kuralları, ikinci faktör veya passkey ile giriş; oturumlar sona erer
records-measure-5 = Veritabanı ve anahtar dosyaları yalnızca hizmet tarafından okunabilir; yedekler sağlama toplamlı, isteğe bağlı şifreli (age)
records-measure-6 = Bu sayfada kişi başına erişim ve silme; saklama sürelerini Mittler kendisi uygular
records-measure-mail = Teslim edilemeyen e-postalar { $days } gün sonra silinir
privacy-section-mediator = Profil
privacy-section-assignments = Görevler
privacy-section-invitations = Davetler
privacy-section-statements_kept_by_law = Dökümler (yasa gereği saklanır)
privacy-section-requests = Talepler
privacy-section-registrations = Kayıtlar
privacy-section-accounts = Hesaplar
privacy-section-activity = Sistemdeki etkinlik
privacy-section-mails = E-postalar
privacy-section-read_by = Verileri kim okudu
privacy-field-id = Kimlik
privacy-field-name = Ad
privacy-field-email = E-posta
privacy-field-phone = Telefon
privacy-field-gender = Cinsiyet
privacy-field-languages = Diller
privacy-field-sectors = Alanlar
privacy-field-home = İkamet
privacy-field-remote = Telefon/video ile de
privacy-field-availability = Müsaitlik
privacy-field-absences = Yokluklar
privacy-field-qualified_on = Yeterlilik tarihi
privacy-field-pledge_signed_on = Taahhüt imza tarihi
privacy-field-active = Etkin
privacy-field-request = Talep
privacy-field-start = Başlangıç
privacy-field-language = Dil
privacy-field-status = Durum
privacy-field-sent_at = Gönderildi
privacy-field-duration_min = Süre (dk)
privacy-field-sector = Alan
privacy-field-mode = Biçim
privacy-field-client_ref = Danışan referansı
privacy-field-notes = Notlar
privacy-field-institution_id = Kurum
privacy-field-mediator_id = Tercüman
privacy-field-history = Geçmiş
privacy-field-reminder = Hatırlatma
privacy-field-offer = Teklif
privacy-field-persons = Kişi
privacy-field-children = Çocuklar
privacy-field-lang = Arayüz dili
privacy-field-registered_at = Kayıt tarihi
privacy-field-role = Rol
privacy-field-at = Zaman
privacy-field-action = Eylem
privacy-field-object = Nesne
privacy-field-object_id = Nesne kimliği
privacy-field-subject = Konu
privacy-field-queued_at = Oluşturuldu
privacy-field-who = Kim
requests-more = Daha fazla talep
requests-first-shown = Buradan itibaren ilk { $count } talep; filtrelerle daraltın veya devam edin.
