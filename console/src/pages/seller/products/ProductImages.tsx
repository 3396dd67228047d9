import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteApiV1SellerProductsByIdImagesByImageId, type SellerProduct } from '../../../api/generated';
import { ImagePicker } from './ImagePicker';
import { uploadImages } from './uploadImage';
import { problemText } from '../../../format/problem';

/** The product's images: uploaded as soon as they pass the rules, removable one by one. */
export function ProductImages({ product }: { product: SellerProduct }) {
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: ['seller-products'] });
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      const failures = await uploadImages(product.id, files);
      if (failures.length) throw new Error(failures.join(' '));
    },
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (imageId: string) =>
      deleteApiV1SellerProductsByIdImagesByImageId({ path: { id: product.id, imageId }, throwOnError: true }),
    onSettled: refresh,
  });
  return (
    <fieldset className="panel">
      <legend>상품 이미지</legend>
      {product.images.length === 0 && <p className="muted">이미지가 없습니다.</p>}
      <ul className="thumbs" aria-label="등록된 이미지">
        {product.images.map((image, index) => (
          <li key={image.id}>
            <img src={image.url} alt={`${product.name} 이미지 ${index + 1}`} />
            <button
              type="button"
              className="link-button"
              disabled={remove.isPending}
              onClick={() => remove.mutate(image.id)}
            >
              이미지 {index + 1} 삭제
            </button>
          </li>
        ))}
      </ul>
      <ImagePicker
        alreadyThere={product.images.length}
        disabled={upload.isPending}
        onAccept={(files) => upload.mutate(files)}
      />
      {upload.isPending && <p className="muted">올리는 중…</p>}
      {(upload.isError || remove.isError) && (
        <p role="alert" className="error">
          {upload.error instanceof Error ? upload.error.message : problemText(remove.error)}
        </p>
      )}
    </fieldset>
  );
}
