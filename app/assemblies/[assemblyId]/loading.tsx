import { LoadingNotice } from '@/app/_components/loading-notice';

/** Shown inside the assembly frame while a tab's data loads, so that the tabs stay in place. */
export default function Loading() {
  return <LoadingNotice />;
}
