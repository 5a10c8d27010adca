import { LoadingNotice } from './_components/loading-notice';

/** Shown while a page's server data loads. */
export default function Loading() {
  return <LoadingNotice />;
}
