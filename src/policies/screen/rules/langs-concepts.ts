/**
 * Concealment and notes to the assistant in languages where word order is free or that the phrase
 * tables do not cover (Finnish, Czech, Slovak, Hungarian, Romanian, Greek, Danish, Norwegian,
 * Bulgarian, Serbo-Croatian, Swahili, Tagalog, Persian, Thai, Bengali), and for the free word order
 * of Russian, Ukrainian and Polish ("Пользователю об этом не сообщай" as well as "не сообщай
 * пользователю"). A clause that holds a negated "tell / mention / inform" and a word for the user,
 * in either order, orders the model to keep something from the user.
 *
 * Matched on the native form (lower case, accents removed: "kayttajalle", "χρηστη").
 */

/** Words for the user (stems; inflected forms follow). */
const USER = [
  'kayttaj', 'asiakkaa', // fi
  'uzivatel', 'pouzivatel', 'zakaznik', // cs, sk
  'felhasznal', 'ugyfel', // hu
  'utilizator', 'clientul', // ro
  'χρηστ', 'πελατ', // el
  'brugeren', 'bruger', 'brukeren', 'bruker', 'kunden', // da, no
  'потребител', // bg
  'korisnik', // sr, hr, bs
  'mtumiaji', 'watumiaji', // sw
  'gumagamit', // tl
  'کاربر', // fa
  'ผู้ใช้', // th
  'ব্যবহারকারী', // bn
  'пользовател', 'клиент', 'користувач', // ru, uk
  'uzytkownik', 'użytkownik', // pl
].join('|');

/** A negated "tell, mention, inform, reveal, show" (imperative or infinitive, the negation attached or not). */
const NEG_TELL = [
  // fi: "älä kerro", "ei saa mainita", "kertomatta".
  String.raw`(?:ala|alkaa|ei|eika)(?: \p{L}+)? (?:kerro|kertoko|kerrota|kertoa|mainitse|mainita|mainitko|ilmoita|ilmoiteta|ilmoittaa|paljasta|paljasteta|paljastaa|nayta|nayteta)|kertomatta|mainitsematta|ilmoittamatta`,
  // cs, sk: the negation is a prefix.
  String.raw`ne(?:rikej|rikejte|rikat|informuj|informujte|informovat|zminuj|zminujte|zminovat|prozrazuj|prozrazujte|prozradit|sdeluj|sdelujte|upozornuj|hovor|hovorte|spominaj|spominajte|prezradzuj|oznamuj|ukazuj)`,
  // hu: "ne mondd el", "ne említsd", "ne szólj".
  String.raw`(?:ne|soha ne|nem szabad) (?:mondd|mondja|mondjatok|mondani|szolj|szoljon|emlitsd|emlitse|emliteni|tajekoztasd|tajekoztassa|ertesitsd|ertesitse|arulj|arulja|jelezd|jelezze|fedd fel|mutasd)`,
  // ro: "nu spune", "nu menționa", "nu informa".
  String.raw`nu (?:ii |le |i )?(?:spune|spuneti|zice|mentiona|mentionati|informa|informati|anunta|anuntati|dezvalui|dezvaluiti|arata|aratati|comunica|comunicati)`,
  // el: "μην πεις", "μην αναφερεις", "δεν πρεπει να ενημερωσεις".
  String.raw`(?:μην|μη|δεν) (?:το |του |της |τους |τα )?(?:πεις|πειτε|λες|λετε|αναφερεις|αναφερετε|ενημερωσεις|ενημερωσετε|ενημερωνεις|αποκαλυψεις|αποκαλυψετε|δειξεις|δειξετε)`,
  // da, no: "fortæl ikke", "ikke fortelle", "nævn ikke".
  String.raw`(?:fortæl|fortael|fortell|sig|si|nævn|naevn|nevn|informer|oplys|opplys|afslør|afslor|avslør|avslor|vis)(?: \p{L}+)? (?:ikke|aldri|aldrig)|(?:ikke|aldri|aldrig) (?:fortælle|fortaelle|fortelle|sige|si|nævne|naevne|nevne|informere|oplyse|opplyse|afsløre|avsløre)`,
  // bg, ru, uk: "не казвай", "не сообщай", "не кажи".
  String.raw`не (?:казвай|казвайте|съобщавай|съобщавайте|споменавай|споменавайте|информирай|информирайте|говори|говорите|сообщай|сообщайте|рассказывай|рассказывайте|упоминай|упоминайте|раскрывай|уведомляй|показывай|кажи|кажіть|повідомляй|повідомляйте|розповідай|згадуй|інформуй|показуй)`,
  // pl: "nie mów", "nie informuj".
  String.raw`nie (?:mow|mowcie|informuj|informujcie|wspominaj|wspominajcie|powiadamiaj|ujawniaj|pokazuj|zdradzaj)`,
  // sr, hr, bs: "ne govori", "nemoj reći".
  String.raw`(?:ne|nemoj|nemojte)(?: \p{L}+)? (?:govori|govorite|reci|recite|spominji|spominjite|pominji|obavjestavaj|obavestavaj|obavijesti|obavesti|otkrivaj|otkrij|pokazuj)`,
  // sw: the negation is a prefix ("usimwambie").
  String.raw`usi(?:mwambie|waambie|mjulishe|wajulishe|mweleze|seme|taje|onyeshe)|msimwambie|msimjulishe`,
  // tl: "huwag sabihin".
  String.raw`huwag(?: \p{L}+)? (?:sabihin|ipaalam|banggitin|ipakita|isiwalat)`,
  // fa: "نگو", "اطلاع نده".
  String.raw`نگو|نگویید|اطلاع نده|اطلاع ندهید|چیزی نگو|فاش نکن|ذکر نکن|نشان نده`,
  // th: "อย่าบอก", "ไม่ต้องบอก".
  String.raw`อย่า(?:บอก|แจ้ง|เปิดเผย|พูดถึง)|ไม่ต้อง(?:บอก|แจ้ง)`,
  // bn: "বলবেন না", "জানাবেন না".
  String.raw`(?:বলবেন|জানাবেন|বলো|জানিও|বলবে|জানাবে|উল্লেখ করবেন) না`,
].join('|');

