import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time: pglite's wasm must not be copied into static media,
  // yjs must be one instance shared with the sync server, and PDFKit reads its font metrics and
  // the embedded font files from their package folders.
  serverExternalPackages: ['@electric-sql/pglite', 'yjs', 'pg', 'nodemailer', 'pdfkit', 'fontkit', 'dejavu-fonts-ttf'],
  // A separate build folder lets two builds (say, a developer's and a test run's) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
