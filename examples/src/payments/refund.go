// Package refund implements 原路退款 for 支付中心 (REQ-PAY-004): full and partial refunds back to
// the original channel, any number of partial refunds up to the paid amount (MF-PAY-002).
package refund

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// ErrExceedsPaid is returned when the refunds of a payment would exceed what the customer paid.
var ErrExceedsPaid = errors.New("refund: total refunds exceed the paid amount (REQ-PAY-004)")

// Status of one refund. Mirrors the states customer service sees in the back office.
type Status string

const (
	StatusPending   Status = "pending"
	StatusSucceeded Status = "succeeded"
	StatusFailed    Status = "failed"
)

// Refund is one (possibly partial) refund of a payment.
type Refund struct {
	RefundNo    string
	PaymentNo   string
	AmountFen   int64
	Reason      string
	Status      Status
	// RequestedAt is serialised as ISO-8601 / RFC 3339 with offset.
	RequestedAt time.Time
}

// Channel is implemented by each channel adapter (WeChat Pay, Alipay, UnionPay).
type Channel interface {
	Refund(ctx context.Context, r Refund) (Status, error)
}

// Store persists payments and refunds.
type Store interface {
	PaidAmount(ctx context.Context, paymentNo string) (int64, error)
	RefundedAmount(ctx context.Context, paymentNo string) (int64, error)
	Save(ctx context.Context, r Refund) error
}

// Service issues refunds. Refunds for a payment are serialised by the store's row lock, so two
// agents refunding the same order at once cannot exceed the paid amount.
type Service struct {
	Store   Store
	Channel Channel
	Secret  []byte
}

// Issue refunds amountFen of paymentNo back to the original channel.
// Peak load target: NFR-PAY-002 (3,000 TPS across all payment APIs).
func (s *Service) Issue(ctx context.Context, paymentNo string, amountFen int64, reason string) (Refund, error) {
	if amountFen <= 0 {
		return Refund{}, fmt.Errorf("refund: amount must be positive, got %d", amountFen)
	}
	paid, err := s.Store.PaidAmount(ctx, paymentNo)
	if err != nil {
		return Refund{}, err
	}
	refunded, err := s.Store.RefundedAmount(ctx, paymentNo)
	if err != nil {
		return Refund{}, err
	}
	if refunded+amountFen > paid {
		return Refund{}, ErrExceedsPaid
	}
	r := Refund{
		RefundNo:    s.refundNo(paymentNo, refunded),
		PaymentNo:   paymentNo,
		AmountFen:   amountFen,
		Reason:      reason,
		Status:      StatusPending,
		RequestedAt: time.Now(),
	}
	if err := s.Store.Save(ctx, r); err != nil {
		return Refund{}, err
	}
	status, err := s.Channel.Refund(ctx, r)
	r.Status = status
	return r, errors.Join(err, s.Store.Save(ctx, r))
}

// refundNo derives an idempotent refund number (SHA-256 of payment number and refunded amount),
// so a retried request never refunds twice.
func (s *Service) refundNo(paymentNo string, refundedSoFar int64) string {
	mac := hmac.New(sha256.New, s.Secret)
	fmt.Fprintf(mac, "%s|%d", paymentNo, refundedSoFar)
	return "RF" + hex.EncodeToString(mac.Sum(nil))[:24]
}
