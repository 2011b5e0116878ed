"""Quantities: values with a unit, a currency or a magnitude ("1.62 billion yuan", "50.3万辆"), and their
normalised amount and unit."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MAGNITUDE = r"(?:\s?(?:million|billion|trillion|thousand|mn|bn)\b)"
_CURRENCY_BEFORE = r"(?:US\$|HK\$|\$|€|¥|£|(?:RMB|CNY|USD|EUR|HKD)\s?)"
_MONEY_AFTER = (
    r"(?:yuan|renminbi|RMB|CNY|(?:US|U\.S\.|Hong Kong)\s(?:dollars?)|dollars?|euros?|won|yen|pounds?)"
)
_UNIT = (
    r"(?:percentage points?|percent|per cent|%|units?|vehicles?|cars?|passenger cars?|EVs?|NEVs?|orders?|"
    r"deliveries|stations?|swap stations|charging stations|plants?|factories|jobs|employees|workers|engineers|"
    r"dealers|dealerships|stores|sales networks|models|km|kilometers|kilometres|kWh|GWh|MWh|Wh/kg|GW|MW|kW|"
    r"square meters|square metres|sqm|hectares|tonnes|tons|seats|buses|coaches|trucks|charge cycles|cycles|"
    r"minutes|hours|years|times)"
)
FIGURE = re.compile(
    # A figure starts with a digit or a currency; saying so first lets the engine skip other places quickly.
    rf"(?=[\dUHRCE$€¥£])(?<![\w.,/-])(?:(?P<cur>{_CURRENCY_BEFORE})(?P<n1>{_NUMBER})(?P<m1>{_MAGNITUDE})?"
    rf"|(?P<n2>{_NUMBER})(?P<m2>{_MAGNITUDE})?(?:[\s-]?(?P<money>{_MONEY_AFTER})"
    rf"|(?P<unit>(?:\s(?!of\b|in\b|and\b|or\b|to\b|the\b|[a-z]+th\b)[a-z][a-z-]{{2,14}})?\s?{_UNIT}))?)"
    r"(?![\w])",
)
# Chinese: the number runs on from the word before it ("销量为50.3万辆"), so only an ASCII letter or digit may not.
CN_FIGURE = re.compile(
    r"(?<![0-9A-Za-z.,])(?P<n>\d+(?:\.\d+)?)\s?(?P<m>万亿|万|亿|千)?"
    r"(?P<u>元|美元|欧元|港元|日元|辆|台|%|％|个百分点|千瓦时|吉瓦时|公里|座|家)"
)

_MULTIPLIER = {"thousand": 3, "million": 6, "mn": 6, "billion": 9, "bn": 9, "trillion": 12,
               "千": 3, "万": 4, "亿": 8, "万亿": 12}
_CURRENCY = (
    (re.compile(r"^(?:US\$|USD|(?:US|U\.S\.)\s+dollars?|dollars?|\$|美元)$", re.I), "USD"),
    (re.compile(r"^(?:HK\$|HKD|Hong Kong\s+dollars?|港元)$", re.I), "HKD"),
    (re.compile(r"^(?:€|EUR|euros?|欧元)$", re.I), "EUR"),
    (re.compile(r"^(?:£|pounds?)$", re.I), "GBP"),
    (re.compile(r"^(?:yen|日元)$", re.I), "JPY"),
    (re.compile(r"^won$", re.I), "KRW"),
    (re.compile(r"^(?:¥|RMB|CNY|yuan|renminbi|元)$", re.I), "CNY"),
)
_UNIT_CODES = {
    "%": "%", "％": "%", "percent": "%", "cent": "%", "points": "pp", "point": "pp", "个百分点": "pp",
    "unit": "vehicles", "units": "vehicles", "vehicle": "vehicles", "vehicles": "vehicles", "car": "vehicles",
    "cars": "vehicles", "ev": "vehicles", "evs": "vehicles", "nev": "vehicles", "nevs": "vehicles",
    "deliveries": "vehicles", "辆": "vehicles", "台": "vehicles", "order": "orders", "orders": "orders",
    "kilometers": "km", "kilometres": "km", "公里": "km", "千瓦时": "kWh", "吉瓦时": "GWh",
}


def normalise(number: str, magnitude: str | None, currency: str | None, unit: str | None) -> tuple[Decimal, str]:
    """The amount a value states (magnitude applied: 万 = 10⁴, 亿 = 10⁸, billion = 10⁹) and its unit: an ISO
    currency code, "%", "pp", "vehicles", "orders", or the unit as written."""
    try:
        amount = Decimal(number.replace(",", ""))
    except InvalidOperation:
        amount = Decimal(0)
    if magnitude:
        amount = amount.scaleb(_MULTIPLIER.get(magnitude.strip().lower(), 0))
    if currency:
        code = currency.strip()
        for pattern, iso in _CURRENCY:
            if pattern.match(code):
                return amount, iso
        return amount, code
    if not unit:
        return amount, ""
    last = unit.split()[-1]
    return amount, _UNIT_CODES.get(last.lower(), _UNIT_CODES.get(last, last))
