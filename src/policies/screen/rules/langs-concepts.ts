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

/** Patterns are matched on NFKC text (Thai "ำ" becomes "ํา"), so they are written through NFKC too. */
const nfkc = (pattern: string): string => pattern.normalize('NFKC');

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
  String.raw`ne(?:uvadej|uvadejte|uvadet|pis|piste|rikej|rikejte|rikat|informuj|informujte|informovat|zminuj|zminujte|zminovat|prozrazuj|prozrazujte|prozradit|sdeluj|sdelujte|upozornuj|hovor|hovorte|spominaj|spominajte|prezradzuj|oznamuj|ukazuj)`,
  // hu: "ne mondd el", "ne említsd", "ne szólj".
  String.raw`(?:ne|soha ne|nem szabad) (?:mondd|mondja|mondjatok|mondani|szolj|szoljon|emlitsd|emlitse|emliteni|tajekoztasd|tajekoztassa|ertesitsd|ertesitse|arulj|arulja|jelezd|jelezze|fedd fel|mutasd)`,
  // ro: "nu spune", "nu menționa", "nu informa".
  String.raw`nu (?:ii |le |i )?(?:spune|spuneti|zice|mentiona|mentionati|informa|informati|anunta|anuntati|dezvalui|dezvaluiti|arata|aratati|comunica|comunicati)`,
  // el: "μην πεις", "μην αναφερεις", "δεν πρεπει να ενημερωσεις".
  String.raw`(?:μην|μη|δεν) (?:το |του |της |τους |τα )?(?:πεις|πειτε|λες|λετε|αναφερεις|αναφερετε|ενημερωσεις|ενημερωσετε|ενημερωνεις|αποκαλυψεις|αποκαλυψετε|δειξεις|δειξετε)`,
  // da, no: "fortæl ikke", "ikke fortelle", "nævn ikke".
  String.raw`(?:fortæl|fortael|fortell|sig|si|nævn|naevn|nevn|informer|oplys|opplys|afslør|afslor|avslør|avslor|vis)(?: \p{L}+)? (?:ikke|aldri|aldrig)|(?:ikke|aldri|aldrig) (?:fortælle|fortaelle|fortelle|sige|si|nævne|naevne|nevne|informere|oplyse|opplyse|afsløre|avsløre|fortæl|fortael|fortell|sig|nævn|nevn|vis)`,
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
  // bn: "বলবেন না", "জানাবেন না".
  String.raw`(?:বলবেন|জানাবেন|বলো|জানিও|বলবে|জানাবে|উল্লেখ করবেন) না`,
].join('|');

/** "That" after a verb of saying ("neuváděj, že …", "не говори, что …"): what must not be said follows. */
const THAT = String.raw`(?:ze|že|что|що|etta|hogy|ca|că|οτι|at|da|kwamba|na|که|ว่า|যে|че)`;

/** Thai, written without spaces between words: "ห้ามบอกผู้ใช้" (do not tell the user), either order, no word boundaries. */
const THAI = String.raw`(?:อย่า|ห้าม|ไม่ต้อง)(?:บอก|แจ้ง|เปิดเผย|พูดถึง)(?:ให้)?[^.!?\n]{0,20}?ผู้ใช้|ผู้ใช้[^.!?\n]{0,20}?(?:อย่า|ห้าม|ไม่ต้อง)(?:บอก|แจ้ง|เปิดเผย)`;

/** Concealment, order-free: the user and a negated "tell" in one clause; or a negated "say" followed by what must not be said. */
export const CONCEAL_CONCEPT = nfkc(String.raw`${THAI}|(?<![\p{L}\p{M}])(?:${NEG_TELL})(?![\p{L}\p{M}])\s*,?\s*${THAT}(?![\p{L}\p{M}])|(?<![\p{L}\p{M}])(?:${USER})[\p{L}\p{M}]*[^.!?;\n]{0,60}?(?<![\p{L}\p{M}])(?:${NEG_TELL})(?![\p{L}\p{M}])|(?<![\p{L}\p{M}])(?:${NEG_TELL})(?![\p{L}\p{M}])[^.!?;\n]{0,60}?(?<![\p{L}\p{M}])(?:${USER})`);

/** The "that" words, for the gate: a negated "say" followed by "that" needs no word for the user. */
export const THAT_WORDS = ['ze', 'etta', 'hogy', 'ca', 'at', 'da', 'kwamba', 'na'];

/** A quick test for the gate: the text names the user in one of these languages. */
export const USER_WORD = new RegExp(String.raw`^(?:${USER})`, 'u');

/** Notes addressed to the assistant in these languages ("Huomio avustajalle:", "Poznámka pro asistenta"). */
export const ADDRESS_CONCEPT = nfkc([
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
].join('|'));

