/**
 * Checkout orchestration for the one-page checkout (REQ-CHK-004).
 *
 * Implements:
 *   REQ-CHK-001  guest checkout
 *   REQ-CHK-003  Apple Pay / Google Pay
 *   REQ-CHK-006  saved payment methods (2.1, behind the `savedMethods` flag)
 *   NFR-PERF-2   payment response time: p95 < 2 s, see PAYMENT_TIMEOUT_MS
 */
import { createHmac } from 'node:crypto';
import type { Cart } from './cart';

export type PaymentMethod =
  | { kind: 'card'; token: string; saved: boolean }
  | { kind: 'wallet'; wallet: 'apple-pay' | 'google-pay'; token: string }
  | { kind: 'local'; scheme: 'ideal' | 'bancontact'; issuer?: string };

export interface CheckoutRequest {
  cart: Cart;
  email: string;
  /** Undefined for guest checkout (REQ-CHK-001). */
  customerId?: string;
  address: Address;
  payment: PaymentMethod;
}

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  postcode: string;
  country: 'GB' | 'NL' | 'BE';
}

export interface OrderConfirmation {
  orderId: string;
  total: number;
  currency: 'GBP' | 'EUR';
  /** ISO-8601 timestamp with UTC offset, e.g. 2025-05-20T09:30:00+01:00 */
  placedAt: string;
  guest: boolean;
}

/** NFR-PERF-2: leave headroom under the 2 s p95 budget for rendering the confirmation page. */
const PAYMENT_TIMEOUT_MS = 1500;

const features = {
  savedMethods: process.env.FEATURE_SAVED_METHODS === 'on', // REQ-CHK-006
  localMethods: process.env.FEATURE_LOCAL_METHODS === 'on', // REQ-CHK-007
};

export class CheckoutError extends Error {
  constructor(
    readonly field: 'email' | 'address' | 'payment',
    message: string,
    /** The requirement whose rule was violated, shown in support tooling. */
    readonly requirement?: string,
  ) {
    super(message);
  }
}

export async function placeOrder(req: CheckoutRequest, gateway: PaymentGateway): Promise<OrderConfirmation> {
  if (!req.customerId && !req.email.includes('@')) {
    // Guests only need a valid e-mail address; no account, no password.
    throw new CheckoutError('email', 'Enter an e-mail address so we can send your receipt', 'REQ-CHK-001');
  }
  if (req.payment.kind === 'card' && req.payment.saved && !features.savedMethods) {
    throw new CheckoutError('payment', 'Saved cards are not available yet', 'REQ-CHK-006');
  }
  if (req.payment.kind === 'local' && !features.localMethods) {
    throw new CheckoutError('payment', 'This payment method is not available yet', 'REQ-CHK-007');
  }

  const total = req.cart.total();
  const currency = req.address.country === 'GB' ? 'GBP' : 'EUR';
  const result = await gateway.authorize(
    { amount: total, currency, method: req.payment, email: req.email },
    { timeoutMs: PAYMENT_TIMEOUT_MS },
  );
  return {
    orderId: result.orderId,
    total,
    currency,
    placedAt: new Date().toISOString(),
    guest: req.customerId === undefined,
  };
}

export interface PaymentGateway {
  authorize(
    payment: { amount: number; currency: string; method: PaymentMethod; email: string },
    options: { timeoutMs: number },
  ): Promise<{ orderId: string }>;
}

/** Webhooks from the payment provider are signed with HMAC SHA-256 over the raw UTF-8 body. */
export function verifyWebhook(rawBody: string, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
  return expected === signature;
}

export const PROVIDER_HEADERS = {
  'Content-Type': 'application/json; charset=UTF-8',
  'Provider-Version': '2024-10',
};
