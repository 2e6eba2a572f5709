/**
 * The core injection, concealment, exfiltration and redirection phrases in languages written in
 * Latin script (Spanish, French, German, Portuguese, Italian, Polish, Turkish, Vietnamese,
 * Indonesian, Swedish, Dutch), matched on the folded form (accents removed: "instrucciones").
 */
import { anyOf, gap } from './rule.js';
import type { Lang } from './multilingual.js';

/** Latin-script languages. */
export const LATIN_LANGS: Record<string, Lang> = {
  es: {
    gate: anyOf('ignora', 'ignore', 'ignorar', 'ignoren', 'olvida', 'olvide', 'olvidar', 'olviden', 'omite', 'omitir', 'descarta', 'descartar', 'no', 'sin', 'secreto', 'secretamente', 'escondidas', 'envia', 'enviar', 'envie', 'incluye', 'incluir', 'incluya', 'pasa', 'pasar', 'pase', 'adjunta', 'adjuntar', 'copia', 'copiar', 'sube', 'subir', 'comparte', 'compartir', 'anade', 'agrega', 'revela', 'muestra'),
    override: String.raw`\b(?:ignora|ignore|ignorar|ignoren|olvida|olvide|olvidar|olviden|omite|omitir|descarta|descartar)\b (?:por completo )?(?:todas? (?:las )?|las |tus |sus |cualquier )(?:\w+ )?(?:instrucciones|indicaciones|directrices|reglas|ordenes)\b`,
    conceal: String.raw`\bno (?:le |les |lo |la |los |las )?(?:digas|diga|digan|informes|informe|menciones|mencione|comuniques|avises|avise|cuentes|cuente|reveles|notifiques)\b${gap(45)}\b(?:al |a los |el )?usuarios?\b|\bsin (?:que (?:el|los) usuarios? (?:lo )?(?:sepa|sepan|note|noten|se entere)|(?:informar|avisar|decir|notificar|preguntar)(?:le|les)? (?:al|a los) usuarios?|el conocimiento del usuario)\b|\b(?:en secreto|secretamente|a escondidas)\b`,
    exfil: String.raw`\b(?:envia|enviar|envie|incluye|incluir|incluya|pasa|pasar|pase|adjunta|adjuntar|copia|copiar|sube|subir|comparte|compartir|anade|agrega|revela|muestra)\b${gap(40)}\b(?:conversacion|historial (?:de (?:la )?)?(?:chat|conversacion|mensajes)|mensajes (?:anteriores|previos)|prompt del sistema|instrucciones del sistema|tus instrucciones|claves? (?:de )?api|contrasenas?|credenciales|variables de entorno)\b`,
    redirect: String.raw`\bno (?:utilices|utilice|uses|use|llames|llame|invoques|invoque) (?:ninguna |ningun )?(?:otra|otras|otro|otros) herramientas?\b|\b(?:di|diga|dile|digale)(?: al usuario)? que (?:la otra |las otras |otras )?(?:no (?:esta|estan) disponibles?|no funciona)\b|\b(?:usa|utiliza|llama a|invoca)\b (?:siempre )?esta herramienta\b${gap(30)}\b(?:en lugar de|en vez de|primero|antes de)\b|\bsiempre (?:usa|utiliza|llama a|invoca) esta herramienta\b`,
  },
  fr: {
    gate: anyOf('inutile', 'ignore', 'ignorez', 'ignorer', 'oublie', 'oubliez', 'oublier', 'neglige', 'negligez', 'negliger', 'contourne', 'contournez', 'contourner', 'ne', 'sans', 'insu', 'secret', 'secretement', 'envoie', 'envoyez', 'envoyer', 'envoiez', 'envoier', 'inclus', 'inclure', 'incluez', 'transmets', 'transmettez', 'transmettre', 'joins', 'joignez', 'joindre', 'copie', 'copiez', 'copier', 'partage', 'partagez', 'partager', 'ajoute', 'ajoutez', 'ajouter', 'revele', 'revelez', 'reveler', 'colle', 'collez', 'coller'),
    override: String.raw`\b(?:ignore[zr]?|oublie[zr]?|neglige[zr]?|contourne[zr]?)\b (?:toutes |tous )?(?:les |tes |vos )(?:\w+ )?(?:instructions|consignes|directives|regles|ordres)\b`,
    conceal: String.raw`\bne (?:le |lui |leur |rien )?(?:dis|dites|mentionne[zs]?|informe[zs]?|previens|prevenez|signale[zs]?|revele[zs]?|communique[zs]?)\b (?:pas|rien|jamais)\b${gap(25)}\b(?:a )?l'?utilisat(?:eur|rice)s?\b|\bsans (?:le dire|en informer|informer|prevenir|avertir|demander a)\b${gap(8)}\bl'?utilisat(?:eur|rice)|\bsans (?:le |la |les |en |lui |leur )?(?:mentionner|signaler|preciser|indiquer|dire)\b|\bsans que l'?utilisat(?:eur|rice) (?:ne )?(?:le )?(?:sache|remarque|s'en rende compte)\b|\ba l'insu de l'?utilisat(?:eur|rice)\b|\binutile d'(?:en )?(?:informer|prevenir|avertir|parler a)\b${gap(8)}l'?utilisat(?:eur|rice)|\b(?:en secret|secretement)\b`,
    exfil: String.raw`\b(?:envoie[zr]?|inclu(?:s|re|ez)|transmet(?:s|tez|tre)|joins|joignez|joindre|copie[zr]?|partage[zr]?|ajoute[zr]?|revele[zr]?|colle[zr]?)\b${gap(40)}\b(?:conversation|historique (?:de (?:la )?)?(?:conversation|discussion|chat)|messages precedents|prompt systeme|invite systeme|instructions systeme|tes instructions|vos instructions|cles? (?:d')?api|mots de passe|identifiants|jetons|variables d'environnement)\b`,
    redirect: String.raw`\bn'(?:utilise[zr]?|appelle[zr]?|invoque[zr]?) (?:aucun autre|pas d'autres?|jamais d'autres?) outils?\b|\b(?:utilise[zr]?|appelle[zr]?|invoque[zr]?)\b (?:toujours )?cet outil\b${gap(30)}\b(?:au lieu d[e']|plutot que|en premier|avant)|\btoujours (?:utiliser|appeler) cet outil\b`,
  },
  de: {
    gate: anyOf('ignoriere', 'ignorieren', 'ignorier', 'vergiss', 'vergessen', 'missachte', 'missachten', 'uberschreibe', 'sag', 'sage', 'sagen', 'erzahl', 'erzahle', 'erwahne', 'erwahnen', 'informiere', 'informieren', 'teile', 'verrate', 'melde', 'ohne', 'darf', 'soll', 'heimlich', 'insgeheim', 'unbemerkt', 'sende', 'senden', 'schick', 'schicke', 'schicken', 'fuge', 'fugen', 'hange', 'ubermittle', 'ubermitteln', 'kopiere', 'kopieren', 'gib'),
    override: String.raw`\b(?:ignorier(?:e|en)?|vergiss|vergessen sie|missachte(?:n)?|uberschreibe)\b${gap(20)}\b(?:alle|die|deine|ihre|samtliche|vorherigen|bisherigen|vorigen|obigen|ursprunglichen) (?:\w+ )?(?:anweisungen|instruktionen|anordnungen|regeln|richtlinien|vorgaben|befehle)\b`,
    conceal: String.raw`\b(?:sag|sage|sagen sie|erzahl|erzahle|erwahne|erwahnen sie|informiere|informieren sie|teile|verrate|melde)\b(?=${gap(40)}\b(?:benutzer|nutzer|anwender))${gap(40)}\b(?:nicht|nichts|niemals|keinesfalls)\b|\bohne (?:den |dem |die )?(?:benutzer|nutzer|anwender)(?:in)? (?:zu )?(?:informieren|fragen|benachrichtigen|warnen)\b|\bohne (?:dass|das) (?:der|die) (?:benutzer|nutzer|anwender)(?:in)? (?:es |davon )?(?:merkt|weiß|weiss|erfahrt)\b|\b(?:der |die )?(?:benutzer|nutzer|anwender)(?:in)? (?:darf|soll) (?:davon |das |es )?(?:nicht|nichts) (?:wissen|erfahren|merken|sehen)\b|\b(?:heimlich|insgeheim|unbemerkt)\b`,
    exfil: String.raw`\b(?:sende|senden|schick(?:e|en)?|fuge|fugen sie|hange|ubermittle|ubermitteln|kopiere|kopieren|teile|gib)\b${gap(40)}\b(?:konversation|unterhaltung|gesprach(?:sverlauf)?|chatverlauf|vorherigen nachrichten|systemprompt|system-prompt|systemanweisungen|deine anweisungen|api-schlussel|api schlussel|passworter|passwort|zugangsdaten|anmeldedaten|umgebungsvariablen)\b`,
    redirect: String.raw`\b(?:verwende|benutze|nutze|rufe)\b (?:kein(?:e|en)? anderen?|niemals andere) (?:tools?|werkzeuge?)\b|\b(?:verwende|benutze|nutze|rufe)\b (?:immer |stets )?(?:dieses|das) (?:tool|werkzeug)\b${gap(30)}\b(?:statt|anstatt|anstelle|zuerst|vor)\b`,
  },
  pt: {
    gate: anyOf('ignore', 'ignora', 'ignorar', 'ignorem', 'esqueca', 'esquece', 'esquecer', 'desconsidere', 'descarte', 'nao', 'sem', 'secretamente', 'segredo', 'escondidas', 'envie', 'enviar', 'envia', 'inclua', 'incluir', 'inclui', 'passe', 'passar', 'anexe', 'anexar', 'copie', 'copiar', 'compartilhe', 'partilhe', 'adicione', 'revele'),
    override: String.raw`\b(?:ignore|ignora|ignorar|ignorem|esqueca|esquece|esquecer|desconsidere|descarte)\b (?:todas? )?(?:as |suas |tuas )(?:\w+ )?(?:instrucoes|orientacoes|diretrizes|regras|ordens)\b`,
    conceal: String.raw`\bnao (?:diga|conte|informe|mencione|avise|revele|fale|comunique|notifique)\b${gap(25)}\b(?:ao|aos|para o|o) (?:usuario|utilizador)(?:e?s)?\b|\bsem (?:que o (?:usuario|utilizador) (?:saiba|perceba|note)|(?:informar|avisar|contar|dizer|perguntar)(?: ao| para o)? (?:usuario|utilizador))\b|\b(?:secretamente|em segredo|as escondidas)\b`,
    exfil: String.raw`\b(?:envie|enviar|envia|inclua|incluir|inclui|passe|passar|anexe|anexar|copie|copiar|compartilhe|partilhe|adicione|revele)\b${gap(40)}\b(?:conversa|historico (?:de |da )?(?:conversa|chat|mensagens)|mensagens anteriores|prompt do sistema|instrucoes do sistema|suas instrucoes|chaves? (?:de |da )?api|senhas?|credenciais|variaveis de ambiente)\b`,
    redirect: String.raw`\bnao (?:use|utilize|usa|chame|invoque) (?:nenhuma |outra |outras )(?:outra )?ferramentas?\b|\b(?:use|utilize|chame|usa|invoque)\b (?:sempre )?esta ferramenta\b${gap(30)}\b(?:em vez de|ao inves de|antes|primeiro)\b`,
  },
  it: {
    gate: anyOf('ignora', 'ignorare', 'ignorate', 'dimentica', 'dimenticare', 'tralascia', 'trascura', 'scavalca', 'non', 'senza', 'segretamente', 'nascosto', 'segreto', 'invia', 'inviare', 'includi', 'includere', 'passa', 'passare', 'allega', 'allegare', 'copia', 'copiare', 'condividi', 'aggiungi', 'rivela'),
    override: String.raw`\b(?:ignora|ignorare|ignorate|dimentica|dimenticare|tralascia|trascura|scavalca)\b (?:tutte )?(?:le |tue |sue )(?:\w+ )?(?:istruzioni|indicazioni|direttive|regole|ordini)\b`,
    conceal: String.raw`\bnon (?:dire|dirlo|dirgli|informare|menzionare|avvisare|rivelare|comunicare|segnalare|raccontare)\b${gap(25)}\b(?:all'|al |l')?utent[ei]\b|\bsenza (?:che l'utente (?:lo )?(?:sappia|noti|se ne accorga)|(?:informare|avvisare|dire|chiedere)(?:lo)? (?:all'|a )?utente)\b|\bsenza (?:mostrarlo|mostrarla|mostrarli|dirlo|segnalarlo|menzionarlo|chiedere conferma)\b|\b(?:segretamente|di nascosto|in segreto)\b`,
    exfil: String.raw`\b(?:invia|inviare|includi|includere|passa|passare|allega|allegare|copia|copiare|condividi|aggiungi|rivela)\b${gap(40)}\b(?:conversazione|cronologia (?:della )?(?:chat|conversazione)|messaggi precedenti|prompt di sistema|istruzioni di sistema|tue istruzioni|chiavi? api|password|credenziali|variabili d'ambiente)\b`,
    redirect: String.raw`\bnon (?:usare|utilizzare|usate|chiamare|invocare) (?:nessun altro|altri|altre) (?:strumenti|strumento|tool)\b|\b(?:usa|utilizza|chiama|invoca)\b (?:sempre )?questo (?:strumento|tool)\b${gap(30)}\b(?:invece di|al posto di|prima)\b`,
  },

  pl: {
    gate: anyOf('zignoruj', 'ignoruj', 'zapomnij', 'pomin', 'nie', 'bez', 'wyslij', 'przeslij', 'dolacz', 'dodaj', 'wklej', 'przekaz', 'zawsze', 'wywoluj', 'uzywaj', 'uzyj', 'wywolaj', 'potajemnie'),
    override: String.raw`\b(?:zignoruj|ignoruj|zapomnij|pomin)\b (?:o )?(?:wszystkie |wszelkie |swoje |poprzednie |wczesniejsze )*(?:polecenia|instrukcje|wytyczne|zasady|regu[lł]y)\b`,
    conceal: String.raw`\bnie (?:mow|informuj|wspominaj|powiadamiaj|ujawniaj|pokazuj)\b o (?:tej|tym|tych|zmianie|zmianach)\b|\bnie (?:mow|informuj|wspominaj|powiadamiaj|ujawniaj|pokazuj)\b${gap(20)}\bu[zż]ytkownik\w*|\bbez wiedzy u[zż]ytkownik\w*|\bpotajemnie\b`,
    exfil: String.raw`\b(?:wyslij|przeslij|dolacz|dodaj|wklej|przekaz)\b${gap(40)}\b(?:histori[ea] (?:czatu|rozmowy)|ca[lł]a rozmow[ea]|poprzednie wiadomosci|prompt systemowy|has[lł]a|klucze api|dane uwierzytelniajace|zmienne srodowiskowe)\b`,
    redirect: String.raw`\b(?:zawsze )?(?:wywoluj|uzywaj|uzyj|wywolaj)\b (?:zawsze )?to narzedzie\b(?:${gap(30)}\b(?:jako pierwsze|zamiast|przed)\b)?`,
  },
  tr: {
    gate: anyOf('onceki', 'tum', 'butun', 'talimatlari', 'kullaniciya', 'kullanicinin', 'ekle', 'gonder', 'yapistir', 'ilet', 'bu', 'gizlice'),
    override: String.raw`\b(?:onceki|tum|butun|daha onceki)\b (?:\w+ ){0,2}(?:talimatlari|komutlari|kurallari|yonergeleri)\b (?:\w+ )?(?:yok say|gormezden gel|unut|dikkate alma)\b`,
    conceal: String.raw`\bkullaniciya\b (?:\w+ ){0,3}(?:soyleme|bahsetme|anlatma|bildirme|gosterme)\b|\bkullanicinin haberi olmadan\b|\bgizlice\b`,
    exfil: String.raw`\b(?:sohbet gecmisini|konusma gecmisini|tum konusmayi|onceki mesajlari|sistem istemini|sifreleri|parolalari|api anahtarlarini|ortam degiskenlerini)\b${gap(40)}\b(?:ekle|gonder|yapistir|ilet|yaz)\b`,
    redirect: String.raw`\b(?:diger|baska) (?:\w+ ){0,2}araclar\w*\b${gap(20)}\b(?:asla|hicbir zaman)? ?(?:cagirma|kullanma)\b|\b(?:her zaman )?bu araci\b (?:\w+ ){0,3}(?:kullan|cagir)\w*\b`,
  },
  vi: {
    gate: anyOf('bo', 'qua', 'đung', 'dung', 'khong', 'gui', 'chen', 'them', 'đinh', 'dinh', 'sao', 'luon', 'goi'),
    override: String.raw`\bbo qua\b (?:tat ca |moi |cac |toan bo |nhung )*(?:huong dan|chi dan|chi thi|lenh|quy tac)\b`,
    conceal: String.raw`\b(?:đung|dung|khong duoc) (?:noi|bao|cho biet|tiet lo|thong bao)\b${gap(20)}\bnguoi dung\b`,
    exfil: String.raw`\b(?:gui|chen|them|đinh kem|dinh kem|sao chep)\b${gap(40)}\b(?:lich su (?:tro chuyen|chat|hoi thoai)|toan bo cuoc tro chuyen|tin nhan truoc|loi nhac he thong|mat khau|khoa api|bien moi truong)\b`,
    redirect: String.raw`\b(?:luon )?(?:su dung|dung|goi) cong cu nay\b${gap(20)}\b(?:thay vi|truoc)\b`,
  },
  id: {
    gate: anyOf('abaikan', 'lupakan', 'acuhkan', 'jangan', 'tanpa', 'kirim', 'kirimkan', 'sertakan', 'tambahkan', 'lampirkan', 'salin', 'tempel', 'selalu', 'gunakan', 'pakai', 'panggil', 'diam'),
    override: String.raw`\b(?:abaikan|lupakan|acuhkan)\b (?:semua |seluruh )?(?:instruksi|perintah|petunjuk|aturan)\b`,
    conceal: String.raw`\bjangan (?:beri tahu|beritahu|memberi tahu|katakan|kasih tahu|sebutkan|bilang|informasikan)\b${gap(20)}\bpengguna\b|\btanpa sepengetahuan pengguna\b|\bdiam-diam\b`,
    exfil: String.raw`\b(?:kirim|kirimkan|sertakan|tambahkan|lampirkan|salin|tempel)\b${gap(40)}\b(?:riwayat (?:obrolan|percakapan|chat)|seluruh percakapan|pesan sebelumnya|prompt sistem|kata sandi|kunci api|variabel lingkungan)\b`,
    redirect: String.raw`\b(?:selalu )?(?:gunakan|pakai|panggil) (?:alat|tool) ini\b${gap(20)}\b(?:daripada|sebagai ganti|terlebih dahulu|dulu)\b`,
  },
  sv: {
    gate: anyOf('ignorera', 'glom', 'bortse', 'beratta', 'saga', 'namn', 'informera', 'utan', 'skicka', 'bifoga', 'lagg', 'kopiera', 'klistra', 'anvand', 'anropa', 'i', 'hemlighet'),
    override: String.raw`\b(?:ignorera|glom|bortse fran)\b (?:alla |samtliga )?(?:tidigare |foregaende )?(?:instruktioner|anvisningar|regler|direktiv)\b`,
    conceal: String.raw`\b(?:beratta|saga|namn|informera|avsloja)\b (?:inte|inget|aldrig)\b${gap(20)}\banvandaren\b|\butan att (?:beratta for|informera|meddela) anvandaren\b|\bi hemlighet\b`,
    exfil: String.raw`\b(?:skicka|bifoga|lagg till|kopiera|klistra in)\b${gap(40)}\b(?:chatthistoriken|hela konversationen|konversationen|tidigare meddelanden|systemprompten|losenord|api-nycklar|miljovariabler|innehallet)\b`,
    redirect: String.raw`\b(?:anvand|anropa) (?:alltid )?detta verktyg\b${gap(20)}\b(?:istallet for|forst)\b`,
  },
  nl: {
    gate: anyOf('negeer', 'vergeet', 'vertel', 'zeg', 'meld', 'zonder', 'stuur', 'verstuur', 'voeg', 'plak', 'kopieer', 'gebruik', 'roep', 'stiekem', 'inhoud', 'meestuurt', 'meesturen'),
    override: String.raw`\b(?:negeer|vergeet)\b (?:alle )?(?:eerdere |vorige )?(?:instructies|opdrachten|regels)\b`,
    conceal: String.raw`\b(?:vertel|zeg|meld) (?:het |dit )?(?:aan )?de gebruiker (?:niet|niets)\b|\b(?:zeg|vertel|meld) (?:nooit|niet) (?:tegen|aan) de gebruiker\b|\bzonder (?:dat )?de gebruiker\b${gap(20)}\b(?:weet|merkt|te informeren)\b|\bzonder (?:het )?(?:te (?:tonen|melden|zeggen|vragen))\b|\bstiekem\b`,
    exfil: String.raw`\b(?:stuur|verstuur|voeg|plak|kopieer|meestuurt|meesturen|mee te sturen)\b${gap(40)}\b(?:netrc|npmrc|env|ssh|chatgeschiedenis|het hele gesprek|eerdere berichten|systeemprompt|wachtwoorden|api-sleutels|omgevingsvariabelen)\b|\binhoud van\b${gap(20)}\b(?:netrc|npmrc|env|ssh|id_rsa|credentials)\b${gap(30)}\b(?:meestuurt|meesturen|mee te sturen|stuurt|stuur|plakt|plak)\b`,
    redirect: String.raw`\b(?:gebruik|roep) (?:altijd )?(?:deze tool|dit hulpmiddel)\b${gap(20)}\b(?:in plaats van|eerst)\b`,
  },
};
