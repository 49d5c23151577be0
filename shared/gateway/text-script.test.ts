import { describe, expect, it } from 'vitest';
import { inExpectedScript } from './text-script.ts';

describe('inExpectedScript', () => {
  it.each([
    ['ar', 'الاستراتيجية الوطنية للأمن السيبراني'],
    ['ar', 'فريق CERT الوطني'],
    ['ar', 'شراكة مع Microsoft'],
    ['zh', '国家网络安全战略'],
    ['zh', 'CNCERT/CC 年度报告 2024'],
    ['ru', 'Национальная стратегия'],
    ['ru', 'Стандарт ISO/IEC 27001'],
    ['en', 'National Cybersecurity Strategy'],
    ['fr', 'Stratégie nationale de cybersécurité'],
    ['es', 'Estrategia nacional de ciberseguridad'],
    ['en', 'NÚKIB'],
    ['ar', 'CERT-EU'],
    ['zh', '2024'],
    ['ru', '— 2024 —'],
  ] as const)('accepts %s %j', (language, text) => {
    expect(inExpectedScript(language, text)).toBe(true);
  });

  it.each([
    ['ar', 'National CERT'],
    ['ar', 'Al-fariq al-watani'],
    ['zh', 'Guojia wangluo anquan zhanlue'],
    ['zh', 'サイバーセキュリティ'],
    ['ru', 'Natsionalnaya strategiya'],
    ['en', 'الاستراتيجية الوطنية'],
    ['fr', 'Национальная стратегия'],
    ['es', '国家战略'],
    ['en', 'CERT 国家'],
  ] as const)('refuses %s %j', (language, text) => {
    expect(inExpectedScript(language, text)).toBe(false);
  });
});
