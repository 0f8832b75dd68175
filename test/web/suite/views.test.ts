import { api, fixture } from '../../integration/helpers';
import { deepEqual, ok } from './assert';

/** The models behind the Lifecycle, Traceability and Releases trees, read through the extension's API. */
describe('the three trees\' data in the web host', () => {
  it('Lifecycle: both example products with their stages and documents', async () => {
    const { products } = (await api()).lifecycle();
    deepEqual(products.map((p) => p.product).sort(), ['Shop', '支付中心']);
    const shop = products.find((p) => p.product === 'Shop')!;
    const productization = shop.stages.find((s) => s.stage === 'productization');
    const checkout = productization?.documents.find((d) => d.id === 'PRD-CHECKOUT');
    ok(checkout, 'the checkout PRD is in productization');
    deepEqual([checkout.errors, checkout.path], [2, fixture('docs/shop/prd-checkout.md').toString()]);
  });

  it('Traceability: a requirement covered by code, with its upstream links', async () => {
    const model = (await api()).coverage();
    const guest = model.documents.flatMap((d) => d.requirements).find((r) => r.id === 'REQ-CHK-001');
    ok(guest, 'REQ-CHK-001 in the coverage model');
    deepEqual([guest.state, [...guest.upstream].sort()], ['code', ['BR-001', 'MR-001']]);
    ok(guest.codeReferences.some((r) => r.path === fixture('src/checkout.ts').toString()), 'referenced from src/checkout.ts');
  });

  it('Releases: the checkout requirements of Shop 2.1', async () => {
    const groups = (await api()).releases();
    const shop21 = groups.find((g) => g.product === 'Shop' && g.release === '2.1');
    ok(shop21, `a Shop 2.1 group, got ${groups.map((g) => `${g.product} ${g.release}`).join(', ')}`);
    ok(['REQ-CHK-006', 'REQ-CHK-007', 'REQ-CHK-009'].every((id) => shop21.requirements.some((r) => r.id === id)));
  });
});
