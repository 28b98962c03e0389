import nodemailer, { type Transporter } from "nodemailer";
import { failureText, short, type Attempt } from "./result";

export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
  smtpUrl: string;
  from: string;
  timeoutMs: number;
}

/**
 * E-mail over SMTP (nodemailer). The Message-ID is made of the delivery id, so every retry and
 * re-send of one delivery is recognisably the same message.
 */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly config: MailConfig) {
    this.transport = nodemailer.createTransport(config.smtpUrl, {
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
    });
  }

  async send(message: { deliveryId: string; to: string; subject: string; text: string }): Promise<Attempt> {
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.deliveryId}@notifications.tuihuanhuo>`,
        headers: { "X-Tuihuanhuo-Delivery": message.deliveryId },
      });
      const refused = info.rejected.length > 0;
      return { ok: !refused, response: short(String(info.response ?? (refused ? "rejected" : "accepted"))) };
    } catch (e) {
      const response = (e as { response?: unknown }).response;
      return { ok: false, response: typeof response === "string" ? short(response) : failureText(e) };
    }
  }

  close(): void {
    this.transport.close();
  }
}
