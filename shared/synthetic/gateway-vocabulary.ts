/**
 * The words synthetic Gateway records are written with, in the six languages: for each record type the kinds
 * of document it names, the subjects they concern, and summary sentences. Entries with the same index are
 * translations of each other, so a record written in several languages says the same thing in each. Titles
 * are built the way each language builds them (Arabic with the li- article contraction, Chinese without
 * spaces), so searches meet the forms real registries hold.
 */
import type { RecordType } from '../gateway/record-types.ts';
import type { Language } from '../i18n/languages.ts';

type ByLanguage<T> = Readonly<Record<Language, T>>;

/** The document kinds of each record type, by language (same index, same kind). */
export const KINDS: Readonly<Record<RecordType, ByLanguage<readonly string[]>>> = {
  strategy: {
    ar: ['الاستراتيجية الوطنية', 'استراتيجية', 'خطة عمل', 'خارطة طريق'],
    zh: ['国家战略', '战略', '行动计划', '路线图'],
    en: ['National Strategy', 'Strategy', 'Action Plan', 'Roadmap'],
    fr: ['Stratégie nationale', 'Stratégie', 'Plan d’action', 'Feuille de route'],
    ru: ['Национальная стратегия', 'Стратегия', 'План действий', 'Дорожная карта'],
    es: ['Estrategia Nacional', 'Estrategia', 'Plan de Acción', 'Hoja de ruta'],
  },
  cirt: {
    ar: ['فريق الاستجابة لطوارئ الحاسوب', 'مركز الاستجابة للحوادث', 'مركز العمليات الأمنية'],
    zh: ['计算机应急响应小组', '事件响应中心', '安全运营中心'],
    en: ['Computer Emergency Response Team', 'Incident Response Centre', 'Security Operations Centre'],
    fr: ['Équipe d’intervention en cas d’urgence informatique', 'Centre de réponse aux incidents', 'Centre des opérations de sécurité'],
    ru: ['Группа реагирования на компьютерные инциденты', 'Центр реагирования на инциденты', 'Центр мониторинга безопасности'],
    es: ['Equipo de Respuesta a Emergencias Informáticas', 'Centro de Respuesta a Incidentes', 'Centro de Operaciones de Seguridad'],
  },
  legislation: {
    ar: ['قانون', 'مرسوم', 'لائحة', 'قرار'],
    zh: ['法', '条例', '规定', '办法'],
    en: ['Act', 'Decree', 'Regulation', 'Law'],
    fr: ['Loi', 'Décret', 'Règlement', 'Ordonnance'],
    ru: ['Федеральный закон', 'Указ', 'Постановление', 'Закон'],
    es: ['Ley', 'Decreto', 'Reglamento', 'Ordenanza'],
  },
  agreement: {
    ar: ['مذكرة تفاهم', 'اتفاقية', 'اتفاق تعاون'],
    zh: ['谅解备忘录', '公约', '合作协定'],
    en: ['Memorandum of Understanding', 'Convention', 'Cooperation Agreement'],
    fr: ['Mémorandum d’entente', 'Convention', 'Accord de coopération'],
    ru: ['Меморандум о взаимопонимании', 'Конвенция', 'Соглашение о сотрудничестве'],
    es: ['Memorando de entendimiento', 'Convenio', 'Acuerdo de cooperación'],
  },
  standard: {
    ar: ['معيار', 'مبادئ توجيهية', 'إطار مرجعي'],
    zh: ['标准', '指南', '框架'],
    en: ['Standard', 'Guidelines', 'Framework'],
    fr: ['Norme', 'Lignes directrices', 'Référentiel'],
    ru: ['Стандарт', 'Методические рекомендации', 'Рамочный документ'],
    es: ['Norma', 'Directrices', 'Marco de referencia'],
  },
  exercise: {
    ar: ['تمرين سيبراني', 'تمرين محاكاة', 'تمرين أزمات'],
    zh: ['网络演练', '模拟演习', '应急演练'],
    en: ['Cyber Drill', 'Simulation Exercise', 'Crisis Exercise'],
    fr: ['Exercice cyber', 'Exercice de simulation', 'Exercice de crise'],
    ru: ['Киберучения', 'Имитационные учения', 'Антикризисные учения'],
    es: ['Ciberejercicio', 'Simulacro', 'Ejercicio de crisis'],
  },
  resource: {
    ar: ['دليل', 'مجموعة أدوات', 'دورة تدريبية', 'كتيّب'],
    zh: ['指南', '工具包', '培训课程', '手册'],
    en: ['Guide', 'Toolkit', 'Training Course', 'Handbook'],
    fr: ['Guide', 'Boîte à outils', 'Formation', 'Manuel'],
    ru: ['Руководство', 'Набор инструментов', 'Учебный курс', 'Справочник'],
    es: ['Guía', 'Caja de herramientas', 'Curso de formación', 'Manual'],
  },
  initiative: {
    ar: ['برنامج', 'مبادرة', 'مشروع'],
    zh: ['计划', '倡议', '项目'],
    en: ['Programme', 'Initiative', 'Project'],
    fr: ['Programme', 'Initiative', 'Projet'],
    ru: ['Программа', 'Инициатива', 'Проект'],
    es: ['Programa', 'Iniciativa', 'Proyecto'],
  },
  assistance: {
    ar: ['مساعدة تقنية', 'برنامج دعم', 'مشروع بناء القدرات'],
    zh: ['技术援助', '支持计划', '能力建设项目'],
    en: ['Technical Assistance', 'Support Programme', 'Capacity Building Project'],
    fr: ['Assistance technique', 'Programme d’appui', 'Projet de renforcement des capacités'],
    ru: ['Техническая помощь', 'Программа поддержки', 'Проект по наращиванию потенциала'],
    es: ['Asistencia técnica', 'Programa de apoyo', 'Proyecto de fortalecimiento de capacidades'],
  },
};

