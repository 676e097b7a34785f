pub static NAMED_LANGUAGES: &[(&str, &str, &str)] = &[("ara", "Arabisch", "Arabic")];
