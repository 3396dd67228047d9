import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { postApiV1SellerProducts } from '../../api/generated';
import { CategorySelect } from './products/CategorySelect';
import { ImagePicker } from './products/ImagePicker';
import { OptionsEditor } from './products/OptionsEditor';
import { uploadImages } from './products/uploadImage';
import { useDataUrls } from './products/useDataUrls';
import { VariantGrid } from './products/VariantGrid';
import { buildGrid, usableOptions, type OptionDraft, type VariantDraft } from './products/variantDraft';
import './ops/ops.css';
import { ErrorText } from '../../ui/ListState';

/** 상품 등록: name, price, category, options and the variant grid (추가 금액, 재고), images. */
export default function ProductNewPage() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [description, setDescription] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [variants, setVariants] = useState<VariantDraft[]>(() => buildGrid([], []));
  const [images, setImages] = useState<File[]>([]);
  const previews = useDataUrls(images);

  const changeOptions = (next: OptionDraft[]) => {
    setOptions(next);
    setVariants((previous) => buildGrid(next, previous));
  };

  const create = useMutation({
    mutationFn: async () => {
      const created = await postApiV1SellerProducts({
        body: {
          name: name.trim(),
          description,
          price: Number(price),
          categoryId: categoryId || null,
          options: usableOptions(options),
          variants: variants.map((v) => ({
            options: v.options,
            stock: Number(v.stock || 0),
            priceDelta: Number(v.priceDelta || 0),
          })),
        },
        throwOnError: true,
      });
      const failures = await uploadImages(created.data.id, images);
      return { id: created.data.id, failures };
    },
    onSuccess: async ({ id, failures }) => {
      await queries.invalidateQueries({ queryKey: ['seller-products'] });
      const notice = failures.length
        ? `상품을 등록했지만 올리지 못한 이미지가 있습니다. ${failures.join(' ')}`
        : '상품을 등록했습니다.';
      navigate(`/seller/products/${id}`, { state: { notice } });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <section>
      <div className="heading">
        <h1>새 상품 등록</h1>
        <Link to="/seller/products">상품 목록</Link>
      </div>
      <form onSubmit={submit}>
        <label>
          상품명
          <input value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          판매가(원)
          <input type="number" min={1} value={price} required onChange={(e) => setPrice(e.target.value)} />
        </label>
        <label>
          상품 설명
          <textarea rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <CategorySelect value={categoryId} onChange={setCategoryId} />
        <OptionsEditor options={options} onChange={changeOptions} />
        <VariantGrid variants={variants} basePrice={Number(price || 0)} onChange={setVariants} />
        <fieldset className="panel">
          <legend>상품 이미지</legend>
          <ImagePicker
            alreadyThere={images.length}
            onAccept={(files) => setImages((now) => [...now, ...files])}
          />
          {images.length > 0 && (
            <ul className="thumbs" aria-label="올릴 이미지">
              {images.map((file, index) => (
                <li key={`${file.name}-${index}`}>
                  {previews[index] && <img src={previews[index]} alt={file.name} />}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setImages((now) => now.filter((_, i) => i !== index))}
                  >
                    {file.name} 빼기
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <ErrorText error={create.error} />
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? '등록하는 중…' : '상품 등록하기'}
        </button>
      </form>
    </section>
  );
}
