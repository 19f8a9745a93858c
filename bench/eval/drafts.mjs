// The labelled drafts: en/de/zh chat messages and code snippets (config files, shell commands,
// JSON, SQL, logs), each from one *class* — a way people write a kind of value (issue 14's
// items 1–13 and the plain forms the fixtures cover) or a hard negative (a draft with nothing
// sensitive in it, built to look like something). Written from the issue and the identifiers'
// specifications, not from what draftguard finds: a class is not dropped or reshaped because
// the engine misses it.
//
// A draft is { id, cls, lang, text, labels: [{ kind, start, end }], bait? }: `start`/`end` are
// UTF-16 code units (JavaScript string indexes, as the engine's findings are). A hard negative
// has no labels and names the kind it is bait for in `bait`.
import { rng, subSeed, BASE62 } from './rng.mjs';
import * as V from './values.mjs';

class Draft {
  constructor(lang) {
    this.lang = lang;
    this.text = '';
    this.labels = [];
  }
  /**
   * Appends `template` with each `{}` replaced by the next [kind, value] pair; a pair's value
   * is labelled with its kind (kind null: plain text).
   */
  say(template, ...pairs) {
    const parts = template.split('{}');
    parts.forEach((part, i) => {
      this.text += part;
      if (i < pairs.length) {
        const [kind, value] = pairs[i];
        const start = this.text.length;
        this.text += value;
        if (kind) this.labels.push({ kind, start, end: this.text.length });
      }
    });
    return this;
  }
}

const OPEN = {
  en: ['', '', 'Hi Sam, ', 'Quick one: ', 'Hey, ', 'Morning! ', 'FYI ', 'As discussed, '],
  de: ['', '', 'Hallo Jana, ', 'Kurze Info: ', 'Hi, ', 'Moin! ', 'Wie besprochen: '],
  zh: ['', '', '你好，', '麻烦看一下：', '早上好！', '补充一下，'],
};
const CLOSE = {
  en: ['', '', ' Thanks!', ' Cheers', ' Let me know if that works.', ' See you tomorrow.'],
  de: ['', '', ' Danke!', ' Viele Grüße', ' Melde dich, wenn was fehlt.'],
  zh: ['', '', '谢谢！', '有问题再联系。', '辛苦了。'],
};

/** A chat message in `lang`: an opening, the template, a closing. */
function chat(r, lang, template, ...pairs) {
  const d = new Draft(lang);
  d.say(r.pick(OPEN[lang]));
  d.say(template, ...pairs);
  d.say(r.pick(CLOSE[lang]));
  return d;
}
const code = (template, ...pairs) => new Draft('code').say(template, ...pairs);

/** Ways a value is wrapped and what follows it (issue 14 item 5). */
const WRAPS = [["'", "'"], ['"', '"'], ['`', '`'], ['(', ')'], ['[', ']'], ['<', '>'], ['{', '}'], ['', '']];
const AFTER = [',', ';', ':', '.', '!', '?', '。', '，', '；', '：', '！', '？', '、', ''];

// ---- printing helpers ------------------------------------------------------------------------

const ibanPrint = {
  groups: (v) => V.fours(v.compact),
  compact: (v) => v.compact,
  lower: (v) => V.fours(v.compact).toLowerCase(),
  space_after_country: (v) => `${v.cc} ${v.check} ${V.fours(v.bban)}`,
  national_groups: (v) => `${v.cc}${v.check} ${v.national}`,
  national_space_after_country: (v) => `${v.cc} ${v.check} ${v.national}`,
  dashes: (v) => V.fours(v.compact, '-'),
  dots: (v) => V.fours(v.compact, '.'),
};

/** A card number as printed: groups of four (4-4-4-4-3 for 19), Amex 4-6-5, Diners 4-6-4, or contiguous. */
const cardPrint = (r, v) => r.pick([
  () => v,
  ...(v.length === 16 || v.length === 19 ? [() => V.fours(v), () => V.fours(v), () => V.fours(v, '-')] : []),
  ...(v.length === 15 ? [() => V.group(v, [4, 6, 5])] : []),
  ...(v.length === 14 ? [() => V.group(v, [4, 6, 4])] : []),
])();

// ---- positive classes --------------------------------------------------------------------------
// Each: [class name, weight, (r) => Draft]. The class name starts with the kind.

const CARD_WORDS = {
  en: ['my card number is {}', 'Visa {}', 'card: {}', 'credit card {}', 'pay with card {} please', 'the company card is {}'],
  de: ['meine Kartennummer ist {}', 'Kreditkarte: {}', 'Karte {}', 'Visa-Karte {}', 'bitte mit der Karte {} zahlen'],
  zh: ['我的卡号是{}', '信用卡：{}', '卡号 {}', '银行卡号：{}', '用这张卡付款：{}'],
};
const lang3 = (r) => r.pick(['en', 'de', 'zh']);

