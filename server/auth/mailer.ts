import { createTransport, type Transporter } from 'nodemailer';
import { logger } from '../logging/logger';

/** Sends the few emails Plenary needs. */
export interface Mailer {
  /** Sends a password-reset link to `to`. */
  sendPasswordReset(to: { email: string; name: string }, url: string): Promise<void>;
}

/**
 * A mailer that sends through SMTP when `smtpUrl` is given, and otherwise
 * writes the link to the server log, so that a self-hosted assembly
 * without mail can still reset a password from the console.
 */
export function createMailer(options: { smtpUrl?: string; from: string }): Mailer {
  const transport: Transporter | undefined = options.smtpUrl ? createTransport(options.smtpUrl) : undefined;
  return {
    async sendPasswordReset(to, url) {
      const subject = 'Reset your Plenary password';
      const text = `Hello ${to.name},\n\nSomeone (hopefully you) asked to reset your Plenary password. Open this link within an hour to choose a new one:\n\n${url}\n\nIf it was not you, ignore this message.`;
      if (!transport) {
        // Whole and readable on purpose (no field here is redacted): without SMTP, the log is how the
        // operator gets the link to the member. A warning, so that LOG_LEVEL=warn still shows it.
        logger().warn(
          { component: 'mail', to: to.email, resetLink: url },
          `No SMTP_URL configured, so the password-reset link for ${to.email} is written here instead of mailed: ${url}`,
        );
        return;
      }
      await transport.sendMail({ from: options.from, to: to.email, subject, text });
    },
  };
}
