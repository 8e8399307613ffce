"""The deadline arithmetic: business days across weekends, holidays, year ends, pauses and the extension."""

import datetime

import pytest

from privacy.deadlines import business_days_between, due_date, is_business_day

D = datetime.date


def test_twenty_business_days_from_a_monday_skip_four_weekends():
    # Received Monday 2 March 2026: counting starts Tuesday; 20 business days end Monday 30 March.
    assert due_date(received_on=D(2026, 3, 2), business_days=20) == D(2026, 3, 30)


def test_request_received_on_a_saturday_counts_from_monday():
    assert due_date(received_on=D(2026, 3, 7), business_days=1) == D(2026, 3, 9)


def test_day_of_receipt_does_not_count():
    assert due_date(received_on=D(2026, 3, 2), business_days=1) == D(2026, 3, 3)


def test_holidays_are_skipped():
    holidays = {D(2026, 3, 16)}  # Natalicio de Benito Juárez (third Monday of March)
    assert due_date(received_on=D(2026, 3, 2), business_days=20, holidays=holidays) == D(2026, 3, 31)


def test_a_holiday_on_a_weekend_changes_nothing():
    assert due_date(received_on=D(2026, 3, 2), business_days=20, holidays={D(2026, 3, 7)}) == D(2026, 3, 30)


def test_across_the_year_end_with_the_winter_holidays():
    holidays = {D(2026, 12, 25), D(2027, 1, 1)} | {D(2026, 12, 21) + datetime.timedelta(days=n) for n in range(4)}
    # Received Friday 18 December 2026: 21–25 December are holidays, so the 28th to the 31st count (4);
    # 1 January is a holiday; then 16 more from Monday 4 January end on Monday 25 January.
    assert due_date(received_on=D(2026, 12, 18), business_days=20, holidays=holidays) == D(2027, 1, 25)


def test_extension_adds_business_days_after_the_term():
    assert due_date(received_on=D(2026, 3, 2), business_days=20, extension_days=10) == D(2026, 4, 13)


def test_open_pause_stops_the_clock():
    assert due_date(received_on=D(2026, 3, 2), business_days=20, pauses=[(D(2026, 3, 5), None)]) is None


def test_closed_pause_moves_the_due_date_by_the_business_days_it_lasted():
    # Asked Thursday 5 March, completed Wednesday 11 March: 6, 9, 10, 11 do not count (4 business days).
    pauses = [(D(2026, 3, 5), D(2026, 3, 11))]
    assert due_date(received_on=D(2026, 3, 2), business_days=20, pauses=pauses) == D(2026, 4, 3)


def test_pause_completed_the_day_it_was_asked_costs_nothing():
    pauses = [(D(2026, 3, 5), D(2026, 3, 5))]
    assert due_date(received_on=D(2026, 3, 2), business_days=20, pauses=pauses) == D(2026, 3, 30)


def test_pause_over_a_holiday_and_a_weekend_counts_only_business_days():
    holidays = {D(2026, 3, 16)}
    # Paused Friday 13 to Tuesday 17: 14, 15 weekend, 16 holiday, 17 paused: one business day lost.
    pauses = [(D(2026, 3, 13), D(2026, 3, 17))]
    assert due_date(received_on=D(2026, 3, 2), business_days=20, holidays=holidays, pauses=pauses) == D(2026, 4, 1)


def test_two_pauses_and_an_extension_add_up():
    pauses = [(D(2026, 3, 3), D(2026, 3, 4)), (D(2026, 3, 10), D(2026, 3, 12))]  # 1 + 2 business days
    assert due_date(received_on=D(2026, 3, 2), business_days=20, pauses=pauses, extension_days=10) == D(2026, 4, 16)


def test_leap_day_is_a_business_day():
    assert due_date(received_on=D(2028, 2, 28), business_days=1) == D(2028, 2, 29)


def test_zero_days_is_the_day_of_receipt_and_negative_is_refused():
    assert due_date(received_on=D(2026, 3, 2), business_days=0) == D(2026, 3, 2)
    with pytest.raises(ValueError):
        due_date(received_on=D(2026, 3, 2), business_days=-1)


def test_business_days_between_counts_after_the_start_up_to_the_end():
    assert business_days_between(D(2026, 3, 2), D(2026, 3, 9)) == 5
    assert business_days_between(D(2026, 3, 9), D(2026, 3, 2)) == 0
    assert business_days_between(D(2026, 3, 2), D(2026, 3, 9), {D(2026, 3, 4)}) == 4
    assert is_business_day(D(2026, 3, 6), set()) and not is_business_day(D(2026, 3, 7), set())
