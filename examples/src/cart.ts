/**
 * Shopping cart model shared by the cart page and the one-page checkout.
 *
 * The order summary must always show items, delivery, VAT and discounts (REQ-CHK-004);
 * promo codes follow REQ-CHK-005. Loyalty points redemption (REQ-LOY-002) plugs in as
 * another discount line once Shop Rewards ships.
 */

export interface CartLine {
  sku: string;
  name: string;
  unitPrice: number; // minor units (pence / cents)
  quantity: number;
}

export interface Discount {
  code: string;
  amount: number;
  /** Where the discount comes from: a promo code or loyalty points. */
  source: 'promo' | 'points';
}

const FREE_DELIVERY_THRESHOLD = 4000; // £40, see the Shop MRD pricing section
const DELIVERY_FEE = 395;

export class Cart {
  private readonly lines: CartLine[] = [];
  private discount?: Discount;

  add(line: CartLine): void {
    const existing = this.lines.find((l) => l.sku === line.sku);
    if (existing) existing.quantity += line.quantity;
    else this.lines.push({ ...line });
  }

  subtotal(): number {
    return this.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  }

  delivery(): number {
    return this.subtotal() >= FREE_DELIVERY_THRESHOLD ? 0 : DELIVERY_FEE;
  }

  /** REQ-CHK-005: one promo code per order; codes are case-insensitive (fixed in 2.0). */
  applyPromo(code: string, lookup: (code: string) => number | undefined): 'applied' | 'invalid' {
    const normalized = code.trim().toUpperCase();
    const amount = lookup(normalized);
    if (amount === undefined) return 'invalid';
    this.discount = { code: normalized, amount, source: 'promo' };
    return 'applied';
  }

  total(): number {
    return Math.max(0, this.subtotal() + this.delivery() - (this.discount?.amount ?? 0));
  }

  /** Summary lines for the sticky order summary (REQ-CHK-004). */
  summary(): { label: string; amount: number }[] {
    const rows = [
      { label: 'Items', amount: this.subtotal() },
      { label: 'Delivery', amount: this.delivery() },
    ];
    if (this.discount) rows.push({ label: `Discount (${this.discount.code})`, amount: -this.discount.amount });
    rows.push({ label: 'Total', amount: this.total() });
    return rows;
  }
}
