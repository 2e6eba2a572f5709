/**
 * Letters that look like Latin letters but are not (Cyrillic, Greek, Armenian, Cherokee, Lisu,
 * small capitals, …), mapped to the Latin letter they imitate. A curated subset in the spirit of
 * Unicode TR39's confusables; NFKC already folds fullwidth, mathematical and enclosed letters.
 * Case is kept (`Н` → `H`, `н` → `h`) so folding can run before lower-casing.
 */

/** Pairs: each look-alike followed by the Latin letter it imitates. */
const PAIRS =
  'аaеeоoрpсcуyхxіiјjѕsԁdԛqԝwһhӏlвbкkмmнhтtгrпnїiёeьbиuфf' +
  'АAВBЕEКKМMНHОOРPСCТTХXЅSІIЈJԜWУYЁEЇIҺHԀDԚQӀl' +
  'ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXαaβbγyεeηnιiκkνvοoρpτtυuχxωwςcϹCϳj' +
  'օoսuհhոnռnցgզqաwգqՕOՍUԹS' +
  'ɑaɡgɩiʋuƅbıiȷjƍgɔcəeſfᴀaʙbᴄcᴅdᴇeɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzɟjƉDƆCƖl' +
  'ᎪAᏴBᏟCᎠDᎬEᏀGᎻHᎫJᏦKᏞLᎷMᏢPᏚSᎢTᏙVᎳWᎽYᏃZ' +
  'ꓮAꓐBꓚCꓓDꓰEꓖGꓧHꓲIꓙJꓗKꓡLꓟMꓠNꓳOꓑPꓣRꓢSꓔTꓴUꓦVꓪWꓫXꓬYꓜZꓝF';

const TABLE: ReadonlyMap<number, string> = (() => {
  const m = new Map<number, string>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) m.set(chars[i]?.codePointAt(0) ?? 0, chars[i + 1] ?? '');
  return m;
})();

/** The Latin letter `cp` imitates, or undefined when it is not a known look-alike. */
export function confusableLatin(cp: number): string | undefined {
  return TABLE.get(cp);
}
