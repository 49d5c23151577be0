/**
 * STIX 2.1 §10 vocabularies as data. Open vocabularies (`-ov`) only suggest values, so a value outside them is a
 * warning; enumerations (`-enum`) are closed, so a value outside them is an error. Values added by STIX 2.1
 * Errata 01 (e.g. `rust`, `legal`, `private-sector`, report type `incident`) are included: they only ever
 * remove warnings.
 */

export const OPEN_VOCABULARIES = {
  'account-type-ov': ['facebook', 'ldap', 'nis', 'openid', 'radius', 'skype', 'tacacs', 'twitter', 'unix',
    'windows-local', 'windows-domain'],
  'attack-motivation-ov': ['accidental', 'coercion', 'dominance', 'ideology', 'notoriety', 'organizational-gain',
    'personal-gain', 'personal-satisfaction', 'revenge', 'unpredictable'],
  'attack-resource-level-ov': ['individual', 'club', 'contest', 'team', 'organization', 'government'],
  'grouping-context-ov': ['suspicious-activity', 'malware-analysis', 'unspecified'],
  'hash-algorithm-ov': ['MD5', 'SHA-1', 'SHA-256', 'SHA-512', 'SHA3-256', 'SHA3-512', 'SSDEEP', 'TLSH'],
  'identity-class-ov': ['individual', 'group', 'system', 'organization', 'class', 'unknown'],
  'implementation-language-ov': ['applescript', 'bash', 'c', 'c++', 'c#', 'go', 'java', 'javascript', 'lua',
    'objective-c', 'perl', 'php', 'powershell', 'python', 'ruby', 'rust', 'scala', 'swift', 'typescript',
    'visual-basic', 'x86-32', 'x86-64'],
  'indicator-type-ov': ['anomalous-activity', 'anonymization', 'benign', 'compromised', 'malicious-activity',
    'attribution', 'unknown'],
  'industry-sector-ov': ['agriculture', 'aerospace', 'automotive', 'chemical', 'commercial', 'communications',
    'construction', 'defense', 'education', 'energy', 'entertainment', 'financial-services', 'government',
    'emergency-services', 'government-local', 'government-national', 'government-public-services',
    'government-regional', 'healthcare', 'hospitality-leisure', 'infrastructure', 'dams', 'nuclear', 'water',
    'insurance', 'legal', 'manufacturing', 'mining', 'non-profit', 'pharmaceuticals', 'retail', 'technology',
    'telecommunications', 'transportation', 'utilities'],
  'infrastructure-type-ov': ['amplification', 'anonymization', 'botnet', 'command-and-control', 'control-system',
    'exfiltration', 'firewall', 'hosting-malware', 'hosting-target-lists', 'phishing', 'reconnaissance',
    'routers-switches', 'staging', 'workstation', 'unknown'],
  'malware-capabilities-ov': ['accesses-remote-machines', 'anti-debugging', 'anti-disassembly', 'anti-emulation',
    'anti-memory-forensics', 'anti-sandbox', 'anti-vm', 'captures-input-peripherals', 'captures-output-peripherals',
    'captures-system-state-data', 'cleans-traces-of-infection', 'commits-fraud', 'communicates-with-c2',
    'compromises-data-availability', 'compromises-data-integrity', 'compromises-system-availability',
    'controls-local-machine', 'degrades-security-software', 'degrades-system-updates', 'determines-c2-server',
    'emails-spam', 'escalates-privileges', 'evades-av', 'exfiltrates-data', 'fingerprints-host', 'hides-artifacts',
    'hides-executing-code', 'infects-files', 'infects-remote-machines', 'installs-other-components',
    'persists-after-system-reboot', 'prevents-artifact-access', 'prevents-artifact-deletion',
    'probes-network-environment', 'self-modifies', 'steals-authentication-credentials',
    'violates-system-operational-integrity'],
  'malware-result-ov': ['malicious', 'suspicious', 'benign', 'unknown'],
  'malware-type-ov': ['adware', 'backdoor', 'bot', 'bootkit', 'ddos', 'downloader', 'dropper', 'exploit-kit',
    'keylogger', 'ransomware', 'remote-access-trojan', 'resource-exploitation', 'rogue-security-software', 'rootkit',
    'screen-capture', 'spyware', 'trojan', 'unknown', 'virus', 'webshell', 'wiper', 'worm'],
  'marking-definition-type-ov': ['statement', 'tlp'],
  'pattern-type-ov': ['stix', 'pcre', 'sigma', 'snort', 'suricata', 'yara'],
  'processor-architecture-ov': ['alpha', 'arm', 'ia-64', 'mips', 'powerpc', 'sparc', 'x86', 'x86-64'],
  'region-ov': ['africa', 'eastern-africa', 'middle-africa', 'northern-africa', 'southern-africa', 'western-africa',
    'americas', 'caribbean', 'central-america', 'latin-america-caribbean', 'northern-america', 'south-america',
    'asia', 'central-asia', 'eastern-asia', 'southern-asia', 'south-eastern-asia', 'western-asia', 'europe',
    'eastern-europe', 'northern-europe', 'southern-europe', 'western-europe', 'oceania', 'antarctica',
    'australia-new-zealand', 'melanesia', 'micronesia', 'polynesia'],
  /** Every relationship type the specification defines, for any source and target (§3.7, §4–6, Appendix B). */
  'relationship-type-ov': ['derived-from', 'duplicate-of', 'related-to', 'attributed-to', 'authored-by',
    'av-analysis-of', 'based-on', 'beacons-to', 'belongs-to', 'characterizes', 'communicates-with', 'compromises',
    'consists-of', 'controls', 'delivers', 'downloads', 'drops', 'dynamic-analysis-of', 'exfiltrates-to',
    'exploits', 'has', 'hosts', 'impersonates', 'indicates', 'investigates', 'located-at', 'mitigates',
    'originates-from', 'owns', 'remediates', 'resolves-to', 'static-analysis-of', 'targets', 'uses', 'variant-of'],
  'report-type-ov': ['attack-pattern', 'campaign', 'identity', 'incident', 'indicator', 'intrusion-set', 'malware',
    'observed-data', 'threat-actor', 'threat-report', 'tool', 'vulnerability'],
  'threat-actor-type-ov': ['activist', 'competitor', 'crime-syndicate', 'criminal', 'hacker', 'insider-accidental',
    'insider-disgruntled', 'nation-state', 'private-sector', 'sensationalist', 'spy', 'terrorist', 'unknown'],
  'threat-actor-role-ov': ['agent', 'director', 'independent', 'infrastructure-architect', 'infrastructure-operator',
    'malware-author', 'sponsor'],
  'threat-actor-sophistication-ov': ['none', 'minimal', 'intermediate', 'advanced', 'expert', 'innovator',
    'strategic'],
  'tool-type-ov': ['denial-of-service', 'exploitation', 'information-gathering', 'network-capture',
    'credential-exploitation', 'remote-access', 'vulnerability-scanning', 'unknown'],
  'windows-pebinary-type-ov': ['dll', 'exe', 'sys'],
  // From the OASIS Incident Core Extension 2.0 (§3), used by its properties (`types/incident-core-extension.ts`).
  'detection-methods-ov': ['automated-tool', 'human-review', 'message-from-attacker', 'system-outage', 'user-reporting'],
  'incident-investigation-ov': ['closed', 'new', 'open'],
  'incident-type-ov': ['compromised-system', 'denial-of-service', 'destruction', 'equipment-loss', 'equipment-theft',
    'major', 'supply-chain-customer', 'supply-chain-vendor', 'unauthorized-access', 'unauthorized-equipment',
    'unauthorized-release', 'unauthorized-use'],
} as const satisfies Record<string, readonly string[]>;

