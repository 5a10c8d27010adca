import { createTransport, type Transporter } from 'nodemailer';

/** Sends the few emails Plenary needs. */
export interface Mailer {
  /** Sends a password-reset link to `to`. */
  sendPasswordReset(to: { email: string; name: string }, url: string): Promise<void>;
}

/**
 * A mailer that sends through SMTP when `smtpUrl` is given, and otherwise
 * writes the message to the server log, so that a self-hosted assembly
 * without mail can still reset a password from the console.
 */
export function createMailer(options: { smtpUrl?: string; from: string; log?: (line: string) => void }): Mailer {
  const log = options.log ?? ((line: string) => console.log(line));
  const transport: Transporter | undefined = options.smtpUrl ? createTransport(options.smtpUrl) : undefined;
  return {
    async sendPasswordReset(to, url) {
      const subject = 'Reset your Plenary password';
      const text = `Hello ${to.name},\n\nSomeone (hopefully you) asked to reset your Plenary password. Open this link within an hour to choose a new one:\n\n${url}\n\nIf it was not you, ignore this message.`;
      if (!transport) {
        log(`[mail] no SMTP_URL configured; password-reset link for ${to.email}: ${url}`);
        return;
      }
      await transport.sendMail({ from: options.from, to: to.email, subject, text });
    },
  };
}