/** What records concern, by language: Russian in the genitive, as «в области …» takes it. */
export const SUBJECTS: ByLanguage<readonly string[]> = {
  ar: ['الأمن السيبراني', 'الاستجابة للحوادث', 'حماية البنية التحتية الحرجة', 'حماية البيانات الشخصية', 'حماية الأطفال على الإنترنت', 'مكافحة الجرائم السيبرانية', 'الثقة الرقمية', 'أمن المعلومات', 'المعاملات الإلكترونية', 'الصمود السيبراني', 'التوعية الأمنية', 'التعاون الدولي', 'تنمية المهارات', 'الإفصاح عن الثغرات', 'أمن الحوسبة السحابية'],
  zh: ['网络安全', '事件响应', '关键基础设施保护', '个人信息保护', '儿童在线保护', '打击网络犯罪', '数字信任', '信息安全', '电子交易', '网络韧性', '安全意识', '国际合作', '人才培养', '漏洞披露', '云安全'],
  en: ['Cybersecurity', 'Incident Response', 'Critical Infrastructure Protection', 'Personal Data Protection', 'Child Online Protection', 'Combating Cybercrime', 'Digital Trust', 'Information Security', 'Electronic Transactions', 'Cyber Resilience', 'Security Awareness', 'International Cooperation', 'Skills Development', 'Vulnerability Disclosure', 'Cloud Security'],
  fr: ['cybersécurité', 'réponse aux incidents', 'protection des infrastructures critiques', 'protection des données personnelles', 'protection des enfants en ligne', 'lutte contre la cybercriminalité', 'confiance numérique', 'sécurité de l’information', 'transactions électroniques', 'cyberrésilience', 'sensibilisation à la sécurité', 'coopération internationale', 'développement des compétences', 'divulgation des vulnérabilités', 'sécurité de l’informatique en nuage'],
  ru: ['кибербезопасности', 'реагирования на инциденты', 'защиты критической инфраструктуры', 'защиты персональных данных', 'защиты детей в интернете', 'противодействия киберпреступности', 'цифрового доверия', 'информационной безопасности', 'электронных сделок', 'киберустойчивости', 'повышения осведомлённости о безопасности', 'международного сотрудничества', 'развития кадров', 'раскрытия уязвимостей', 'безопасности облачных вычислений'],
  es: ['ciberseguridad', 'respuesta a incidentes', 'protección de infraestructuras críticas', 'protección de datos personales', 'protección de la infancia en línea', 'lucha contra la ciberdelincuencia', 'confianza digital', 'seguridad de la información', 'transacciones electrónicas', 'ciberresiliencia', 'concienciación en seguridad', 'cooperación internacional', 'desarrollo de competencias', 'divulgación de vulnerabilidades', 'seguridad en la nube'],
};

