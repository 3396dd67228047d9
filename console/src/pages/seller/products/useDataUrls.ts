import { useEffect, useState } from 'react';

/** Previews as data: URLs (the shop's CSP allows `img-src 'self' data:`, not blob:). */
export function useDataUrls(files: File[]): (string | undefined)[] {
  const [urls, setUrls] = useState<(string | undefined)[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all(
      files.map(
        (file) =>
          new Promise<string | undefined>((resolve) => {
            const reader = new FileReader();
            reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : undefined);
            reader.onerror = () => resolve(undefined);
            reader.readAsDataURL(file);
          }),
      ),
    ).then((read) => live && setUrls(read));
    return () => {
      live = false;
    };
  }, [files]);
  return urls;
}
