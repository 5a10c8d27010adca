import type { RecordFile } from '../services/export-record';

/** A download: the file's bytes with its type and a file name the browser offers to save under. */
export function fileResponse(file: RecordFile): Response {
  const body: BodyInit = typeof file.body === 'string' ? file.body : new Blob([new Uint8Array(file.body)]);
  return new Response(body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'private, no-store',
    },
  });
}