const POSITIVE = [
  ['credit_card/plain', 4, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick(CARD_WORDS[lang]), ['credit_card', cardPrint(r, V.card(r).value)]);
  }],
  ['credit_card/no_context', 2, (r) => chat(r, 'en', r.pick(['here it is: {}', 'use {} for the booking', '{} exp 08/29']), ['credit_card', cardPrint(r, V.card(r).value)])],
  ['credit_card/unknown_issuer_after_card_word', 3, (r) => {
    const lang = lang3(r);
    // A card word, not a network name: the network of an unknown-issuer card is not known.
    return chat(r, lang, r.pick(CARD_WORDS[lang].filter((t) => !t.includes('Visa'))), ['credit_card', V.fours(V.unknownIssuerCard(r))]);
  }],
  ['credit_card/maestro_12_digits', 3, (r) => {
    const lang = lang3(r);
    const v = V.luhnNumber(r, r.pick(V.MAESTRO_PREFIXES), 12);
    const t = { en: ['my Maestro card: {}', 'debit card {}'], de: ['Maestro-Karte {}', 'meine EC-Karte: {}'], zh: ['我的Maestro卡号：{}', '借记卡号 {}'] }[lang];
    return chat(r, lang, r.pick(t), ['credit_card', r.chance(0.5) ? V.fours(v) : v]);
  }],
  ['credit_card/in_code', 1, (r) => code(r.pick([
    '{\n  "customer": "c_1042",\n  "card_number": "{}",\n  "exp": "09/28"\n}',
    'INSERT INTO payments (id, card_number, amount) VALUES (17, \'{}\', 42.50);',
    'card_number={}\ncvv=***',
  ]), ['credit_card', V.card(r).value])],

  ...Object.keys(ibanPrint).map((form) => [`iban/${form}`, form === 'groups' ? 4 : 2, (r) => {
    const lang = lang3(r);
    const t = { en: ['please transfer it to IBAN {}', 'my IBAN: {}', 'account {} (IBAN)', 'send the refund to {}'], de: ['bitte überweise an IBAN {}', 'meine IBAN lautet {}', 'Kontoverbindung: {}', 'IBAN: {}'], zh: ['请汇款到IBAN：{}', '我的国际银行账号是{}', '收款账户 IBAN {}'] }[lang];
    return chat(r, lang, r.pick(t), ['iban', ibanPrint[form](V.iban(r))]);
  }]),
  ['iban/in_code', 1, (r) => code(r.pick(['iban: "{}"', '"iban": "{}",', 'UPDATE accounts SET iban = \'{}\' WHERE id = 7;']), ['iban', V.iban(r).compact])],

  ['us_ssn/dashed', 3, (r) => chat(r, 'en', r.pick(['my SSN is {}', 'SSN: {}', 'social security number {}', 'here: {}']), ['us_ssn', fmtSsn(V.ssn(r), '-')])],
  ['us_ssn/labelled_spaced_or_plain', 2, (r) => chat(r, 'en', r.pick(['SSN {}', 'my social security number is {}', 'Social Security No. {}']), ['us_ssn', r.chance(0.5) ? fmtSsn(V.ssn(r), ' ') : V.ssn(r)])],
  ['us_ssn/dots', 2, (r) => chat(r, 'en', r.pick(['SSN {}', 'my SSN: {}', 'social security number {}']), ['us_ssn', fmtSsn(V.ssn(r), '.')])],
  ['us_ssn/de_zh_label', 2, (r) => {
    const lang = r.pick(['de', 'zh']);
    return chat(r, lang, r.pick(lang === 'de' ? ['meine US-Sozialversicherungsnummer: {}', 'SSN (USA) {}'] : ['我的美国社会安全号是{}', '社会安全号码：{}']), ['us_ssn', fmtSsn(V.ssn(r), '-')]);
  }],
  ['us_itin/dashed', 2, (r) => chat(r, 'en', r.pick(['ITIN {}', 'my taxpayer ID is {}', 'use ITIN: {}']), ['us_itin', fmtSsn(V.itin(r), '-')])],
  ['us_aba_routing/labelled', 2, (r) => chat(r, 'en', r.pick(['routing number {}', 'ABA: {}', 'Routing #{} account 000123', 'RTN {}']), ['us_aba_routing', V.aba(r)])],
  ['us_aba_routing/dashes', 2, (r) => chat(r, 'en', r.pick(['routing number {}', 'ABA routing: {}']), ['us_aba_routing', V.group(V.aba(r), [3, 3, 3], '-')])],
  ['us_aba_routing/de_zh_label', 1, (r) => {
    const lang = r.pick(['de', 'zh']);
    return chat(r, lang, r.pick(lang === 'de' ? ['US-Routingnummer {}', 'ABA-Bankleitzahl: {}'] : ['美国银行路由号：{}', 'ABA路由号码 {}']), ['us_aba_routing', V.aba(r)]);
  }],
  ['bank_account/labelled', 2, (r) => {
    const lang = lang3(r);
    const t = { en: ['account number {}', 'acct no. {}'], de: ['Kontonummer {}', 'Konto-Nr.: {}'], zh: ['银行账号：{}', '账号 {}'] }[lang];
    return chat(r, lang, r.pick(t), ['bank_account', String(r.int(1, 9)) + r.digits(r.int(7, 11))]);
  }],

  ['de_tax_id/labelled', 3, (r) => {
    const lang = r.pick(['de', 'de', 'en']);
    const v = V.deTaxId(r);
    const t = lang === 'de' ? ['meine Steuer-ID ist {}', 'Steuerliche Identifikationsnummer: {}', 'IdNr {}', 'Steueridentifikationsnummer {}'] : ['my German tax ID is {}', 'Steuer-ID: {}'];
    return chat(r, lang, r.pick(t), ['de_tax_id', r.chance(0.5) ? V.group(v, [2, 3, 3, 3]) : v]);
  }],
  ['de_tax_id/zh_label', 2, (r) => chat(r, 'zh', r.pick(['我的德国税号是{}', '德国税务识别号：{}', '税号（德国）{}']), ['de_tax_id', V.deTaxId(r)])],
  ['de_tax_id/code_key', 2, (r) => code(r.pick(['tax_id = "{}"', '"taxId": "{}",', 'steuer_id: {}', 'STEUER_ID={}', 'const taxId = \'{}\';']), ['de_tax_id', V.deTaxId(r)])],
  ['uk_nino/spaced', 3, (r) => chat(r, 'en', r.pick(['my NI number is {}', 'National Insurance number: {}', 'NINO {}', '{} is my national insurance no']), ['uk_nino', fmtNino(V.nino(r), 'pairs')])],
  ['uk_nino/compact', 2, (r) => chat(r, 'en', r.pick(['NI number {}', 'my NINO: {}']), ['uk_nino', V.nino(r)])],
  ['uk_nino/other_spacing', 3, (r) => chat(r, 'en', r.pick(['NI number {}', 'National Insurance: {}', 'my NINO is {}']), ['uk_nino', fmtNino(V.nino(r), r.pick(['suffix_apart', 'six_apart']))])],
  ['uk_nino/lower_case', 2, (r) => chat(r, 'en', r.pick(['ni number {}', 'my national insurance number is {}']), ['uk_nino', fmtNino(V.nino(r), r.pick(['pairs', 'compact'])).toLowerCase()])],
  ['uk_nino/de_zh_label', 1, (r) => {
    const lang = r.pick(['de', 'zh']);
    return chat(r, lang, r.pick(lang === 'de' ? ['britische Sozialversicherungsnummer (NINO): {}', 'National-Insurance-Nummer {}'] : ['英国国民保险号：{}', '我的英国社保号是{}']), ['uk_nino', fmtNino(V.nino(r), 'pairs')]);
  }],
  ['es_dni/plain', 2, (r) => {
    const v = V.dni(r);
    return chat(r, r.pick(['en', 'de']), r.pick(['DNI {}', 'mi DNI: {}', 'Spanish ID {}', '{}']), ['es_dni', r.pick([v, v.slice(0, 8) + '-' + v[8], v.slice(0, 8) + ' ' + v[8]])]);
  }],
  ['es_nie/plain', 2, (r) => {
    const v = V.nie(r);
    return chat(r, 'en', r.pick(['NIE {}', 'my NIE number: {}', 'número de extranjero {}']), ['es_nie', r.pick([v, `${v[0]}-${v.slice(1, 8)}-${v[8]}`])]);
  }],
  ['it_fiscal_code/plain', 2, (r) => chat(r, r.pick(['en', 'de']), r.pick(['codice fiscale {}', 'CF: {}', 'my Italian tax code is {}', 'Steuernummer (Italien) {}']), ['it_fiscal_code', V.itFiscal(r)])],
  ['fr_nir/grouped', 2, (r) => {
    const v = V.nir(r);
    return chat(r, 'en', r.pick(['numéro de sécurité sociale {}', 'my French social security number: {}', 'NIR {}']), ['fr_nir', r.chance(0.6) ? V.group(v, [1, 2, 2, 2, 3, 3, 2]) : v]);
  }],
  ['nl_bsn/labelled', 2, (r) => {
    const v = V.bsn(r);
    return chat(r, 'en', r.pick(['BSN {}', 'my burgerservicenummer is {}', 'BSN: {}']), ['nl_bsn', r.pick([v, V.group(v, [4, 2, 3]), V.group(v, [3, 3, 3])])]);
  }],
  ['nl_bsn/dots', 2, (r) => chat(r, 'en', r.pick(['BSN {}', 'burgerservicenummer: {}']), ['nl_bsn', V.group(V.bsn(r), r.pick([[4, 2, 3], [3, 3, 3]]), '.')])],
  ['nl_bsn/de_zh_label', 1, (r) => {
    const lang = r.pick(['de', 'zh']);
    return chat(r, lang, r.pick(lang === 'de' ? ['niederländische Bürgerservicenummer (BSN) {}', 'meine BSN-Nummer: {}'] : ['荷兰公民服务号：{}', '我的BSN号码是{}']), ['nl_bsn', V.bsn(r)]);
  }],
  ['pl_pesel/labelled', 2, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['PESEL {}', 'my PESEL number: {}'], de: ['PESEL-Nummer {}', 'polnische Personennummer (PESEL): {}'], zh: ['波兰身份证号PESEL：{}', 'PESEL号码 {}'] }[lang]), ['pl_pesel', V.pesel(r)]);
  }],
  ['uk_nhs/labelled', 2, (r) => {
    const lang = lang3(r);
    const v = V.nhs(r);
    return chat(r, lang, r.pick({ en: ['NHS number {}', 'my NHS no. is {}'], de: ['NHS-Nummer {}', 'britische Krankenversicherungsnummer (NHS): {}'], zh: ['NHS号码：{}', '英国医保号 {}'] }[lang]), ['uk_nhs', r.pick([v, V.group(v, [3, 3, 4]), V.group(v, [3, 3, 4], '-')])]);
  }],
  ['de_health_insurance/labelled', 2, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['German health insurance number {}', 'KVNR {}'], de: ['Versichertennummer {}', 'Krankenversichertennummer: {}', 'meine KV-Nummer ist {}'], zh: ['德国医保号：{}', '医疗保险号 {}'] }[lang]), ['de_health_insurance', V.kvnr(r)]);
  }],
  ['de_id_card/with_check_digit', 2, (r) => {
    const lang = r.pick(['de', 'en', 'zh']);
    return chat(r, lang, r.pick({ en: ['German ID card number {}', 'Personalausweis {}'], de: ['Ausweisnummer {}', 'Personalausweisnummer: {}', 'mein Perso: {}'], zh: ['德国身份证号：{}', '德国护照号 {}'] }[lang]), ['de_id_card', V.deIdCard(r)]);
  }],
  ['passport_number/labelled', 2, (r) => {
    const lang = lang3(r);
    const [t, v] = r.pick([
      [{ en: 'Chinese passport number {}', de: 'chinesischer Reisepass Nr. {}', zh: '护照号码：{}' }, V.cnPassport(r)],
      [{ en: 'UK passport number {}', de: 'britische Reisepassnummer {}', zh: '英国护照号 {}' }, V.ukPassport(r)],
    ]);
    return chat(r, lang, t[lang], ['passport_number', v]);
  }],
  ['passport_mrz/td3', 2, (r) => chat(r, r.pick(['en', 'de']), r.pick(['scan of my passport:\n{}\n', 'MRZ:\n{}']), ['passport_mrz', V.mrz(r)])],
  ['cn_resident_id/plain', 2, (r) => {
    const v = V.cnId(r);
    return chat(r, 'zh', r.pick(['身份证号：{}', '我的身份证号码是{}', '{}']), ['cn_resident_id', r.chance(0.3) ? V.group(v, [6, 8, 4]) : v]);
  }],
  ['cn_resident_id/first_generation_15_digits', 1, (r) => chat(r, 'zh', r.pick(['身份证号：{}', '老身份证号码 {}', '我的旧身份证是{}']), ['cn_resident_id', V.cnId15(r)])],
  ['in_aadhaar/labelled', 2, (r) => {
    const lang = lang3(r);
    const v = V.aadhaar(r);
    return chat(r, lang, r.pick({ en: ['Aadhaar {}', 'my Aadhaar number is {}'], de: ['Aadhaar-Nummer {}', 'indische Ausweisnummer (Aadhaar): {}'], zh: ['阿达尔号码：{}', '印度身份证号 {}'] }[lang]), ['in_aadhaar', r.pick([V.fours(v), V.fours(v, '-'), v])]);
  }],
  ['in_pan/labelled', 2, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['PAN {}', 'my PAN card number: {}', 'income tax PAN {}'], de: ['PAN-Nummer {}', 'indische Steuernummer (PAN): {}'], zh: ['印度税号PAN：{}', 'PAN卡号 {}'] }[lang]), ['in_pan', V.pan(r)]);
  }],
  ['br_cpf/printed', 2, (r) => {
    const v = V.cpf(r);
    return chat(r, 'en', r.pick(['CPF {}', 'my CPF is {}', '{}']), ['br_cpf', `${v.slice(0, 3)}.${v.slice(3, 6)}.${v.slice(6, 9)}-${v.slice(9)}`]);
  }],
  ['br_cnpj/printed', 1, (r) => {
    const v = V.cnpj(r);
    return chat(r, 'en', r.pick(['CNPJ {}', 'company CNPJ: {}']), ['br_cnpj', `${v.slice(0, 2)}.${v.slice(2, 5)}.${v.slice(5, 8)}/${v.slice(8, 12)}-${v.slice(12)}`]);
  }],
  ['ca_sin/labelled', 2, (r) => chat(r, 'en', r.pick(['SIN {}', 'my social insurance number is {}', 'Canadian SIN: {}']), ['ca_sin', V.group(V.sin(r), [3, 3, 3], r.pick([' ', '-', ' ']))])],
  ['us_medicare_mbi/labelled', 2, (r) => chat(r, 'en', r.pick(['Medicare number {}', 'MBI: {}', 'my Medicare ID is {}']), ['us_medicare_mbi', V.mbi(r)])],
  ['us_medicare_mbi/dashes', 2, (r) => {
    const v = V.mbi(r);
    return chat(r, 'en', r.pick(['Medicare number {}', 'MBI {}']), ['us_medicare_mbi', V.group(v, [4, 3, 4], '-')]);
  }],
  ['us_medicare_mbi/de_zh_label', 2, (r) => {
    const lang = r.pick(['de', 'zh']);
    return chat(r, lang, r.pick(lang === 'de' ? ['US-Medicare-Nummer {}', 'Medicare-Versichertennummer: {}'] : ['美国联邦医疗保险号：{}', '我的美国医保卡号是{}']), ['us_medicare_mbi', V.mbi(r)]);
  }],
  ['us_passport/labelled', 2, (r) => chat(r, 'en', r.pick(['US passport number {}', 'my passport no. is {} (USA)', 'U.S. passport: {}']), ['us_passport', V.usPassport(r)])],
  ['us_drivers_license/labelled', 2, (r) => chat(r, 'en', r.pick(["California driver's license {}", 'driver license number: {}', 'my DL is {}']), ['us_drivers_license', V.caDriversLicense(r)])],

  // Item 9: labels in German and Chinese for kinds that are reported only with context.
  ['ca_sin/de_zh_label', 2, (r) => {
    const lang = r.pick(['de', 'zh']);
    return chat(r, lang, r.pick(lang === 'de' ? ['kanadische Sozialversicherungsnummer (SIN) {}', 'meine SIN: {}'] : ['加拿大社会保险号：{}', '我的SIN号码是{}']), ['ca_sin', V.group(V.sin(r), [3, 3, 3])]);
  }],
  ['us_passport/de_zh_label', 1, (r) => {
    const lang = r.pick(['de', 'zh']);
    return chat(r, lang, r.pick(lang === 'de' ? ['US-Reisepassnummer {}', 'amerikanischer Reisepass: {}'] : ['美国护照号：{}', '我的美国护照号码是{}']), ['us_passport', V.usPassport(r)]);
  }],
  ['us_drivers_license/de_zh_label', 1, (r) => {
    const lang = r.pick(['de', 'zh']);
    return chat(r, lang, r.pick(lang === 'de' ? ['US-Führerschein (Kalifornien) {}', 'Führerscheinnummer aus den USA: {}'] : ['美国驾照号：{}', '加州驾驶证号码 {}']), ['us_drivers_license', V.caDriversLicense(r)]);
  }],

  // Item 8: the label wins where two kinds' shapes overlap.
  ['us_passport/label_wins_over_de_id_card', 2, (r) => chat(r, 'en', r.pick(['US passport number {}', 'U.S. passport no. {}']), ['us_passport', r.pick([...'CFGHJKLMNPRTVWXYZ']) + r.digits(8)])],
  ['ca_sin/label_wins_over_us_ssn', 2, (r) => chat(r, r.pick(['de', 'en']), r.pick(['kanadische Sozialversicherungsnummer (SIN): {}', 'Canadian social insurance number {}']), ['ca_sin', sinLikeSsn(r)])],
  ['nl_bsn/label_wins_over_us_ssn', 1, (r) => chat(r, 'en', r.pick(['Dutch BSN {}', 'BSN: {}']), ['nl_bsn', V.bsn(r)])],
  ['pl_pesel/label_wins_over_de_tax_id', 1, (r) => chat(r, r.pick(['de', 'en']), r.pick(['PESEL: {}', 'polnische PESEL {}']), ['pl_pesel', V.pesel(r)])],
  ['passport_number/label_wins_over_us_passport', 1, (r) => chat(r, 'en', r.pick(['UK passport number {}', 'British passport no. {}']), ['passport_number', V.ukPassport(r)])],
  ['de_health_insurance/label_wins_over_de_id_card', 1, (r) => chat(r, 'de', r.pick(['Krankenversichertennummer {}', 'Versichertennummer: {}']), ['de_health_insurance', kvnrInIdAlphabet(r)])],
  ['uk_nhs/label_wins_over_phone', 1, (r) => chat(r, 'en', r.pick(['NHS number {}', 'NHS no: {}']), ['uk_nhs', V.group(V.nhs(r), [3, 3, 4])])],

  // Item 4: keys in code carry the context.
  ['us_ssn/code_key', 2, (r) => code(r.pick(['SSN_NUMBER={}', 'ssn: "{}"', '"socialSecurityNumber": "{}",', 'user.ssn = \'{}\'']), ['us_ssn', V.ssn(r)])],
  ['us_ssn/function_argument', 1, (r) => code(r.pick(['verify_identity(name="T. Park", ssn="{}")', 'lookupCustomer({ ssn: \'{}\' })', 'check_ssn({})']), ['us_ssn', V.ssn(r)])],
  ['us_ssn/sql_columns', 2, (r) => code('INSERT INTO customers (name, ssn, email) VALUES (\'{}\', \'{}\', \'{}\');', [null, r.pick(['Ann Lee', 'Tom Park'])], ['us_ssn', V.ssn(r)], ['email', V.email(r)])],
  ['iban/kebab_key', 1, (r) => code(r.pick(['iban-code: {}', '--iban-code={}']), ['iban', V.iban(r).compact])],
  ['phone/json_key', 2, (r) => code(r.pick(['{"name": "L. Weber", "phone": "{}"}', '"phone": "{}",', 'phoneNumber: \'{}\'', 'mobile_phone={}']), ['phone', V.phone(r)[1]])],

  // Item 5: quotes, brackets and trailing punctuation never hide a value.
  ['wrapped/mixed', 6, (r) => {
    const [kind, value] = r.pick([
      () => ['email', V.email(r)],
      () => ['credit_card', cardPrint(r, V.card(r).value)],
      () => ['iban', V.fours(V.iban(r).compact)],
      () => ['us_ssn', fmtSsn(V.ssn(r), '-')],
      () => ['uk_nino', fmtNino(V.nino(r), 'pairs')],
      () => ['phone', V.phone(r)[1]],
      () => ['api_key', V.githubToken(r)],
      () => ['jwt', V.jwt(r)],
      () => ['ip_address', V.publicIp(r)],
      () => ['es_dni', V.dni(r)],
    ])();
    const [open, close] = r.pick(WRAPS);
    const lang = lang3(r);
    const lead = { en: ['see ', 'it is ', 'value: ', ''], de: ['siehe ', 'das ist ', 'Wert: ', ''], zh: ['是', '见', '内容：', ''] }[lang];
    const d = new Draft(lang);
    d.say(r.pick(lead) + open + '{}' + close + r.pick(AFTER), [kind, value]);
    return d;
  }],

  ['wrapped/labelled', 3, (r) => {
    // Kinds reported only next to their label: the label, then the value wrapped.
    const [kind, label, value] = r.pick([
      () => ['de_tax_id', r.pick(['Steuer-ID:', '税号：']), V.deTaxId(r)],
      () => ['nl_bsn', 'BSN:', V.bsn(r)],
      () => ['uk_nhs', 'NHS number', V.group(V.nhs(r), [3, 3, 4])],
      () => ['ca_sin', 'SIN', V.group(V.sin(r), [3, 3, 3])],
      () => ['us_aba_routing', 'routing number', V.aba(r)],
      () => ['password', r.pick(['password:', 'Passwort:', '密码：']), V.password(r).replace(/[()[\]<>{}'"`]/g, '#')],
      () => ['in_pan', 'PAN', V.pan(r)],
      () => ['us_medicare_mbi', 'Medicare number', V.mbi(r)],
    ])();
    const [open, close] = r.pick(WRAPS);
    const d = new Draft(/[\u4e00-\u9fff]/.test(label) ? 'zh' : 'en');
    return d.say(`${label} ${open}{}${close}${r.pick(AFTER)}`, [kind, value]);
  }],

  // Passwords (item 3).
  ['password/assignment', 3, (r) => code(r.pick(['password: {}', 'DB_PASSWORD={}', '"password": "{}",', 'passwd = {}', 'MYSQL_ROOT_PASSWORD={}', 'spring.datasource.password={}']), ['password', V.password(r)])],
  ['password/prose', 3, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['my password is {}', 'the wifi password is {}', 'password: {}'], de: ['mein Passwort ist {}', 'Das Kennwort lautet {}', 'Passwort: {}'], zh: ['我的密码是{}', '密码：{}', '口令：{}'] }[lang]), ['password', V.password(r)]);
  }],
  ['password/passphrase', 3, (r) => {
    const lang = lang3(r);
    const sep = r.pick(['-', '_', '.', ' ']);
    return chat(r, lang, r.pick({ en: ['password: {}', 'my password is {}'], de: ['Passwort: {}', 'mein Passwort ist {}'], zh: ['密码：{}', '我的密码是{}'] }[lang]), ['password', V.passphrase(r, sep)]);
  }],
  ['password/weak_labelled', 3, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['password: {}', 'the password is {}', 'login admin / password {}'], de: ['Passwort: {}', 'das Passwort ist {}'], zh: ['密码：{}', '密码是{}'] }[lang]), ['password', V.weakPassword(r)]);
  }],
  ['password/label_without_colon', 4, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['temp password {}', 'the password is {}', 'pw {}', 'new password {} - change it after login'], de: ['Passwort lautet {}', 'das Passwort lautet {}', 'neues Passwort {}', 'Kennwort {}'], zh: ['密码是{}', '我的密码：{}', '初始密码{}', '临时密码 {}'] }[lang]), ['password', V.password(r)]);
  }],
  ['password/command', 4, (r) => {
    const pw = V.password(r).replace(/[!#$&*?^~]/g, '%');
    return code(r.pick([
      'curl -u deploy:{} https://api.internal.acme.io/v1/status',
      'mysql -uroot -p{} shop',
      'sshpass -p {} ssh admin@10.0.4.12',
      'docker login -u ci-bot -p {} registry.acme.io',
      'PGPASSWORD={} psql -h db.acme.io -U app orders',
      'mysql -u root -p{} -e "show databases"',
    ]), ['password', pw]);
  }],
  ['password/ini_yaml', 2, (r) => code(r.pick(['[database]\nhost = db1\nuser = app\npassword = {}\n', 'db:\n  user: app\n  password: {}\n', 'export ADMIN_PASS={}']), ['password', V.password(r)])],
  ['connection_string/url', 3, (r) => {
    const [scheme, host] = r.pick([['postgres', 'db.internal:5432/orders'], ['mysql', 'mysql.acme.io:3306/shop'], ['mongodb+srv', 'cluster0.x1y2z.mongodb.net/app'], ['redis', 'cache.acme.io:6379/0'], ['amqp', 'mq.acme.io:5672/%2f']]);
    return code(r.pick([`DATABASE_URL=${scheme}://app:{}@${host}`, `"url": "${scheme}://svc:{}@${host}"`, `connect to ${scheme}://admin:{}@${host} and run the migration`]), ['connection_string', V.password(r).replace(/[#?@/%]/g, 'x')]);
  }],
  // A token in a git URL's userinfo is the URL's password (connection_string); a token in a
  // provider's format is an api_key wherever it stands (as in wrapped/mixed, api_key/provider):
  // a GitHub token does not change kind inside a URL.
  ['connection_string/git_clone_token', 1, (r) => code('git clone https://jdoe:{}@git.acme.io/team/app.git', ['connection_string', V.genericSecret(r)])],
  ['api_key/git_clone_provider_token', 1, (r) => code('git clone https://jdoe:{}@git.acme.io/team/app.git', ['api_key', V.githubToken(r)])],
  ['connection_string/ado_net', 1, (r) => code('Server=sql01;Database=crm;User Id=crm_app;Password={};', ['connection_string', V.password(r).replace(/[;]/g, 'x')])],

  // API keys and other credentials.
  ['api_key/provider', 5, (r) => {
    const [, v] = V.providerToken(r);
    return r.chance(0.5) ? code(r.pick(['token: {}', 'export TOKEN={}', 'curl -H "Authorization: token {}" https://api.acme.io/user']), ['api_key', v])
      : (() => {
        const lang = lang3(r);
        return chat(r, lang, r.pick({ en: ['{}', 'here is the key {}'], de: ['der Token: {}', 'hier der Schlüssel {}'], zh: ['密钥是 {}', '令牌：{}'] }[lang]), ['api_key', v]);
      })();
  }],
  ['api_key/new_formats', 4, (r) => {
    const [, v] = V.newToken(r);
    return code(r.pick(['export FLY_API_TOKEN="{}"', 'SLACK_REFRESH_TOKEN={}', 'token: {}', 'webhook: {}', 'curl -X POST {} -d @payload.json']), ['api_key', v]);
  }],
  ['api_key/vault_legacy_token', 2, (r) => code(r.pick(['export VAULT_TOKEN={}', 'vault login {}', 'curl -H "X-Vault-Token: {}" https://vault.acme.io/v1/secret/app']), ['api_key', 's.' + r.chars(BASE62, 24)])],
  ['generic_secret/key_value', 3, (r) => code(r.pick(['SECRET_KEY = "{}"', '"clientSecret": "{}",', 'api_key: {}', 'Authorization: Bearer {}', 'x-api-key: {}', 'encryption_key={}']), ['generic_secret', V.genericSecret(r)])],
  ['generic_secret/prose', 1, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['the API key is {}'], de: ['der Schlüssel lautet {}'], zh: ['令牌是{}', '密钥：{}'] }[lang]), ['generic_secret', V.genericSecret(r)]);
  }],
  ['jwt/plain', 2, (r) => {
    if (r.chance(0.5)) return code('Authorization: Bearer {}', ['jwt', V.jwt(r)]);
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['token {}', '{}'], de: ['mein Token: {}'], zh: ['令牌：{}'] }[lang]), ['jwt', V.jwt(r)]);
  }],
  ['private_key/pem', 2, (r) => chat(r, 'en', r.pick(['here is the deploy key:\n{}\n', '{}']), ['private_key', V.privateKey(r)])],
  ['seed_phrase/bip39', 2, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['my recovery phrase: {}', 'seed: {}'], de: ['meine Wiederherstellungsphrase: {}', 'Seed-Phrase {}'], zh: ['助记词：{}', '我的钱包助记词是 {}'] }[lang]), ['seed_phrase', V.seedPhrase(r)]);
  }],

  // Confidential markers, medical information.
  ['confidential_marker/stamp', 3, (r) => {
    const [lang, t] = r.pick([
      ['en', '{}\nQ3 board memo - do not forward.'], ['en', '{} - draft term sheet attached'], ['en', 'Subject: [{}] layoffs plan'],
      ['de', '{}\nProtokoll der Vorstandssitzung'], ['de', 'Betreff: {} – Gehaltsliste'],
      ['zh', '【{}】关于裁员的通知'], ['zh', '{}文件，请勿外传'],
    ]);
    const marker = { en: ['CONFIDENTIAL', 'STRICTLY CONFIDENTIAL', 'INTERNAL USE ONLY', 'TLP:RED', 'ATTORNEY-CLIENT PRIVILEGED'], de: ['VERTRAULICH', 'Streng vertraulich', 'Nur für den internen Gebrauch', 'VS-NfD'], zh: ['机密', '绝密', '内部资料'] }[lang];
    const d = new Draft(lang);
    return d.say(t, ['confidential_marker', r.pick(marker)]);
  }],
  ['medical/diagnosis', 3, (r) => {
    const lang = lang3(r);
    const [t, term] = r.pick({
      en: [['I was diagnosed with {} last year', r.pick(['diabetes', 'depression', 'asthma', 'epilepsy', 'HIV'])], ['my doctor put me on {} last week', r.pick(['sertraline', 'metformin', 'insulin'])], ['diagnosis: {}', r.pick(['F32.1', 'E11.9', 'J45.0'])]],
      de: [['ich habe {}, deshalb fehle ich morgen', r.pick(['Diabetes', 'Depressionen', 'Asthma', 'Epilepsie'])], ['Diagnose: {}', r.pick(['F32.1', 'E11.9', 'J45.0'])]],
      zh: [['我有{}，明天请假', r.pick(['糖尿病', '抑郁症', '哮喘', '高血压'])], ['诊断：{}', r.pick(['F32.1', 'E11.9'])]],
    }[lang]);
    return chat(r, lang, t, ['medical', term]);
  }],

  // Contact details (item 6 and the plain forms).
  ['email/plain', 3, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['mail me at {}', 'my email is {}', 'contact: {}'], de: ['schreib mir an {}', 'E-Mail: {}'], zh: ['邮箱：{}', '发邮件到{}'] }[lang]), ['email', V.email(r)]);
  }],
  ['email/single_quoted', 2, (r) => code(r.pick(["send_mail(to='{}')", "user.email = '{}'", "WHERE email = '{}';"]), ['email', V.email(r)])],
  ...['us_parens', 'us_dashes', 'us_e164', 'us_dotted', 'de_national', 'de_e164', 'de_00', 'uk_trunk_0', 'uk_00', 'uk_mobile', 'fr_pairs', 'cn_mobile_spaced', 'cn_mobile_plain', 'cn_mobile_86', 'cn_mobile_86_plain', 'ch_e164'].map((form) => [`phone/${form}`, 1, (r) => {
    let p;
    do p = V.phone(r); while (p[0] !== form);
    const lang = form.startsWith('cn') ? r.pick(['zh', 'zh', 'en']) : form.startsWith('de') ? r.pick(['de', 'en']) : r.pick(['en', 'de']);
    return chat(r, lang, r.pick({ en: ['call me at {}', 'my number: {}', 'phone {}'], de: ['ruf mich an: {}', 'Tel. {}', 'meine Handynummer ist {}'], zh: ['我的手机号是{}', '电话：{}', '联系方式 {}'] }[lang]), ['phone', p[1]]);
  }]),
  ['ip_address/public', 2, (r) => r.chance(0.5) ? chat(r, 'en', r.pick(['the server is at {}', 'my home IP is {}', 'ssh into {} and restart it']), ['ip_address', r.chance(0.8) ? V.publicIp(r) : V.publicIpv6(r)])
    : code(r.pick(['[Fri Jun 12 10:14:03] client {} denied by rule', 'upstream backend { server {}:8080; }', 'Host prod\n  HostName {}\n  User deploy']), ['ip_address', V.publicIp(r)])],

  // A draft with several values.
  ['mixed/several_values', 3, (r) => {
    const lang = lang3(r);
    const v = V.iban(r);
    return chat(r, lang, { en: 'New supplier: IBAN {}, contact {}, phone {}.', de: 'Neuer Lieferant: IBAN {}, Kontakt {}, Tel. {}.', zh: '新供应商：IBAN {}，邮箱 {}，电话 {}。' }[lang], ['iban', V.fours(v.compact)], ['email', V.email(r)], ['phone', V.phone(r)[1]]);
  }],
];

