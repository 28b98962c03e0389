import { H5Skeleton } from "@/components/h5/skeleton";

export default function Loading() {
  return <H5Skeleton />;
}
