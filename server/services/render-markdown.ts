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
  let html: string;
  try {
    html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  } catch {
    // Pathological nesting (thousands of `>` or list markers) exhausts marked's stack. One
    // member's words must never make a thread unreadable for everyone: show them as plain text.
    return plainParagraphs(markdown);
  }
  return sanitizeHtml(html, ALLOWED);
}

/** The words as escaped paragraphs, line breaks kept: the rendering of last resort. */
function plainParagraphs(text: string): string {
  const escaped = sanitizeHtml(text, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'escape' });
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br />')}</p>`)
    .join('');
}
