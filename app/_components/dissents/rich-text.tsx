/**
 * Text the server rendered from Markdown and sanitised (a dissent's or a
 * reply's body). It is the only HTML the dissents panel inserts, and it never
 * comes from the browser: what a member types is sent as Markdown.
 */
export function RichText({ html, className = '' }: { html: string; className?: string }) {
  return <div className={`dissent-rich-text ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