/** Arabic joins li- to a noun, and li- with the article al- is written «لل». */
const arabicOf = (subject: string) => (subject.startsWith('ال') ? `لل${subject.slice(2)}` : `ل${subject}`);

/** A title: a kind of document on a subject, with a country's name or a period when given. */
export const TITLE: ByLanguage<(kind: string, subject: string, country: string | undefined, period: string | undefined) => string> = {
  ar: (k, s, c, p) => [`${k} ${arabicOf(s)}`, c && `في ${c}`, p].filter(Boolean).join(' '),
  zh: (k, s, c, p) => `${c ?? ''}${s}${k}${p ? `（${p}）` : ''}`,
  en: (k, s, c, p) => [c, s, k, p].filter(Boolean).join(' '),
  fr: (k, s, c, p) => [`${k} en matière de ${s}`, c && `— ${c}`, p].filter(Boolean).join(' '),
  ru: (k, s, c, p) => [`${k} в области ${s}`, c && `(${c})`, p && `на ${p} годы`].filter(Boolean).join(' '),
  es: (k, s, c, p) => [`${k} en materia de ${s}`, c && `de ${c}`, p].filter(Boolean).join(' '),
};

/** Summary sentences about two subjects (the same index in each language). */
export const SENTENCES: ByLanguage<readonly ((a: string, b: string) => string)[]> = {
  ar: [(a, b) => `تحدد الأولويات في مجال ${a} و${b}.`, (a) => `توضح دور الجهات الحكومية في مجال ${a}.`, (a, b) => `تدعم المشغلين والقطاع العام في مجال ${a} وتعزز ${b}.`],
  zh: [(a, b) => `明确${a}和${b}领域的优先事项。`, (a) => `说明政府部门在${a}方面的职责。`, (a, b) => `在${a}方面为运营者和公共部门提供支持，并加强${b}。`],
  en: [(a, b) => `Sets out the priorities for ${a.toLowerCase()} and ${b.toLowerCase()}.`, (a) => `Describes the roles of government agencies in ${a.toLowerCase()}.`, (a, b) => `Supports operators and the public sector in ${a.toLowerCase()} and strengthens ${b.toLowerCase()}.`],
  fr: [(a, b) => `Définit les priorités en matière de ${a} et de ${b}.`, (a) => `Précise le rôle des administrations en matière de ${a}.`, (a, b) => `Accompagne les opérateurs et le secteur public en matière de ${a} et de ${b}.`],
  ru: [(a, b) => `Определяет приоритеты в области ${a} и ${b}.`, (a) => `Уточняет роль государственных органов в области ${a}.`, (a, b) => `Поддерживает операторов и государственный сектор в области ${a} и ${b}.`],
  es: [(a, b) => `Establece las prioridades en materia de ${a} y de ${b}.`, (a) => `Precisa el papel de las administraciones en materia de ${a}.`, (a, b) => `Apoya a los operadores y al sector público en materia de ${a} y de ${b}.`],
};
