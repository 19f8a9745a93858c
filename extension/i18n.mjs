// The extension's own UI text (the options page, the toolbar's tooltip) in English, German and
// Chinese; the prompt's text comes from the engine (src/web/i18n.rs). Every catalog has every
// key (tests/extension/settings.test.mjs checks).

export const LANGUAGES = ['en', 'de', 'zh'];

const en = {
  title: 'draftguard settings',
  lead: 'Asks before you send sensitive data in a chat box. Checking happens on this device; drafts and findings are never stored or sent anywhere. Changes apply at once, in open tabs too.',
  mode: 'When a message contains sensitive data',
  modeAsk: 'Ask me before sending',
  modeRedact: 'Redact it automatically and tell me',
  modeWarn: 'Only warn me, never hold the message',
  chat: 'Chat sites',
  chatHint: 'On these sites Enter sends a message, so draftguard checks the message box on Enter and on its send button. On every other site Enter is a new line: only a form’s submit is checked.',
  chatYours: 'added by you',
  chatRemove: 'Remove',
  chatAdd: 'Add a chat site where Enter sends',
  chatHost: 'Host name (e.g. chat.example.com)',
  chatName: 'Name (optional)',
  chatInput: 'Message box, CSS selector (optional; otherwise every text box on the site)',
  chatButton: 'Send button, CSS selector (optional; otherwise buttons labelled “send”)',
  chatAddButton: 'Add',
  sensitivity: 'Sensitivity',
  minConfidence: 'Report findings that are',
  confidenceHigh: 'very likely (fewest prompts)',
  confidenceMedium: 'likely or better',
  confidenceLow: 'possible or better (most prompts)',
  language: 'Language of the prompt and of this page',
  languageAuto: 'Browser language',
  kinds: 'What to look for',
  kindsHint: 'Untick a category or a single kind to stop looking for it.',
  kindsSummary: 'Kinds',
  financial: 'Financial data (cards, IBANs, bank accounts)',
  government_id: 'Government IDs (national IDs, tax IDs, passports)',
  credential: 'Passwords, API keys and private keys',
  medical: 'Health information',
  confidential: 'Confidential-document markers',
  contact: 'Contact details (email, phone, IP address)',
  allowed: 'Allowed',
  allowedDevice: 'Kept on this device only: never synced to your account.',
  allowlist: 'Values never reported, one per line (a test card number, your company’s public IBAN …)',
  allowedDomains: 'Email addresses at these domains are never reported, one per line (e.g. example.com)',
  sites: 'Sites',
  disabledSites: 'Do nothing on these sites, one host name per line (e.g. intranet.example.com)',
  save: 'Save',
  saved: 'Saved.',
  notSaved: 'Not saved: {error}',
  notDomain: 'not a domain: {list}',
  notHost: 'not a host name: {list}',
  notSelector: 'not a CSS selector: {list}',
  inactive: 'draftguard could not start on this page: drafts here are not checked.',
};

const de = {
  title: 'draftguard-Einstellungen',
  lead: 'Fragt nach, bevor Sie sensible Daten in ein Chatfeld senden. Geprüft wird auf diesem Gerät; Entwürfe und Funde werden nirgends gespeichert oder hingeschickt. Änderungen gelten sofort, auch in offenen Tabs.',
  mode: 'Wenn eine Nachricht sensible Daten enthält',
  modeAsk: 'Vor dem Senden nachfragen',
  modeRedact: 'Automatisch schwärzen und Bescheid geben',
  modeWarn: 'Nur warnen, die Nachricht nie aufhalten',
  chat: 'Chat-Seiten',
  chatHint: 'Auf diesen Seiten sendet die Eingabetaste eine Nachricht; draftguard prüft das Nachrichtenfeld deshalb bei Enter und beim Senden-Knopf. Auf allen anderen Seiten ist Enter ein Zeilenumbruch: geprüft wird nur das Absenden eines Formulars.',
  chatYours: 'von Ihnen hinzugefügt',
  chatRemove: 'Entfernen',
  chatAdd: 'Chat-Seite hinzufügen, auf der Enter sendet',
  chatHost: 'Hostname (z. B. chat.example.com)',
  chatName: 'Name (optional)',
  chatInput: 'Nachrichtenfeld, CSS-Selektor (optional; sonst jedes Textfeld der Seite)',
  chatButton: 'Senden-Knopf, CSS-Selektor (optional; sonst Knöpfe mit der Aufschrift „send“)',
  chatAddButton: 'Hinzufügen',
  sensitivity: 'Empfindlichkeit',
  minConfidence: 'Funde melden, die',
  confidenceHigh: 'sehr wahrscheinlich sind (am wenigsten Nachfragen)',
  confidenceMedium: 'wahrscheinlich oder sicherer sind',
  confidenceLow: 'möglich oder sicherer sind (am meisten Nachfragen)',
  language: 'Sprache der Nachfrage und dieser Seite',
  languageAuto: 'Sprache des Browsers',
  kinds: 'Wonach gesucht wird',
  kindsHint: 'Entfernen Sie das Häkchen bei einer Kategorie oder einer einzelnen Art, um nicht mehr danach zu suchen.',
  kindsSummary: 'Arten',
  financial: 'Finanzdaten (Karten, IBANs, Kontonummern)',
  government_id: 'Ausweis- und Steuernummern (Personalausweis, Steuer-ID, Reisepass)',
  credential: 'Passwörter, API-Schlüssel und private Schlüssel',
  medical: 'Gesundheitsdaten',
  confidential: 'Vertraulichkeitsvermerke',
  contact: 'Kontaktdaten (E-Mail, Telefon, IP-Adresse)',
  allowed: 'Erlaubt',
  allowedDevice: 'Nur auf diesem Gerät gespeichert, nie mit Ihrem Konto synchronisiert.',
  allowlist: 'Werte, die nie gemeldet werden, einer pro Zeile (eine Testkartennummer, die öffentliche IBAN Ihrer Firma …)',
  allowedDomains: 'E-Mail-Adressen unter diesen Domains werden nie gemeldet, eine pro Zeile (z. B. example.com)',
  sites: 'Seiten',
  disabledSites: 'Auf diesen Seiten nichts tun, ein Hostname pro Zeile (z. B. intranet.example.com)',
  save: 'Speichern',
  saved: 'Gespeichert.',
  notSaved: 'Nicht gespeichert: {error}',
  notDomain: 'keine Domain: {list}',
  notHost: 'kein Hostname: {list}',
  notSelector: 'kein CSS-Selektor: {list}',
  inactive: 'draftguard konnte auf dieser Seite nicht starten: Entwürfe werden hier nicht geprüft.',
};

