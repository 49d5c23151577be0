/**
 * Word lists for synthetic STIX data. Every name here is invented for Thiqa (fictional countries, companies,
 * groups and malware families), so demo data never points at a real organisation or a real threat.
 * Open-vocabulary values (sectors, malware types…) are the STIX 2.1 suggested terms.
 */

/** An organisation the generator publishes as an `identity`. `lang` is the language of its name. */
export interface OrganisationSeed {
  name: string;
  lang: string;
  sectors: readonly string[];
  description: string;
  contact: string;
}

/** Fictional organisations, in the order they are generated: the national CIRTs come first. */
export const ORGANISATIONS: readonly OrganisationSeed[] = [
  {
    name: 'المركز الوطني للاستجابة لطوارئ الحاسب – جمهورية الواحة',
    lang: 'ar',
    sectors: ['government'],
    description: 'الفريق الوطني للاستجابة للحوادث السيبرانية في جمهورية الواحة (اسم وهمي).',
    contact: 'cert@cirt.oasis.example',
  },
  {
    name: 'CERT national de Valmorin',
    lang: 'fr',
    sectors: ['government'],
    description: 'Équipe nationale de réponse aux incidents informatiques de Valmorin (pays fictif).',
    contact: 'alerte@cert.valmorin.example',
  },
  {
    name: 'Equipo Nacional de Respuesta a Incidentes de Costa Serena',
    lang: 'es',
    sectors: ['government'],
    description: 'CSIRT nacional de la República de Costa Serena (país ficticio).',
    contact: 'incidentes@csirt.costaserena.example',
  },
  {
    name: 'Национальный центр реагирования на компьютерные инциденты Северогорья',
    lang: 'ru',
    sectors: ['government'],
    description: 'Национальная команда реагирования Северогорья (вымышленная страна).',
    contact: 'cert@ncirt.severogorye.example',
  },
  {
    name: '云岭国家网络安全应急中心',
    lang: 'zh',
    sectors: ['government'],
    description: '云岭共和国（虚构）的国家网络安全应急响应中心。',
    contact: 'cert@yunling-cert.example',
  },
  {
    name: 'بنك الواحة التجاري',
    lang: 'ar',
    sectors: ['financial-services'],
    description: 'مصرف تجاري وهمي يشارك في تبادل معلومات التهديدات.',
    contact: 'soc@oasis-bank.example',
  },
  {
    name: 'Banque du Val d’Aurel',
    lang: 'fr',
    sectors: ['financial-services'],
    description: 'Banque de détail fictive, membre du partage sectoriel.',
    contact: 'csirt@banque-valdaurel.example',
  },
  {
    name: 'Telecomunicaciones del Altiplano S.A.',
    lang: 'es',
    sectors: ['telecommunications'],
    description: 'Operador de telecomunicaciones ficticio.',
    contact: 'noc-seguridad@altiplano-telecom.example',
  },
  {
    name: 'Северогорье Телеком',
    lang: 'ru',
    sectors: ['telecommunications'],
    description: 'Вымышленный оператор связи.',
    contact: 'soc@severtelecom.example',
  },
  {
    name: '海澄电信股份有限公司',
    lang: 'zh',
    sectors: ['telecommunications'],
    description: '虚构的电信运营商。',
    contact: 'security@haicheng-telecom.example',
  },
  {
    name: 'Lakeshore Mutual Energy',
    lang: 'en',
    sectors: ['energy', 'utilities'],
    description: 'A fictional electricity distributor sharing threat data with its national CIRT.',
    contact: 'soc@lakeshore-energy.example',
  },
  {
    name: 'Ministry of Digital Affairs of Orlandia',
    lang: 'en',
    sectors: ['government'],
    description: 'A fictional ministry that consumes national advisories.',
    contact: 'security@digital.orlandia.example',
  },
];

/** First and second words of invented threat-actor, intrusion-set and campaign names. */
export const ADJECTIVES = [
  'Amber', 'Ashen', 'Brass', 'Cobalt', 'Copper', 'Crimson', 'Dusky', 'Frost', 'Gilded', 'Glass', 'Hollow',
  'Indigo', 'Iron', 'Jade', 'Lunar', 'Marble', 'Misty', 'Obsidian', 'Pale', 'Quiet', 'Rusty', 'Saffron',
  'Silent', 'Slate', 'Sable', 'Tidal', 'Umber', 'Velvet', 'Willow', 'Zephyr',
] as const;
export const ANIMALS = [
  'Albatross', 'Badger', 'Caracal', 'Cormorant', 'Dormouse', 'Egret', 'Ferret', 'Gecko', 'Heron', 'Ibex',
  'Jackal', 'Kestrel', 'Lynx', 'Marten', 'Newt', 'Ocelot', 'Pangolin', 'Quokka', 'Raven', 'Serval',
  'Tapir', 'Urchin', 'Viper', 'Wombat', 'Yak',
] as const;

