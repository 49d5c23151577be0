/**
 * How alerts leave the hub: a webhook POST of JSON signed with the subscription's secret, or an e-mail
 * through the SMTP server of the configuration (`THIQA_SMTP_URL`, `THIQA_SMTP_FROM`). Each throws on
 * failure (a non-2xx answer, a refused message), for the worker to retry.
 */
import { createTransport, type Transporter } from 'nodemailer';
import { DomainError } from '../../../core/errors.ts';
import { alertMailText } from '../../../../shared/i18n/alert-mail-messages.ts';
import { signBody, SIGNATURE_HEADER } from './webhook-signature.ts';

/** What one delivery (one alert, or a digest of several) carries. */
export interface AlertSummary {
  id: string;
  type: string;
  name: string | null;
  tlp: string;
  /** The version's `modified` (or `created`) timestamp. */
  version: string;
  api_root: string;
  collection: string;
  link: string;
}

export interface AlertMessage {
  subscription: { id: string; name: string };
  digest: boolean;
  alerts: AlertSummary[];
}

export interface AlertChannels {
  webhook(url: string, secret: string, deliveryId: string, message: AlertMessage): Promise<void>;
  /** `language`: the owner's (its sentences; English for none). */
  email(to: string, message: AlertMessage, language: string | null): Promise<void>;
}

export interface SmtpSettings {
  url: string | undefined;
  from: string;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/** The e-mail's subject and text in `language`: one line per alert, its TLP first, so a reader sees how far it may go. */
export function emailText(message: AlertMessage, language: string | null): { subject: string; text: string } {
  const first = message.alerts[0];
  const subscription = message.subscription.name;
  const subject = message.digest ? alertMailText(language, 'subject_digest', { subscription, count: message.alerts.length }) : alertMailText(language, 'subject_alert', { subscription, object: first?.name ?? first?.id ?? '' });
  const lines = message.alerts.map((a) => `[TLP:${a.tlp.toUpperCase()}] ${a.type} ${a.name ?? a.id}\n  ${a.link}`);
  return { subject, text: `${lines.join('\n\n')}\n\n${alertMailText(language, 'footer', { subscription, id: message.subscription.id })}\n` };
}

/** Webhooks through `fetch`; e-mail through nodemailer, its transport made on first use. */
export function networkChannels(smtp: SmtpSettings): AlertChannels {
  let transport: Transporter | undefined;
  return {
    async webhook(url, secret, deliveryId, message) {
      const body = JSON.stringify(message);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(secret, body), 'x-thiqa-delivery': deliveryId },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.status < 200 || response.status > 299) throw new Error(`the webhook answered HTTP ${response.status}`);
    },
    async email(to, message, language) {
      if (smtp.url === undefined) throw new DomainError('unavailable', 'alert.smtp_unconfigured', 'e-mail alerts need an SMTP server: set THIQA_SMTP_URL (smtp://host:port)');
      transport ??= createTransport(smtp.url);
      await transport.sendMail({ from: smtp.from, to, ...emailText(message, language) });
    },
  };
}
