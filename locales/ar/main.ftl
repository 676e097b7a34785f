# Mittler – الواجهة العربية (جزئية؛ النصوص الناقصة تظهر بالإنجليزية)

nav-skip = انتقل إلى المحتوى
nav-main = التنقل الرئيسي
nav-language = اللغة
nav-home = نظرة عامة
nav-sign-out = تسجيل الخروج
nav-password = كلمة المرور
home-title = نظرة عامة
home-greeting = مرحبًا، { $name }
login-title = تسجيل الدخول
login-email = البريد الإلكتروني
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
error-title = خطأ
error-required = هذا الحقل مطلوب.
form-save = حفظ
yes = نعم
no = لا
error-csrf = انتهت صلاحية النموذج. يُرجى إعادة تحميل الصفحة وإرساله مرة أخرى.
error-bad-form = وصل النموذج ناقصًا. يُرجى إعادة تحميل الصفحة وإرساله مرة أخرى.