// ---- hard negatives ----------------------------------------------------------------------------
// Each: [class name, bait kind, weight, (r) => Draft without labels].

const failLuhn = (r, prefix, n) => {
  const v = V.luhnNumber(r, prefix, n);
  return v.slice(0, -1) + ((+v.slice(-1) + r.int(1, 9)) % 10);
};
const NEGATIVE = [
  ['card_luhn_fails', 'credit_card', 3, (r) => chat(r, lang3(r), r.pick(['card {}', 'Kartennummer {}', '卡号 {}']), [null, V.fours(failLuhn(r, '4', 16))])],
  ['order_number_grouped', 'credit_card', 4, (r) => {
    // A card-valid run of 16 digits inside a longer number written in groups.
    const v = V.card(r, V.NETWORKS[0]).value.padEnd(16, '0').slice(0, 16) + r.digits(r.pick([4, 6]));
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['order number {} shipped today', 'tracking no. {}'], de: ['Bestellnummer {} ist unterwegs', 'Sendungsnummer {}'], zh: ['订单号 {} 已发货', '快递单号：{}'] }[lang]), [null, V.fours(v)]);
  }],
  ['membership_18_digits', 'credit_card', 3, (r) => chat(r, lang3(r), r.pick(['membership no. {}', 'Mitgliedsnummer {}', '会员号 {}']), [null, r.chance(0.5) ? V.luhnNumber(r, '4', 18) : V.group(V.luhnNumber(r, '4', 18), [4, 4, 4, 4, 2])])],
  ['tracking_number_phone_inside', 'phone', 3, (r) => chat(r, lang3(r), r.pick(['tracking {}', 'Sendungsnummer: {}', '运单号 {}']), [null, `00${r.digits(2)} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)}`])],
  ['iban_check_fails', 'iban', 3, (r) => {
    const v = V.iban(r);
    const bad = v.cc + String((+v.check + r.int(1, 50)) % 97 + 2).padStart(2, '0').slice(-2) + v.bban;
    return chat(r, lang3(r), r.pick(['IBAN {}', 'bitte an {} überweisen', '账户 {}']), [null, V.fours(bad === v.compact ? v.cc + '00' + v.bban : bad)]);
  }],
  ['ssn_invalid_area', 'us_ssn', 2, (r) => chat(r, 'en', r.pick(['SSN {}', 'ticket {}', 'case {}']), [null, `${r.pick(['000', '666'])}-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`])],
  ['dates_times_versions', 'phone', 4, (r) => {
    const d = `${r.int(2019, 2026)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    return r.pick([
      () => chat(r, 'en', 'released {} as v{}.{}.{} (build {})', [null, d], [null, r.int(1, 9)], [null, r.int(0, 30)], [null, r.int(0, 40)], [null, r.digits(8)]),
      () => chat(r, 'de', 'Termin am {}.{}.{} um {}:{} Uhr', [null, String(r.int(1, 28)).padStart(2, '0')], [null, String(r.int(1, 12)).padStart(2, '0')], [null, r.int(2024, 2027)], [null, r.int(8, 18)], [null, r.pick(['00', '15', '30', '45'])]),
      () => chat(r, 'zh', '会议时间：{}年{}月{}日 {}:00，版本 {}.{}.{}', [null, r.int(2024, 2027)], [null, r.int(1, 12)], [null, r.int(1, 28)], [null, r.int(8, 18)], [null, r.int(1, 5)], [null, r.int(0, 20)], [null, r.int(0, 9)]),
      () => code('{} 10:{}:{}.{} INFO worker-{} processed batch {} in {} ms', [null, d], [null, r.int(10, 59)], [null, r.int(10, 59)], [null, r.digits(3)], [null, r.int(1, 8)], [null, r.digits(9)], [null, r.int(5, 900)]),
    ])();
  }],
  ['hashes_uuids', 'generic_secret', 4, (r) => {
    const hex = (n) => r.chars('0123456789abcdef', n);
    return r.pick([
      () => code('commit {}\nAuthor: Jana Koch\nDate:   Tue Jun 9 2026\n\n    fix flaky test', [null, hex(40)]),
      () => code('sha256sum release.tar.gz\n{}  release.tar.gz', [null, hex(64)]),
      () => code('"id": "{}-{}-4{}-a{}-{}",', [null, hex(8)], [null, hex(4)], [null, hex(3)], [null, hex(3)], [null, hex(12)]),
      () => chat(r, 'en', 'the request id was {}-{}-{}-{}-{}, can you check the logs?', [null, hex(8)], [null, hex(4)], [null, hex(4)], [null, hex(4)], [null, hex(12)]),
      () => code('integrity: "sha512-{}=="', [null, r.chars(BASE62 + '+/', 86)]),
    ])();
  }],
  ['doc_examples', 'password', 5, (r) => r.pick([
    () => chat(r, 'en', 'for example, write to {}@example.com', [null, r.pick(['jane.doe', 'user', 'alice'])]),
    () => chat(r, 'en', 'e.g. "password: {}" (not my real password)', [null, V.password(r)]),
    () => code('>>> guard.scan("card {}")\n[Finding(kind=\'credit_card\')]', [null, V.fours(V.card(r).value)]),
    () => code('EXAMPLES\n       Connect as root:\n\n           mysql -u root -p{} test\n', [null, V.password(r).replace(/[!#$&*?^~]/g, 'x')]),
    () => code('# sample config\nuser = bob\npass = p4ssw0rd\n'),
    () => code('Example:\n  $ curl -u alice:{} https://api.example.com/', [null, r.pick(['secret', 'password', 'hunter2'])]),
  ])()],
  ['forgot_password', 'password', 3, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['I forgot my password again', 'the password is required', 'reset your password via the link', 'password must be at least 12 characters'], de: ['ich habe mein Passwort vergessen', 'Passwort ist erforderlich', 'Passwort zurücksetzen bitte'], zh: ['我忘记密码了', '密码不能为空', '请重置密码'] }[lang]));
  }],
  ['cjk_compounds', 'confidential_marker', 3, (r) => chat(r, 'zh', r.pick(['数据的机密性很重要', '请生成一个秘密鍵', '保密性和完整性是安全的基础', '这篇文章讨论了信息的机密性与可用性', '秘密鍵を安全に保管してください'])) ],
  ['constant_flag', 'confidential_marker', 3, (r) => chat(r, 'en', r.pick(['set the CONFIDENTIAL flag on the ticket type', 'we check INTERNAL_ONLY in the ACL', 'the enum has PUBLIC, CONFIDENTIAL and SECRET values', 'rename the CONFIDENTIAL constant']))],
  ['token_placeholders', 'api_key', 3, (r) => code(r.pick(['API_KEY=YourApiKey', 'token: ghp_YourTokenHere', 'export SLACK_TOKEN=xoxb-your-token-here', 'Authorization: Bearer <YOUR_ACCESS_TOKEN>', 'STRIPE_KEY=sk_live_YourSecretKeyGoesHere', 'apiKey: "InsertYourKeyHere"']))],
  ['nine_digit_references', 'us_aba_routing', 3, (r) => chat(r, lang3(r), r.pick(['ticket {} is closed', 'Rechnung Nr. {}', '工单号 {}', 'invoice {} paid']), [null, String(r.int(1, 9)) + r.digits(8)])],
  ['eleven_digit_references', 'de_tax_id', 3, (r) => chat(r, lang3(r), r.pick(['customer no. {}', 'Kundennummer {}', '客户编号 {}']), [null, String(r.int(1, 9)) + r.digits(10)])],
  ['private_and_doc_ips', 'ip_address', 3, (r) => code(r.pick(['server 192.168.{}.{}', 'listen 10.{}.{}.1:8080', 'ping 127.0.0.{}{}', 'gateway 172.16.{}.{}', 'nameserver 8.8.8.8 # {}{}']), [null, r.int(0, 255)], [null, r.int(1, 254)])],
  ['prices_isbn_ports', 'phone', 3, (r) => r.pick([
    () => chat(r, 'de', 'Angebot: {}.{},{} € netto', [null, r.int(1, 99)], [null, r.digits(3)], [null, r.digits(2)]),
    () => chat(r, 'en', 'ISBN 978-{}-{}-{}-{}', [null, r.int(0, 9)], [null, r.digits(3)], [null, r.digits(5)], [null, r.int(0, 9)]),
    () => code('ports: ["{}:{}"]', [null, r.int(1024, 65535)], [null, r.int(1024, 65535)]),
    () => chat(r, 'zh', '总价 {},{}.{} 元', [null, r.int(1, 999)], [null, r.digits(3)], [null, r.digits(2)]),
  ])()],
  ['medical_lookalikes', 'medical', 2, (r) => chat(r, r.pick(['en', 'de']), r.pick(['the Great Depression hit in 1929', 'a tropical depression formed near Guam', 'her star sign is Cancer', 'Sternzeichen Krebs, Aszendent Löwe', 'error E11 on the washing machine']))],
  ['plain_prose', 'phone', 4, (r) => {
    const lang = lang3(r);
    return chat(r, lang, r.pick({ en: ['can we move the sync to 3pm? room 4.12 is booked', 'the build takes 12 minutes on 2 cores', 'see section 3.2.1 of the RFC', 'we sold 1,204 units in Q2'], de: ['Können wir das Meeting auf 15 Uhr verschieben?', 'Raum 2.041 ist frei', 'Lieferung in KW 24, 3 Paletten à 120 kg'], zh: ['明天下午三点开会', '第3.2节有说明', '本季度销售了1204台'] }[lang]));
  }],
];

// ---- the corpus ----------------------------------------------------------------------------

const ssnGroups = (s) => [s.slice(0, 3), s.slice(3, 5), s.slice(5)];
function fmtSsn(s, sep) {
  return ssnGroups(s).join(sep);
}
function fmtNino(v, form) {
  const [p, d, s] = [v.slice(0, 2), v.slice(2, 8), v[8]];
  return {
    pairs: `${p} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${s}`,
    compact: v,
    suffix_apart: `${p}${d} ${s}`,
    six_apart: `${p} ${d} ${s}`,
  }[form];
}
/** Nine Luhn-valid digits that are also a valid SSN (the SIN–SSN overlap of item 8). */
function sinLikeSsn(r) {
  for (;;) {
    const v = V.sin(r);
    if (!v.startsWith('9') && v.slice(0, 3) !== '666' && v.slice(3, 5) !== '00' && v.slice(5) !== '0000') return r.chance(0.5) ? v : V.group(v, [3, 3, 3]);
  }
}
/** A KVNR whose letter and digits are also a de_id_card shape (letter from the ID alphabet). */
function kvnrInIdAlphabet(r) {
  for (;;) {
    const v = V.kvnr(r);
    if ('CFGHJKLMNPRTVWXYZ'.includes(v[0])) return v;
  }
}

export const POSITIVE_CLASSES = POSITIVE.map(([name]) => name);
export const NEGATIVE_CLASSES = NEGATIVE.map(([name, bait]) => `negative/${bait}/${name}`);

/**
 * `n` drafts from `seed`: about 40 % hard negatives. Draft i depends only on (seed, i), so a
 * shorter run is a prefix of a longer one.
 */
export function generate({ seed = 1, n = 5000 } = {}) {
  const pos = POSITIVE.map(([name, w, gen]) => [w, [name, gen, null]]);
  const neg = NEGATIVE.map(([name, bait, w, gen]) => [w, [`negative/${bait}/${name}`, gen, bait]]);
  const drafts = [];
  for (let i = 0; i < n; i++) {
    const r = rng(subSeed(seed, i));
    const [cls, gen, bait] = r.chance(0.4) ? r.weighted(neg) : r.weighted(pos);
    const d = gen(r);
    const draft = { id: `d${String(i).padStart(5, '0')}`, cls, lang: d.lang, text: d.text, labels: d.labels };
    if (bait) draft.bait = bait;
    drafts.push(draft);
  }
  return drafts;
}
