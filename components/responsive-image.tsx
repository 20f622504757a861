import { mediaUrl, srcSet, variantUrl } from "@/lib/media/image-url";

type Props = {
  storageKey: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  priority?: boolean;
  className?: string;
};

/** A locally stored image as <picture>: AVIF and WebP variants, JPEG fallback, fixed aspect ratio. */
export function ResponsiveImage({ storageKey, alt, width, height, sizes, priority, className }: Props) {
  const url = mediaUrl(storageKey);
  return (
    <picture>
      <source type="image/avif" srcSet={srcSet(url, width, "avif")} sizes={sizes} />
      <source type="image/webp" srcSet={srcSet(url, width, "webp")} sizes={sizes} />
      <img
        src={variantUrl(url, Math.min(width, 960), "jpeg")}
        srcSet={srcSet(url, width, "jpeg")}
        sizes={sizes}
        alt={alt}
        width={width}
        height={height}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : undefined}
        decoding="async"
        className={className}
      />
    </picture>
  );
}