const zh = {
  title: 'draftguard 设置',
  lead: '在您向聊天框发送敏感数据之前先询问您。检查在本设备上进行；草稿和检测结果从不存储，也不发送到任何地方。更改立即生效，已打开的标签页也是如此。',
  mode: '当消息包含敏感数据时',
  modeAsk: '发送前询问我',
  modeRedact: '自动遮盖并告诉我',
  modeWarn: '只提醒我，从不拦下消息',
  chat: '聊天网站',
  chatHint: '在这些网站上按 Enter 会发送消息，因此 draftguard 在按 Enter 和点击发送按钮时检查消息框。在其他网站上 Enter 是换行：只检查表单的提交。',
  chatYours: '由您添加',
  chatRemove: '删除',
  chatAdd: '添加一个按 Enter 发送的聊天网站',
  chatHost: '主机名（例如 chat.example.com）',
  chatName: '名称（可选）',
  chatInput: '消息框的 CSS 选择器（可选；否则为网站上的所有文本框）',
  chatButton: '发送按钮的 CSS 选择器（可选；否则为标有“send”的按钮）',
  chatAddButton: '添加',
  sensitivity: '灵敏度',
  minConfidence: '报告的检测结果：',
  confidenceHigh: '很可能（询问最少）',
  confidenceMedium: '可能性较大及以上',
  confidenceLow: '有可能及以上（询问最多）',
  language: '询问框和本页的语言',
  languageAuto: '浏览器语言',
  kinds: '检查哪些内容',
  kindsHint: '取消勾选某个类别或某一类型，即不再检查它。',
  kindsSummary: '类型',
  financial: '金融数据（银行卡、IBAN、银行账号）',
  government_id: '政府证件号码（身份证、税号、护照）',
  credential: '密码、API 密钥和私钥',
  medical: '健康信息',
  confidential: '机密文件标记',
  contact: '联系方式（电子邮件、电话、IP 地址）',
  allowed: '允许',
  allowedDevice: '仅保存在本设备上，从不同步到您的账户。',
  allowlist: '从不报告的值，每行一个（测试卡号、贵公司公开的 IBAN……）',
  allowedDomains: '这些域名下的电子邮件地址从不报告，每行一个（例如 example.com）',
  sites: '网站',
  disabledSites: '在这些网站上不做任何事，每行一个主机名（例如 intranet.example.com）',
  save: '保存',
  saved: '已保存。',
  notSaved: '未保存：{error}',
  notDomain: '不是域名：{list}',
  notHost: '不是主机名：{list}',
  notSelector: '不是 CSS 选择器：{list}',
  inactive: 'draftguard 无法在此页面上启动：此处的草稿不会被检查。',
};

export const CATALOGS = Object.freeze({ en, de, zh });

/** The UI language: `setting` ("auto", "en", "de", "zh"); for "auto" the first of `preferred` we have. */
export function languageOf(setting, preferred = []) {
  if (LANGUAGES.includes(setting)) return setting;
  for (const tag of preferred) {
    const lang = String(tag).slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(lang)) return lang;
  }
  return 'en';
}

/** The text for `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function t(lang, key, values = {}) {
  const text = (CATALOGS[lang] ?? en)[key];
  if (text === undefined) throw new Error(`i18n: no text for ${key}`);
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}