/** Orders to ignore earlier instructions in these languages ("دستورات قبلی را نادیده بگیر", "ohita aiemmat ohjeet"). */
export const OVERRIDE_CONCEPT = nfkc([
  String.raw`(?:دستورات|دستورالعمل(?:‌|\s)?ها|قوانین|راهنمایی(?:‌|\s)?ها)\s+(?:قبلی|پیشین)(?:\s+را)?\s+نادیده\s+(?:بگیر|بگیرید)`,
  String.raw`ignoruj(?:te)? (?:vsechny |vsetky )?(?:predchozi|puvodni|predosle|povodne) (?:pokyny|instrukce|instrukcie)`,
  String.raw`(?:ohita|unohda) (?:kaikki )?(?:aiemmat|edelliset|aikaisemmat) (?:ohjeet|ohjeesi|ohjeita)`,
  String.raw`hagyd figyelmen kivul (?:az? )?(?:osszes )?(?:korabbi|elozo) utasitas\p{L}*`,
  String.raw`ignora(?:ti)? (?:toate )?instructiunile (?:anterioare|precedente)`,
  String.raw`αγνοησε (?:ολες )?τις (?:προηγουμενες )?οδηγιες`,
  String.raw`ignorer (?:alle )?(?:tidligere|forrige|foregaende) (?:instruktioner|instruksjoner|instrukser)`,
  String.raw`(?:เพิกเฉย(?:ต่อ)?|ไม่ต้องสนใจ|ละเว้น)คำสั่ง(?:ทั้งหมด)?(?:ก่อนหน้า(?:นี้)?|เดิม)`,
  String.raw`আগের (?:সব |সমস্ত )?নির্দেশ(?:না)? (?:উপেক্ষা|অগ্রাহ্য) কর`,
  String.raw`puuza maagizo (?:yote )?(?:ya awali|yaliyotangulia|ya zamani)`,
  String.raw`(?:huwag pansinin|balewalain) (?:ang )?(?:lahat ng )?(?:naunang|nakaraang) (?:tagubilin|utos)`,
  String.raw`игнорирай (?:всички )?(?:предишни )?(?:инструкции|указания)`,
  String.raw`zanemari(?:te)? (?:sve )?(?:prethodne )?(?:upute|uputstva|instrukcije)`,
].join('|'));

/** Payment data, passwords and secrets across languages (native form). */
export const SENSITIVE_INTL = nfkc([
  'номер(?:а)? (?:банковской |кредитной )?карты', 'паспорт', 'код безопасности', 'пароль', 'одноразов\\p{L}* код',
  'クレジットカード番号', 'カード番号', 'セキュリティコード', 'パスワード', '暗証番号', 'ワンタイム',
  'شماره کارت', 'رمز دوم', 'رمز عبور', 'رمز پویا', 'گذرواژه', 'کد امنیتی',
  'เลขบัตร', 'รหัสผ่าน', 'รหัส otp', 'ไฟล์ \\.env',
  'cislo karty', 'heslo', 'rodne cislo', 'kartyaszam', 'jelszo', 'numarul cardului', 'parola', 'κωδικ\\p{L}* προσβασης', 'αριθμο καρτας',
  'kortnummer', 'passord', 'adgangskode', 'nomor kartu', 'kata sandi', 'numero de tarjeta', 'contrasena', 'numero de carte', 'mot de passe',
  'kartennummer', 'passwort', 'numero della carta', 'numero do cartao', 'senha', 'kaartnummer', 'wachtwoord', 'numer karty', 'haslo',
  'kart numarasi', 'sifre', 'so the', 'mat khau', 'कार्ड नंबर', 'पासवर्ड', 'পাসওয়ার্ড', 'nambari ya kadi', 'nenosiri', 'numero ng card',
  '卡号', '卡號', '密码', '密碼', '安全码', '카드 ?번호', '비밀번호', '보안 ?코드', 'رقم البطاقة', 'كلمة المرور', 'מספר כרטיס', 'סיסמה',
].join('|'));

/** Side fields by meaning across languages: notes, remarks, comments, memos (native form). */
export const SIDE_FIELD_INTL = nfkc([
  '備考', 'メモ欄', 'コメント欄', 'توضیحات', 'یادداشت', 'หมายเหตุ', 'комментари', 'примечани', 'заметк', 'коментар', 'примітк',
  'poznamk', 'megjegyzes', 'observati', 'σχολι', 'σημειωσ', 'bemaerkning', 'bemerkning', 'kommentar', 'bemerkung', 'notiz',
  'observacion', 'observacao', 'remarque', 'opmerking', 'uwag', 'aciklama', 'ghi chu', 'catatan', 'keterangan', 'maelezo', 'huomautu', 'lisatied',
  '备注', '備註', '메모', '비고', 'ملاحظات', 'הערות',
].join('|'));

/** The user's contact and identity data across languages (native form): phone number, home address, e-mail, passport, tax id. */
export const PERSONAL_INTL = nfkc([
  'номер(?:а)? телефон', 'адрес(?:у|а)? (?:получател|клиент|пользовател|доставк|проживан)', 'паспорт', 'номер телефону', 'адресу отримувача',
  'telefonnummer', 'numero de telefono', 'numero de telephone', 'numero di telefono', 'numero de telefone', 'telefonszam', 'telefonni cislo',
  'puhelinnumero', 'numarul de telefon', 'αριθμο τηλεφωνου', 'nomor telepon', 'nambari ya simu', 'شماره تلفن', 'شماره موبایل', 'เบอร์โทร',
  '電話番号', '住所', '电话号码', '電話號碼', '地址', '전화번호', '주소', 'رقم الهاتف', 'מספר טלפון', 'फ़ोन नंबर', 'ফোন নম্বর',
].join('|'));
