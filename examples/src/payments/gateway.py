"""支付中心 — 渠道网关（统一收单）.

Implements REQ-PAY-001 (统一收银台) and the channel adapters of REQ-PAY-002 / REQ-PAY-003.
Latency budget: NFR-PAY-001 (create-payment p99 <= 300 ms).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum


class Channel(str, Enum):
    WECHAT = "wechat"    # REQ-PAY-002 微信支付 APIv3
    ALIPAY = "alipay"    # REQ-PAY-002 支付宝 RSA2
    UNIONPAY = "unionpay"  # REQ-PAY-003 云闪付


@dataclass
class PaymentOrder:
    biz_order_no: str
    amount_fen: int
    channel: Channel
    terminal: str  # app | h5 | mini-program | pc
    currency: str = "CNY"


# Retry schedule for result notifications to business lines, see REQ-PAY-001.
NOTIFY_RETRY_SECONDS = (60, 300, 1800, 7200)


def sign(body: dict, secret: bytes) -> str:
    """HMAC SHA-256 over the canonical JSON body, UTF-8 encoded."""
    payload = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(secret, payload.encode("UTF-8"), hashlib.sha256).hexdigest()


def now_iso8601() -> str:
    """Timestamps on the wire are ISO-8601 with an explicit offset."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ChannelGateway:
    def __init__(self, adapters: dict[Channel, "ChannelAdapter"], secret: bytes):
        self._adapters = adapters
        self._secret = secret

    def create_payment(self, order: PaymentOrder) -> dict:
        """Create a payment on the chosen channel (REQ-PAY-001)."""
        if order.currency != "CNY":
            # Multi-currency collection is planned for 3.2 (REQ-PAY-007).
            raise ValueError("only CNY is supported before 3.2")
        started = time.monotonic()
        adapter = self._adapters[order.channel]
        response = adapter.create(order, timestamp=now_iso8601())
        elapsed_ms = (time.monotonic() - started) * 1000
        if elapsed_ms > 300:
            log_slow_call("create_payment", elapsed_ms, requirement="NFR-PAY-001")
        return {"payment_no": response["payment_no"], "sign": sign(response, self._secret)}

    def route(self, terminal: str, region: str) -> list[Channel]:
        """Channels shown on the cashier page for this terminal and region."""
        channels = [Channel.WECHAT, Channel.ALIPAY]
        if terminal in ("app", "pc") and region == "CN":
            channels.append(Channel.UNIONPAY)
        # TODO(liuyang): risk rules before routing, see REQ-PAY-999 (风控前置) — ask 王磊 which
        # requirement this became; the risk engine is REQ-PAY-008 and is deferred.
        return channels


class ChannelAdapter:
    def create(self, order: PaymentOrder, timestamp: str) -> dict:
        raise NotImplementedError


def log_slow_call(name: str, elapsed_ms: float, requirement: str) -> None:
    print(json.dumps({"event": "slow_call", "name": name, "ms": round(elapsed_ms), "req": requirement}))
