"""explainer.dates: dates parsed and formatted at their precision, in one place."""

import datetime

import pytest

from explainer import dates


def test_dates_keep_their_precision():
    assert dates.format_date("2015") == "2015"
    assert dates.format_date("2015-02") == "February 2015"
    assert dates.format_date("2015-03-05") == "5 March 2015"
    assert dates.parts("2015-03") == (2015, 3)


def test_ranges_are_written_as_briefly_as_possible():
    assert dates.format_when({"start": "2014-09", "end": "2014-12"}) == "September to December 2014"
    assert dates.format_when({"start": "2015-07-02", "end": "2015-07-04"}) == "2 to 4 July 2015"
    assert dates.format_when({"start": "2015-04", "end": "2015-05"}) == "April to May 2015"
    assert dates.format_when({"start": "2014-12", "end": "2015-02"}) == "December 2014 to February 2015"
    # Mixed precision, or days in different months, spell out both ends.
    assert dates.format_when({"start": "2014-08", "end": "2014"}) == "August 2014 to 2014"
    assert dates.format_when({"start": "2015-06-30", "end": "2015-07-02"}) == "30 June 2015 to 2 July 2015"
    assert dates.format_when({"start": "2015-07", "end": "2015-07"}) == "July 2015"


def test_circa_and_notes_are_shown():
    assert dates.format_when("2015-03", circa=True) == "Around March 2015"
    assert dates.format_when("2015-03-11", note="on or before") == "11 March 2015 (on or before)"


def test_a_date_covers_every_day_of_its_precision():
    assert dates.days("2014") == (datetime.date(2014, 1, 1), datetime.date(2014, 12, 31))
    assert dates.days("2016-02") == (datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
    assert dates.days("2015-03-05") == (datetime.date(2015, 3, 5),) * 2


@pytest.mark.parametrize("text", ["2015-13", "2015-02-30", "2015-00", "2015-1x", "20x5"])
def test_invalid_dates_are_not_real(text):
    assert not dates.is_real(text)


@pytest.mark.parametrize("text", ["2015", "2015-12", "2016-02-29"])
def test_valid_dates_are_real(text):
    assert dates.is_real(text)


def test_sort_keys_put_the_less_precise_date_first_then_ranges_by_end():
    given = ["2015-03-05", {"start": "2015-03", "end": "2015-06"}, "2015", "2015-03", "2014-12-31"]
    ordered = sorted(given, key=dates.sort_key)
    assert ordered == ["2014-12-31", "2015", "2015-03", {"start": "2015-03", "end": "2015-06"}, "2015-03-05"]
    newest_first = sorted(["2015-03", "2015-03-05", "2016", "2015-03-20"], key=dates.descending_key)
    assert newest_first == ["2016", "2015-03", "2015-03-20", "2015-03-05"]


def test_machine_forms():
    assert dates.iso_interval({"start": "2014-09", "end": "2014-12"}) == "2014-09/2014-12"
    assert dates.iso_interval("2015") == "2015"
    assert dates.csl_date("2015-03") == {"date-parts": [[2015, 3]]}
    assert dates.csl_date("2015-03-05") == {"date-parts": [[2015, 3, 5]]}
    assert dates.bibtex_fields("2015") == {"year": "2015"}
    assert dates.bibtex_fields("2015-03-05") == {"year": "2015", "month": "3"}
    assert dates.day_start_utc("2026-11-29") == "2026-11-29T00:00:00Z"
    assert dates.utc_timestamp("2026-11-29T15:27:55+01:00") == "2026-11-29T14:27:55Z"


def test_fractional_years_sit_mid_precision():
    assert dates.year_fraction("2014") == 2014.5
    assert dates.year_fraction("2014-07") == pytest.approx(2014 + 6 / 12 + 1 / 24)
    assert dates.year_fraction("2014-07", month_middle=14 / 365) == pytest.approx(2014.5 + 14 / 365)
    assert dates.year_fraction("2014-01-01") == 2014.0


def test_today_follows_the_clock(monkeypatch):
    # Not cached: a long `make serve` that runs past midnight checks against the new day.
    class Clock(datetime.date):
        day = datetime.date(2026, 11, 29)

        @classmethod
        def today(cls):
            return cls.day

    monkeypatch.setattr(dates.datetime, "date", Clock)
    assert dates.today() == datetime.date(2026, 11, 29)
    Clock.day = datetime.date(2026, 11, 30)
    assert dates.today() == datetime.date(2026, 11, 30)