/** Concealment, order-free: the user and a negated "tell" in one clause. */
export const CONCEAL_CONCEPT = String.raw`(?<![\p{L}\p{M}])(?:${USER})[\p{L}\p{M}]*[^.!?;\n]{0,60}?(?<![\p{L}\p{M}])(?:${NEG_TELL})(?![\p{L}\p{M}])|(?<![\p{L}\p{M}])(?:${NEG_TELL})(?![\p{L}\p{M}])[^.!?;\n]{0,60}?(?<![\p{L}\p{M}])(?:${USER})`;

/** A quick test for the gate: the text names the user in one of these languages. */
export const USER_WORD = new RegExp(String.raw`^(?:${USER})`, 'u');

/** Notes addressed to the assistant in these languages ("Huomio avustajalle:", "Poznámka pro asistenta"). */
export const ADDRESS_CONCEPT = [
  String.raw`(?:huomio|huomautus|ohje|ohjeet|ohjeita|viesti|muistutus|tiedoksi) (?:avustajalle|tekoalylle|ai-avustajalle|mallille)|(?:avustajalle|tekoalylle)\s*:`,
  String.raw`(?:poznamka|pokyn|pokyny|zprava|upozorneni|sprava|upozornenie) (?:pro|pre) (?:asistenta|ai|umelou inteligenci|umelu inteligenciu|jazykovy model|model)`,
  String.raw`(?:megjegyzes|utasitas|utasitasok|uzenet|figyelem) (?:az? )?(?:asszisztensnek|asszisztens szamara|ai-nak|mi-nek|nyelvi modellnek)|asszisztensnek\s*:`,
  String.raw`(?:nota|instructiuni|instructiune|mesaj|atentie) (?:pentru|catre) (?:asistent|asistentul|ai|ia|modelul)`,
  String.raw`(?:σημειωση|οδηγια|οδηγιες|μηνυμα|υπενθυμιση) (?:για|προς) (?:τον |το )?(?:βοηθο|ai|τεχνητη νοημοσυνη|μοντελο)`,
  String.raw`(?:note|notat|besked|beskjed|instruks|instruktion|instruksjon|bemærkning|bemerkning) til (?:assistenten|ai|ki|ai-assistenten|sprogmodellen|språkmodellen)`,
  String.raw`(?:бележка|указание|указания|инструкция|инструкции|съобщение) (?:за|към) (?:асистента|ии|ai|езиковия модел)`,
  String.raw`(?:napomena|uputa|uputstvo|uputstva|poruka|biljeska|beleska) (?:za|namijenjena|namenjena) (?:asistenta|ai|ui|jezicni model|jezicki model)`,
  String.raw`(?:kumbuka|ujumbe|maagizo|maelekezo) kwa (?:msaidizi|ai|akili bandia)`,
  String.raw`(?:paalala|tala|mensahe|tagubilin) (?:para sa|sa) (?:assistant|ai|katulong)`,
  String.raw`(?:یادداشت|دستور|دستورالعمل|پیام|توجه) (?:برای|به) (?:دستیار|هوش مصنوعی|مدل زبانی)`,
  String.raw`(?:หมายเหตุ|ข้อความ|คำสั่ง|คำแนะนำ)(?:\s*)(?:ถึง|สำหรับ)(?:\s*)(?:ผู้ช่วย|เอไอ|ai|โมเดล)`,
  String.raw`(?:সহকারী|এআই|ai)(?:র|কে|এর)? (?:জন্য )?(?:নোট|নির্দেশ|নির্দেশনা|বার্তা)`,
].join('|');