/** Syllables for invented malware family names (two or three are joined). */
export const MALWARE_SYLLABLES = [
  'zor', 'vex', 'kal', 'min', 'dra', 'tek', 'lum', 'qua', 'rix', 'sol', 'bar', 'nyx', 'ost', 'pel', 'wyn',
] as const;
export const MALWARE_SUFFIXES = ['Loader', 'RAT', 'Stealer', 'Locker', 'Bot', 'Door', 'Shell', 'Dropper', ''] as const;

/** STIX 2.1 malware-type-ov values. */
export const MALWARE_TYPES = [
  'backdoor', 'bot', 'downloader', 'dropper', 'keylogger', 'ransomware', 'remote-access-trojan',
  'spyware', 'trojan', 'webshell', 'worm',
] as const;

export const THREAT_ACTOR_TYPES = ['crime-syndicate', 'criminal', 'activist', 'nation-state', 'spy', 'insider-disgruntled'] as const;
export const MOTIVATIONS = ['organizational-gain', 'personal-gain', 'ideology', 'dominance', 'notoriety', 'coercion'] as const;
export const RESOURCE_LEVELS = ['individual', 'club', 'team', 'organization', 'government'] as const;
export const SOPHISTICATION = ['minimal', 'intermediate', 'advanced', 'expert', 'innovator'] as const;
export const INDICATOR_TYPES = ['malicious-activity', 'anomalous-activity', 'attribution', 'compromised'] as const;
export const REPORT_TYPES = ['threat-report', 'indicator', 'malware', 'campaign', 'vulnerability', 'threat-actor'] as const;

/** Generic technique names, described in everyday words (not copied from any catalogue). */
export const TECHNIQUES = [
  'Phishing with a malicious attachment', 'Phishing with a link to a fake login page', 'Password spraying',
  'Exploitation of a public-facing web application', 'Abuse of valid VPN accounts', 'Scheduled task persistence',
  'Credential dumping from memory', 'DNS tunnelling for command and control', 'Data staged in archives before exfiltration',
  'Disabling of security tools', 'Lateral movement over remote desktop', 'Encryption of files for impact',
  'Supply-chain compromise of a software update', 'SIM swapping to bypass SMS codes', 'Web shell on an edge device',
] as const;

/** MITRE ATT&CK tactic names, used as phase names of the `mitre-attack` kill chain. */
export const ATTACK_PHASES = [
  'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence',
  'privilege-escalation', 'defense-evasion', 'credential-access', 'discovery', 'lateral-movement',
  'collection', 'command-and-control', 'exfiltration', 'impact',
] as const;

/** Products named in invented vulnerabilities. */
export const PRODUCTS = [
  'edge VPN gateway', 'webmail server', 'content management system', 'network-attached storage',
  'SCADA historian', 'mobile banking app', 'home router firmware', 'file transfer appliance',
] as const;
export const FLAWS = [
  'remote code execution', 'authentication bypass', 'path traversal', 'SQL injection',
  'server-side request forgery', 'privilege escalation', 'deserialisation of untrusted data',
] as const;

/** Words for domain names and URL paths. */
export const DOMAIN_WORDS = [
  'account', 'auth', 'billing', 'cdn', 'cloud', 'docs', 'drive', 'files', 'login', 'mail', 'portal',
  'secure', 'service', 'share', 'support', 'sync', 'update', 'verify', 'wallet', 'web',
] as const;
/** Reserved names (RFC 2606 / RFC 6761): they can never resolve to a real site. */
export const DOMAIN_SUFFIXES = ['example', 'test', 'invalid', 'example.com', 'example.net', 'example.org'] as const;
export const URL_PATHS = ['login.php', 'wp-admin/update', 'invoice/view', 'download', 'api/v2/beacon', 'gate.php', 'files/doc'] as const;
export const FILE_NAMES = ['invoice', 'update', 'scan', 'payroll', 'setup', 'report', 'svchost32', 'document'] as const;
export const FILE_EXTENSIONS = ['exe', 'dll', 'docm', 'xlsm', 'zip', 'js', 'lnk', 'iso', 'apk'] as const;
export const PERSON_NAMES = ['amina', 'jean', 'lucia', 'ivan', 'wei', 'omar', 'claire', 'mateo', 'olga', 'li'] as const;

/** Note texts in the languages of the organisations above. */
export const NOTES: readonly { lang: string; abstract: string; content: string }[] = [
  { lang: 'en', abstract: 'Seen again this week', content: 'Our sensors saw this activity again; blocking at the perimeter worked.' },
  { lang: 'fr', abstract: 'Faux positif probable', content: 'Ce domaine héberge aussi un service légitime ; à vérifier avant blocage.' },
  { lang: 'es', abstract: 'Confirmado en nuestra red', content: 'Detectamos tráfico hacia esta infraestructura desde dos sucursales.' },
  { lang: 'ar', abstract: 'تم التأكد من النشاط', content: 'رصدنا اتصالات بهذه البنية التحتية من شبكة أحد المصارف.' },
  { lang: 'ru', abstract: 'Связано с прошлой кампанией', content: 'Инфраструктура пересекается с кампанией, описанной в прошлом месяце.' },
  { lang: 'zh', abstract: '已在本单位网络中发现', content: '我们在两台服务器上发现了相关文件，已隔离处理。' },
];
