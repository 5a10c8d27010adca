import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// What a dissent or a reply may contain once rendered: prose, lists, quotes, code and links.
// No images, styles, scripts, forms or raw attributes: words, not page furniture.
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr'],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Headings inside a dissent sit below the page's own: h1/h2 become h3/h4.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};
ALLOWED.allowedAttributes = { a: ['href', 'title', 'rel', 'target'] };

/**
 * Markdown written by a member, as HTML safe to insert into a page: rendered
 * by marked, then sanitised (raw HTML in the Markdown is cleaned too).
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, ALLOWED);
}
