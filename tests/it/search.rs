//! Search in four scripts: inflected words find each other, every spelling of a letter
//! matches, results link to their section with the match marked, speaker notes are never
//! found, and any query gets a page (or a 400 naming `q`), never a 5xx.

use crate::common;

use axum::http::StatusCode;
use common::app::TestApp;
use common::mem::get;
use common::tree::{Tree, lesson};
use cookie_course::content::source_hash;

const EN: &str = "Intro about cookies.\n\n:::notes\n- NOTESECRET intro note for the room.\n:::\n\n## Signing {#signing}\n\nFlask signs the session cookie with the secret key. A signed cookie cannot be tampered with.\n\n:::notes\n- Ask: who has seen a signature? NOTESECRET.\n:::\n\n## Lifetimes {#lifetimes}\n\nPermanent sessions expire after PERMANENT_SESSION_LIFETIME.\n\n:::notes\n- Remember to show the expiry live in the sandbox.\n:::\n";

fn site() -> (Tree, axum::Router) {
    let tree = Tree::new("search");
    let hash = source_hash(EN);
    tree.write(
        "content/en/signing.md",
        &lesson("Signed cookies", 1, None, EN),
    );
    tree.write(
        "content/ru/signing.md",
        &lesson(
            "Подписанные куки",
            1,
            Some(&hash),
            "Вступление про куки.\n\n:::notes\n- NOTESECRET вступление для аудитории.\n:::\n\n## Подпись {#signing}\n\nFlask ставит подпись на куки сессии секретным ключом. Ёлочка: проверка ё.\n\n:::notes\n- Спросите, кто видел подпись. NOTESECRET.\n:::\n\n## Время жизни {#lifetimes}\n\nПостоянные сессии истекают.\n\n:::notes\n- Покажите истечение срока в песочнице вживую.\n:::\n",
        ),
    );
    tree.write(
        "content/uk/signing.md",
        &lesson(
            "Підписані кукі",
            1,
            Some(&hash),
            "Вступ про кукі.\n\n:::notes\n- NOTESECRET вступ для аудиторії, кілька слів.\n:::\n\n## Підпис {#signing}\n\nFlask підписує кукі сесії секретним ключем. Пам’ять браузера зберігає кукі.\n\n:::notes\n- Запитайте, хто бачив підпис. NOTESECRET.\n:::\n\n## Строк життя {#lifetimes}\n\nПостійні сесії спливають.\n\n:::notes\n- Покажіть, як спливає строк, у пісочниці наживо.\n:::\n",
        ),
    );
    tree.write(
        "content/bn/signing.md",
        &lesson(
            "সই করা কুকি",
            1,
            Some(&hash),
            // The nukta letter ড় precomposed (U+09DC) in the text.
            "কুকি নিয়ে ভূমিকা।\n\n:::notes\n- NOTESECRET ক্লাসের জন্য ভূমিকার কয়েকটি কথা।\n:::\n\n## সই {#signing}\n\nFlask সেশনের কুকিটিতে গোপন কী দিয়ে সই করে। বা\u{09dc}ি ফেরার পরে কুকিটি থাকে।\n\n:::notes\n- জিজ্ঞেস করুন কে সই দেখেছে। NOTESECRET।\n:::\n\n## মেয়াদ {#lifetimes}\n\nস্থায়ী সেশনের মেয়াদ ফুরিয়ে যায়।\n\n:::notes\n- স্যান্ডবক্সে মেয়াদ ফুরোনো সরাসরি দেখান, ধীরে ধীরে।\n:::\n",
        ),
    );
    let (_, app) = TestApp::new(b"search key").source(tree.source()).build();
    (tree, app)
}

#[tokio::test]
async fn inflected_words_in_four_scripts_find_their_section() {
    let (_tree, app) = site();
    // (language, query, the section it must find, a word the snippet marks)
    let table = [
        ("en", "cookies", "signing", "cookie"),
        ("en", "signed", "signing", "signs"),
        ("en", "expire", "lifetimes", "expire"),
        ("ru", "подписью", "signing", "подпись"),
        ("ru", "сессией", "signing", "сессии"),
        ("ru", "елочка", "signing", "Ёлочка"),
        ("uk", "підписом", "signing", "підписує"),
        ("uk", "пам'ять", "signing", "Пам’ять"),
        ("uk", "памʼять", "signing", "Пам’ять"),
        ("bn", "কুকির", "signing", "কুকিটিতে"),
        ("bn", "সেশন", "signing", "সেশনের"),
        // The nukta letter typed decomposed (ড + ়) finds the precomposed one.
        ("bn", "বা\u{09a1}\u{09bc}ি", "signing", "বা\u{09dc}ি"),
    ];
    for (lang, query, key, marked) in table {
        let url = format!(
            "/{lang}/search?q={}",
            form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>()
        );
        let page = get(&app, &url, None).await;
        assert_eq!(page.status, StatusCode::OK, "{lang} {query}");
        assert!(
            page.body
                .contains(&format!("href=\"/{lang}/lessons/signing#{key}\"")),
            "{lang}: «{query}» finds #{key}:\n{}",
            page.body
        );
        assert!(
            page.body.contains(&format!("<mark>{marked}</mark>")),
            "{lang}: «{query}» marks «{marked}»"
        );
    }
}

#[tokio::test]
async fn speaker_notes_are_never_found_and_any_query_gets_an_answer() {
    let (_tree, app) = site();
    for lang in ["en", "ru", "uk", "bn"] {
        let page = get(&app, &format!("/{lang}/search?q=NOTESECRET"), None).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            !page.body.contains("data-search-result"),
            "{lang}: notes are not indexed"
        );
    }
    // The query is escaped wherever it is shown.
    let page = get(
        &app,
        "/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        None,
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("<script>alert(1)") && page.body.contains("&lt;script&gt;"));
    // Empty, odd and long queries.
    assert_eq!(get(&app, "/en/search", None).await.status, StatusCode::OK);
    assert_eq!(
        get(&app, "/en/search?q=%00%FF%F0", None).await.status,
        StatusCode::OK
    );
    assert_eq!(
        get(&app, "/en/search?q=''''", None).await.status,
        StatusCode::OK
    );
    let long = get(&app, &format!("/en/search?q={}", "a".repeat(201)), None).await;
    assert_eq!(long.status, StatusCode::BAD_REQUEST);
    assert_eq!(long.json()["field"], "q");
    // Every page's header carries the form, in its language.
    let home = get(&app, "/uk/", None).await.body;
    assert!(home.contains("action=\"/uk/search\"") && home.contains("role=\"search\""));
}