export const ENUMERATIONS = {
  'encryption-algorithm-enum': ['AES-256-GCM', 'ChaCha20-Poly1305', 'mime-type-indicated'],
  'extension-type-enum': ['new-sdo', 'new-sco', 'new-sro', 'property-extension', 'toplevel-property-extension'],
  'network-socket-address-family-enum': ['AF_UNSPEC', 'AF_INET', 'AF_IPX', 'AF_APPLETALK', 'AF_NETBIOS', 'AF_INET6',
    'AF_IRDA', 'AF_BTH'],
  // The summary row of §10.17 misprints SOCK_DGRAM; the value table below it has the right name.
  'network-socket-type-enum': ['SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW', 'SOCK_RDM', 'SOCK_SEQPACKET'],
  'opinion-enum': ['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'],
  'windows-integrity-level-enum': ['low', 'medium', 'high', 'system'],
  'windows-registry-datatype-enum': ['REG_NONE', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_BINARY', 'REG_DWORD',
    'REG_DWORD_BIG_ENDIAN', 'REG_DWORD_LITTLE_ENDIAN', 'REG_LINK', 'REG_MULTI_SZ', 'REG_RESOURCE_LIST',
    'REG_FULL_RESOURCE_DESCRIPTION', 'REG_RESOURCE_REQUIREMENTS_LIST', 'REG_QWORD', 'REG_INVALID_TYPE'],
  'windows-service-start-type-enum': ['SERVICE_AUTO_START', 'SERVICE_BOOT_START', 'SERVICE_DEMAND_START',
    'SERVICE_DISABLED', 'SERVICE_SYSTEM_ALERT'],
  'windows-service-type-enum': ['SERVICE_KERNEL_DRIVER', 'SERVICE_FILE_SYSTEM_DRIVER', 'SERVICE_WIN32_OWN_PROCESS',
    'SERVICE_WIN32_SHARE_PROCESS'],
  'windows-service-status-enum': ['SERVICE_CONTINUE_PENDING', 'SERVICE_PAUSE_PENDING', 'SERVICE_PAUSED',
    'SERVICE_RUNNING', 'SERVICE_START_PENDING', 'SERVICE_STOP_PENDING', 'SERVICE_STOPPED'],
  /** TLP 1.0 levels of the `tlp` marking definition type (§7.2.1.4). */
  'tlp-level-enum': ['white', 'green', 'amber', 'red'],
  /** TLP 2.0 levels of the OASIS TLP 2.0 extension (`tlp_2_0`). */
  'tlp-2-level-enum': ['clear', 'green', 'amber', 'amber+strict', 'red'],
  /** The OASIS Incident Core Extension 2.0 (§4). */
  'incident-determination-enum': ['blocked', 'successful-attempt', 'failed-attempt', 'false-positive', 'low-value',
    'suspected'],
  'recoverability-enum': ['extended', 'not-applicable', 'not-recoverable', 'regular', 'supplemented'],
} as const satisfies Record<string, readonly string[]>;

export type OpenVocabularyName = keyof typeof OPEN_VOCABULARIES;
export type EnumerationName = keyof typeof ENUMERATIONS;

const sets = new Map<string, ReadonlySet<string>>();

/** The values of a vocabulary or enumeration as a set (built once, shared). */
export function vocabularySet(name: OpenVocabularyName | EnumerationName): ReadonlySet<string> {
  let set = sets.get(name);
  if (!set) {
    const values: readonly string[] = name in OPEN_VOCABULARIES
      ? OPEN_VOCABULARIES[name as OpenVocabularyName]
      : ENUMERATIONS[name as EnumerationName];
    set = new Set(values);
    sets.set(name, set);
  }
  return set;
}
